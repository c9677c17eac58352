#include "http/session_cookie.hpp"

#include <chrono>

namespace parcours::http {

namespace {

std::string Attributes(const RequestContext& ctx) {
    return std::string("; Path=/; HttpOnly; SameSite=Strict") +
           (ctx.settings.secure_cookies ? "; Secure" : "");
}

}  // namespace

void SetSessionCookie(RequestContext& ctx, const std::string& token) {
    auto max_age =
        std::chrono::duration_cast<std::chrono::seconds>(ctx.ports.settings.session_absolute);
    ctx.res.set_header("Set-Cookie", std::string(kSessionCookie) + "=" + token + Attributes(ctx) +
                                         "; Max-Age=" + std::to_string(max_age.count()));
}

void ClearSessionCookie(RequestContext& ctx) {
    ctx.res.set_header("Set-Cookie",
                       std::string(kSessionCookie) + "=" + Attributes(ctx) + "; Max-Age=0");
}

std::optional<std::string> SessionCookie(const httplib::Request& req) {
    const std::string header = req.get_header_value("Cookie");
    const std::string prefix = std::string(kSessionCookie) + "=";
    std::size_t pos = 0;
    while (pos < header.size()) {
        auto end = header.find(';', pos);
        if (end == std::string::npos) end = header.size();
        auto start = header.find_first_not_of(' ', pos);
        if (start != std::string::npos && start < end &&
            header.compare(start, prefix.size(), prefix) == 0) {
            return header.substr(start + prefix.size(), end - start - prefix.size());
        }
        pos = end + 1;
    }
    return std::nullopt;
}

std::optional<std::string> BearerToken(const httplib::Request& req) {
    const std::string header = req.get_header_value("Authorization");
    constexpr std::string_view kPrefix = "Bearer ";
    if (header.size() <= kPrefix.size() || header.compare(0, kPrefix.size(), kPrefix) != 0) {
        return std::nullopt;
    }
    return header.substr(kPrefix.size());
}

}  // namespace parcours::http
