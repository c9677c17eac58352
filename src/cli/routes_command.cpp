// `parcours routes` prints the server's route table, one JSON object a line:
//   {"method":"GET","pattern":"/api/v1/persons/(\\d+)","access":"authenticated","body":false,
//    "captures":1}
// so that the security scanners (tests/security/) cover a new route without being edited.
#include "cli/routes_command.hpp"

#include <nlohmann/json.hpp>

#include <iostream>
#include <regex>
#include <string>

#include "http/routes.hpp"

namespace parcours::cli {

namespace {

const char* AccessName(http::Access access) {
    switch (access) {
        case http::Access::kPublic:
            return "public";
        case http::Access::kSetup:
            return "setup";
        case http::Access::kAuthenticated:
            return "authenticated";
    }
    return "authenticated";
}

// The groups that cpp-httplib hands to the handler in req.matches.
int CountCaptures(const std::string& pattern) {
    return static_cast<int>(std::regex(pattern).mark_count());
}

}  // namespace

void AddRoutesCommand(CLI::App& app, std::function<int()>& action) {
    auto* routes = app.add_subcommand(
        "routes", "Print the HTTP route table as JSON lines (method, pattern, access, body)");
    routes->callback([&action] {
        action = [] {
            for (const http::Route& route : http::RouteTable()) {
                std::string method = route.method;
                nlohmann::json line = {
                    {"method", method},
                    {"pattern", route.pattern},
                    {"access", AccessName(route.access)},
                    {"body", method == "POST" || method == "PUT" || method == "PATCH"},
                    {"captures", CountCaptures(route.pattern)},
                };
                std::cout << line.dump() << "\n";
            }
            return 0;
        };
    });
}

}  // namespace parcours::cli
