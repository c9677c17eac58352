#pragma once
#include <optional>
#include <string>

#include "http/request_context.hpp"

namespace parcours::http {

inline constexpr const char* kSessionCookie = "parcours_session";

void SetSessionCookie(RequestContext& ctx, const std::string& token);
void ClearSessionCookie(RequestContext& ctx);
std::optional<std::string> SessionCookie(const httplib::Request& req);
std::optional<std::string> BearerToken(const httplib::Request& req);

}  // namespace parcours::http
