// Reference data, staff accounts and the audit trail.
#include "http/routes.hpp"
#include "usecases/accounts.hpp"
#include "usecases/audit_log.hpp"
#include "usecases/reference.hpp"

namespace parcours::http::handlers {

void ListDepartements(RequestContext& ctx) {
    auto result = usecases::ListDepartements(ctx.ports, ctx.who());
    if (!result) return WriteError(ctx, result.error());
    auto items = nlohmann::json::array();
    for (const auto& d : result.value()) {
        items.push_back({{"code", d.code},
                         {"name", d.name},
                         {"region_code", d.region_code},
                         {"region_name", d.region_name}});
    }
    WriteJson(ctx, 200, items);
}

void ListUsers(RequestContext& ctx) {
    auto limit = static_cast<int>(QueryInt(ctx.req, "limit", 50, 1, 500));
    auto offset = static_cast<int>(QueryInt(ctx.req, "offset", 0, 0, 1'000'000));
    auto result = usecases::ListUsers(ctx.ports, ctx.who(), limit, offset, ctx.meta, ctx.now);
    if (!result) return WriteError(ctx, result.error());
    auto items = nlohmann::json::array();
    for (const auto& user : result.value()) items.push_back(UserJson(user));
    WriteJson(ctx, 200, {{"items", items}, {"limit", limit}, {"offset", offset}});
}

void GetUser(RequestContext& ctx) {
    auto result = usecases::GetUser(ctx.ports, ctx.who(), PathId(ctx.req, 1), ctx.meta, ctx.now);
    if (!result) return WriteError(ctx, result.error());
    WriteJson(ctx, 200, UserJson(result.value()));
}

void DisableUser(RequestContext& ctx) {
    ParseOptionalBody(ctx.req);
    auto result =
        usecases::DisableUser(ctx.ports, ctx.principal, PathId(ctx.req, 1), ctx.meta, ctx.now);
    if (!result) return WriteError(ctx, result.error());
    WriteJson(ctx, 200, UserJson(result.value()));
}

void ListAudit(RequestContext& ctx) {
    auto after = QueryInt(ctx.req, "after", 0, 0, INT64_MAX);
    auto limit = static_cast<int>(QueryInt(ctx.req, "limit", 100, 1, 1000));
    auto result = usecases::ListAudit(ctx.ports, ctx.who(), after, limit, ctx.meta, ctx.now);
    if (!result) return WriteError(ctx, result.error());
    auto items = nlohmann::json::array();
    for (const auto& e : result.value()) {
        items.push_back({{"id", e.id},
                         {"at", e.at},
                         {"actor_user_id", e.actor_user_id},
                         {"action", e.action},
                         {"record_type", e.record_type},
                         {"record_id", e.record_id},
                         {"outcome", e.outcome},
                         {"request_id", e.request_id},
                         {"hash", e.hash}});
    }
    WriteJson(ctx, 200, {{"items", items}});
}

}  // namespace parcours::http::handlers
