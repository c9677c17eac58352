// Mass assignment: every write route, read from the route table, refuses a body that carries a
// field it does not take — above all the privileged ones (who owns the record, which role, which
// state) — with a 4xx naming that field, before anything else happens. A new route is covered
// without editing this test.
#include "figures.hpp"
#include "fixture.hpp"
#include "http/routes.hpp"

namespace parcours::testing {
namespace {

using Json = nlohmann::json;

// The few routes where one of these names is a real input of theirs.
bool TakesField(const std::string& route, const std::string& field) {
    return route == R"(POST /api/v1/commissions/(\d+)/members)" &&
           (field == "association_id" || field == "user_id");
}

class MassAssignmentTest : public ApiTest {};

TEST_F(MassAssignmentTest, EveryWriteRouteRefusesPrivilegedAndUnknownFields) {
    std::string token = TokenUser("admin@instance.fr", domain::Role::kAdmin);
    const std::vector<std::string> fields = {
        "association_id",   "role",      "state",    "id", "created_by", "user_id",
        "departement_code", "pseudonym", "x_unknown"};
    int cells = 0;
    int accepted = 0;
    for (const http::Route& route : http::RouteTable()) {
        std::string method = route.method;
        if (method == "GET") continue;
        std::string key = method + " " + route.pattern;
        // CSV bodies (partners_test.cpp, case_workflow_test.cpp)
        if (key == "POST /api/v1/partners/import" || key == "POST /api/v1/followups/import") {
            continue;
        }
        std::string path = route.pattern;
        for (auto at = path.find('('); at != std::string::npos; at = path.find('(')) {
            path.replace(at, path.find(')', at) - at + 1, "33");
        }
        std::erase(path, '\\');
        for (const auto& field : fields) {
            if (TakesField(key, field)) continue;
            Reply r =
                Send(method, path, Json{{field, 1}}.dump(), {{"Authorization", "Bearer " + token}});
            ++cells;
            bool refused =
                (r.status == 400 || r.status == 422) && r.body["error"].value("field", "") == field;
            if (!refused) ++accepted;
            EXPECT_TRUE(refused) << key << " with « " << field << " » → " << r.status << " "
                                 << r.raw.substr(0, 200);
        }
    }
    RecordFigure("mass assignment: write route × field cells", cells, false);
    RecordFigure("mass assignment: fields not refused", accepted, true);
    EXPECT_GT(cells, 400);
}

}  // namespace
}  // namespace parcours::testing
