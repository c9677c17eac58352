// /api/v1/auth/* and /api/v1/me
#include "usecases/auth.hpp"
#include "http/routes.hpp"
#include "http/session_cookie.hpp"

namespace parcours::http::handlers {

namespace {

constexpr std::size_t kMaxEmail = 254;
constexpr std::size_t kMaxPassword = 1024;

nlohmann::json SessionJson(const usecases::Principal& principal) {
    return {{"user", UserJson(principal.user)}, {"csrf_token", principal.csrf_token}};
}

}  // namespace

void Health(RequestContext& ctx) {
    WriteJson(ctx, 200,
              {{"status", "ok"},
               {"schema_version", ctx.schema_version},
               {"engine", ctx.ports.storage.EngineName()}});
}

void Login(RequestContext& ctx) {
    auto body = ParseBody(ctx.req, {"email", "password", "totp"});
    usecases::LoginInput input;
    input.email = RequiredString(body, "email", kMaxEmail);
    input.password = RequiredString(body, "password", kMaxPassword);
    input.totp = OptionalString(body, "totp", 16);
    auto result = usecases::Login(ctx.ports, input, ctx.meta, ctx.now);
    if (!result) return WriteError(ctx, result.error());
    SetSessionCookie(ctx, result.value().session_token);
    WriteJson(ctx, 200, SessionJson(result.value().principal));
}

void Logout(RequestContext& ctx) {
    ParseOptionalBody(ctx.req);
    auto result = usecases::Logout(ctx.ports, ctx.who(), ctx.meta, ctx.now);
    if (!result) return WriteError(ctx, result.error());
    ClearSessionCookie(ctx);
    ctx.res.status = 204;
}

void Me(RequestContext& ctx) {
    WriteJson(ctx, 200, SessionJson(ctx.who()));
}

void ChangePassword(RequestContext& ctx) {
    auto body = ParseBody(ctx.req, {"current_password", "new_password"});
    auto current = RequiredString(body, "current_password", kMaxPassword);
    auto fresh = RequiredString(body, "new_password", kMaxPassword);
    auto result = usecases::ChangePassword(ctx.ports, ctx.who(), current, fresh, ctx.meta, ctx.now);
    if (!result) return WriteError(ctx, result.error());
    WriteJson(ctx, 200, {{"user", UserJson(result.value())}});
}

void EnrolTotp(RequestContext& ctx) {
    ParseOptionalBody(ctx.req);
    auto result = usecases::BeginTotpEnrolment(ctx.ports, ctx.who(), ctx.meta, ctx.now);
    if (!result) return WriteError(ctx, result.error());
    WriteJson(ctx, 200,
              {{"secret", result.value().secret}, {"otpauth_uri", result.value().otpauth_uri}});
}

void ConfirmTotp(RequestContext& ctx) {
    auto body = ParseBody(ctx.req, {"code"});
    auto code = RequiredString(body, "code", 16);
    auto result = usecases::ConfirmTotp(ctx.ports, ctx.who(), code, ctx.meta, ctx.now);
    if (!result) return WriteError(ctx, result.error());
    WriteJson(ctx, 200, {{"user", UserJson(result.value())}});
}

}  // namespace parcours::http::handlers
