// The authorization matrix: every route of the route table × every role (and the public) × every
// relationship to the record (self, own association, other association of the same département,
// other département, a file not tabled at the séance asked, and a tabled file before, inside and
// after the members' window). The expected cells come from tests/api/policy_oracle.hpp, written
// independently of src/domain/policy.cpp; a route missing there fails. Every identity and
// protected field of the data holds a canary (matrix_fixture.cpp): a denied cell that answers
// any canary, or an allowed one that answers a canary its role must not read, fails.
#include <chrono>
#include <optional>

#include "figures.hpp"
#include "http/routes.hpp"
#include "matrix_fixture.hpp"

namespace parcours::testing {
namespace {

struct Tally {
    int cells = 0;
    int reached_against_policy = 0;
    int wrongly_denied = 0;
    int record_data = 0;
    int canary_leaks = 0;
};

class PolicyMatrixTest : public MatrixTest {
  protected:
    // One cell: a fresh subject of `role` (none for the public) asks `route` about `target`.
    void Walk(const std::string& role_name,
              std::optional<domain::Role> role,
              const http::Route& route,
              Target target,
              Tally& tally) {
        const std::string key = std::string(route.method) + " " + route.pattern;
        bool window = target == Target::kBeforeWindow || target == Target::kInWindow ||
                      target == Target::kAfterWindow;
        if (window && std::string(route.pattern).rfind("/api/v1/seances/(", 0) != 0) return;
        Cast cast = Make(role.value_or(domain::Role::kAssociationWorker));
        if (!role) cast.token.clear();
        std::string path = PathFor(route.pattern, target, cast);
        if (path.empty()) return;
        httplib::Headers headers;
        if (!cast.token.empty()) headers.emplace("Authorization", "Bearer " + cast.token);
        std::string body = std::string(route.method) == "GET" ? "" : "{}";
        Reply reply = Send(route.method, path, body, headers);
        bool reached = reply.status != 401 && reply.status != 403 && reply.status != 404;
        bool expected = Expected(key, role_name, target);
        if (reached && !expected) ++tally.reached_against_policy;
        if (!reached && expected) ++tally.wrongly_denied;
        EXPECT_EQ(reached, expected) << role_name << " × " << key << " × " << TargetName(target)
                                     << " → " << reply.status << " " << reply.raw.substr(0, 200);
        EXPECT_LT(reply.status, 500) << role_name << " × " << key << " × " << TargetName(target);
        if (!expected && (reply.raw.find("@test.fr") != std::string::npos ||
                          reply.raw.find("P-") != std::string::npos)) {
            ++tally.record_data;  // a denied answer says nothing about the record
            ADD_FAILURE() << "record data in a denied answer: " << role_name << " × " << key;
        }
        for (const Canary* c : Leaks(reply, role_name, !expected)) {
            ++tally.canary_leaks;
            ADD_FAILURE() << "canary of " << c->field << " (" << TargetName(c->scope) << ") in "
                          << role_name << " × " << key << " × " << TargetName(target) << " → "
                          << reply.status;
        }
        ++tally.cells;
    }

    static std::vector<std::pair<std::string, std::optional<domain::Role>>> Callers() {
        std::vector<std::pair<std::string, std::optional<domain::Role>>> out;
        for (domain::Role role : domain::kAllRoles) {
            out.emplace_back(std::string(domain::RoleName(role)), role);
        }
        out.emplace_back("public", std::nullopt);
        return out;
    }
};

TEST_F(PolicyMatrixTest, NoRoleReachesACellTheOracleDenies) {
    Seed();
    int planted = CheckCanariesPlanted();
    Tally tally;
    for (const http::Route& route : http::RouteTable()) {
        const std::string key = std::string(route.method) + " " + route.pattern;
        ASSERT_TRUE(Oracle().count(key)) << "route missing from the oracle: " << key;
    }
    for (const auto& [role_name, role] : Callers()) {
        for (const http::Route& route : http::RouteTable()) {
            for (Target target : TargetsOf(route.pattern)) {
                Walk(role_name, role, route, target, tally);
            }
        }
    }
    // The members' window on a séance of 33 held on 15/12/2026, convened on 05/12: today
    // (25/11) before it, on 10/12 inside it, on 19/01/2027 after it (séance + 30 days).
    const std::vector<std::pair<Target, std::chrono::days>> phases = {
        {Target::kBeforeWindow, std::chrono::days{0}},
        {Target::kInWindow, std::chrono::days{15}},
        {Target::kAfterWindow, std::chrono::days{40}}};
    for (const auto& [phase, advance] : phases) {
        Advance(advance);
        for (const auto& [role_name, role] : Callers()) {
            for (const http::Route& route : http::RouteTable()) {
                if (std::string(route.method) != "GET") continue;
                Walk(role_name, role, route, phase, tally);  // séance routes only (PathFor)
            }
        }
    }
    std::cout << "policy matrix: " << tally.cells << " cells checked, " << planted
              << " canaries planted, found " << canaries_seen_
              << " times in answers allowed to carry them\n";
    RecordFigure("authorization matrix: route × role × target cells", tally.cells, false);
    RecordFigure("authorization matrix: cells reached against the policy",
                 tally.reached_against_policy, true);
    RecordFigure("authorization matrix: cells wrongly denied", tally.wrongly_denied, true);
    RecordFigure("authorization matrix: denied answers with record data", tally.record_data, true);
    RecordFigure("matrix canaries planted", planted, false);
    RecordFigure("matrix canary leaks", tally.canary_leaks, true);
    EXPECT_GT(planted, 60);
    EXPECT_GT(canaries_seen_, planted);       // the search does find them where they belong
    EXPECT_GT(canaries_seen_by_members_, 0);  // a member reads the tabled files in the window
}

TEST_F(PolicyMatrixTest, ListsOnlyShowTheSubjectsScope) {
    association_[Target::kOwnScope] = AddAssociation("Association A", "33");
    association_[Target::kSameDepartement] = AddAssociation("Association C", "33");
    association_[Target::kOtherScope] = AddAssociation("Association B", "13");
    Cast cast = Make(domain::Role::kAssociationAdmin);
    Make(domain::Role::kAssociationWorker);
    Reply reply =
        Send("GET", "/api/v1/users?limit=500", "", {{"Authorization", "Bearer " + cast.token}});
    ASSERT_EQ(reply.status, 200);
    ASSERT_FALSE(reply.body["items"].empty());
    for (const auto& user : reply.body["items"]) {
        EXPECT_EQ(user["association_id"], association_[Target::kOwnScope]) << user.dump();
    }
}

}  // namespace
}  // namespace parcours::testing
