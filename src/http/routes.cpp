#include "http/routes.hpp"

namespace parcours::http {

const std::vector<Route>& RouteTable() {
    using enum Access;
    static const std::vector<Route> kRoutes = {
        {"GET", "/healthz", kPublic, handlers::Health},
        {"POST", "/api/v1/auth/login", kPublic, handlers::Login},
        {"POST", "/api/v1/auth/logout", kSetup, handlers::Logout},
        {"GET", "/api/v1/me", kSetup, handlers::Me},
        {"POST", "/api/v1/auth/password", kSetup, handlers::ChangePassword},
        {"POST", "/api/v1/auth/totp/enrol", kSetup, handlers::EnrolTotp},
        {"POST", "/api/v1/auth/totp/confirm", kSetup, handlers::ConfirmTotp},
        {"GET", "/api/v1/departements", kAuthenticated, handlers::ListDepartements},
        {"GET", "/api/v1/users", kAuthenticated, handlers::ListUsers},
        {"GET", R"(/api/v1/users/(\d+))", kAuthenticated, handlers::GetUser},
        {"POST", R"(/api/v1/users/(\d+)/disable)", kAuthenticated, handlers::DisableUser},
        {"GET", "/api/v1/audit", kAuthenticated, handlers::ListAudit},
    };
    return kRoutes;
}

}  // namespace parcours::http
