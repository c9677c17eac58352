#pragma once
// The whole route table. Every /api route names who may reach it; the policy decides the rest.
#include <vector>

#include "http/request_context.hpp"

namespace parcours::http {

enum class Access {
    kPublic,         // no login
    kSetup,          // logged in, even with a first password or second factor still to set up
    kAuthenticated,  // logged in, account set up
};

using HandlerFn = void (*)(RequestContext&);

struct Route {
    const char* method;
    const char* pattern;  // a regex: cpp-httplib 0.11 has no named parameters
    Access access;
    HandlerFn handler;
};

const std::vector<Route>& RouteTable();

namespace handlers {
void Health(RequestContext& ctx);
void Login(RequestContext& ctx);
void Logout(RequestContext& ctx);
void Me(RequestContext& ctx);
void ChangePassword(RequestContext& ctx);
void EnrolTotp(RequestContext& ctx);
void ConfirmTotp(RequestContext& ctx);
void ListDepartements(RequestContext& ctx);
void ListUsers(RequestContext& ctx);
void GetUser(RequestContext& ctx);
void DisableUser(RequestContext& ctx);
void ListAudit(RequestContext& ctx);
}  // namespace handlers

}  // namespace parcours::http
