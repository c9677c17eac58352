// The authorization matrix: every role × every route × (self, own scope, other scope).
// The expected cells below are written independently of the policy table in src/domain:
// a cell that answers 2xx where this oracle denies it, or a route missing here, fails.
#include <map>
#include <set>

#include "fixture.hpp"
#include "http/routes.hpp"

namespace parcours::testing {
namespace {

enum class Target { kNone, kSelf, kOwnScope, kOtherScope };

const char* TargetName(Target t) {
    switch (t) {
        case Target::kNone:
            return "-";
        case Target::kSelf:
            return "self";
        case Target::kOwnScope:
            return "own-scope";
        case Target::kOtherScope:
            return "other-scope";
    }
    return "?";
}

// route → role → the targets the role may reach ("all" = every role).
const std::map<std::string, std::map<std::string, std::set<Target>>>& Oracle() {
    using enum Target;
    const std::set<Target> any = {kNone, kSelf, kOwnScope, kOtherScope};
    static const std::map<std::string, std::map<std::string, std::set<Target>>> kOracle = {
        {"GET /healthz", {{"all", any}}},
        {"POST /api/v1/auth/login", {{"all", any}}},
        {"POST /api/v1/auth/logout", {{"all", any}}},
        {"GET /api/v1/me", {{"all", any}}},
        {"POST /api/v1/auth/password", {{"all", any}}},
        {"POST /api/v1/auth/totp/enrol", {{"all", any}}},
        {"POST /api/v1/auth/totp/confirm", {{"all", any}}},
        {"GET /api/v1/departements", {{"all", any}}},
        {"GET /api/v1/users", {{"admin", any}, {"association_admin", any}}},
        {R"(GET /api/v1/users/(\d+))",
         {{"all", {kSelf}},
          {"admin", {kSelf, kOwnScope, kOtherScope}},
          {"association_admin", {kSelf, kOwnScope}}}},
        {R"(POST /api/v1/users/(\d+)/disable)",
         // Disabling oneself reaches the use case, which refuses it (409): not a policy leak.
         {{"admin", {kSelf, kOwnScope, kOtherScope}}, {"association_admin", {kSelf, kOwnScope}}}},
        {"GET /api/v1/audit", {{"admin", any}}},
    };
    return kOracle;
}

bool Expected(const std::string& route, const std::string& role, Target target) {
    const auto& cells = Oracle().at(route);
    for (const char* key : {role.c_str(), "all"}) {
        auto it = cells.find(key);
        if (it != cells.end() && it->second.count(target)) return true;
    }
    return false;
}

class PolicyMatrixTest : public ApiTest {
  protected:
    struct Person {
        long long id;
        std::string token;
    };

    // Accounts written straight through the repository: no password hashing needed, the
    // matrix authenticates with API tokens.
    long long Insert(const std::string& email,
                     domain::Role role,
                     std::optional<long long> association,
                     std::optional<std::string> departement,
                     std::optional<std::string> region) {
        usecases::UserRecord user;
        user.email = email;
        user.display_name = email;
        user.role = role;
        user.association_id = association;
        user.departement = std::move(departement);
        user.region = std::move(region);
        user.password_hash = "not-a-login-account";
        user.totp_enabled = domain::RequiresTotp(role);
        user.created_at = user.updated_at = "2026-01-01T00:00:00Z";
        auto uow = ports().storage.Begin();
        long long id = uow->Accounts().InsertUser(user);
        uow->Commit();
        return id;
    }

    // A subject of `role` in scope A, a colleague in the same scope, and a user in scope B.
    struct Cast {
        Person subject;
        long long colleague;
        long long stranger;
    };

    Cast Make(domain::Role role, int n) {
        std::string name(domain::RoleName(role));
        auto in_scope = [&](const std::string& who, bool a) {
            std::optional<long long> association;
            std::optional<std::string> departement;
            std::optional<std::string> region;
            if (domain::NeedsAssociation(role)) association = a ? association_a_ : association_b_;
            if (domain::NeedsDepartement(role)) departement = a ? "33" : "13";
            if (domain::NeedsRegion(role)) region = a ? "75" : "93";
            return Insert(who + std::to_string(n) + "-" + name + "@test.fr", role, association,
                          departement, region);
        };
        Cast cast;
        cast.subject.id = in_scope("subject", true);
        cast.colleague = in_scope("colleague", true);
        cast.stranger = in_scope("stranger", false);
        auto uow = ports().storage.Begin();
        auto subject = uow->Accounts().FindUserById(cast.subject.id);
        uow.reset();
        cast.subject.token = TokenFor(subject->email);
        return cast;
    }

    std::string Path(const std::string& pattern, long long id) {
        std::string path = pattern;
        auto pos = path.find(R"((\d+))");
        if (pos != std::string::npos) path.replace(pos, 5, std::to_string(id));
        return path;
    }

    long long association_a_ = 0;
    long long association_b_ = 0;
};

TEST_F(PolicyMatrixTest, NoRoleReachesACellTheOracleDenies) {
    association_a_ = AddAssociation("Association A", "33");
    association_b_ = AddAssociation("Association B", "13");
    int cells = 0;
    int n = 0;
    for (domain::Role role : domain::kAllRoles) {
        const std::string role_name(domain::RoleName(role));
        for (const http::Route& route : http::RouteTable()) {
            const std::string key = std::string(route.method) + " " + route.pattern;
            ASSERT_TRUE(Oracle().count(key)) << "route missing from the oracle: " << key;
            bool has_id = std::string(route.pattern).find(R"((\d+))") != std::string::npos;
            std::vector<Target> targets =
                has_id ? std::vector<Target>{Target::kSelf, Target::kOwnScope, Target::kOtherScope}
                       : std::vector<Target>{Target::kNone};
            for (Target target : targets) {
                Cast cast = Make(role, ++n);  // fresh accounts: a cell may disable one
                long long id = target == Target::kSelf       ? cast.subject.id
                               : target == Target::kOwnScope ? cast.colleague
                                                             : cast.stranger;
                httplib::Headers headers = {{"Authorization", "Bearer " + cast.subject.token}};
                std::string body = std::string(route.method) == "GET" ? "" : "{}";
                Reply reply = Send(route.method, Path(route.pattern, id), body, headers);
                bool reached = reply.status != 401 && reply.status != 403 && reply.status != 404;
                bool expected = Expected(key, role_name, target);
                EXPECT_EQ(reached, expected)
                    << role_name << " × " << key << " × " << TargetName(target) << " → "
                    << reply.status << " " << reply.raw.substr(0, 200);
                if (!expected) {
                    // Denied cells say nothing about the record: 404 or 403, never its data.
                    EXPECT_EQ(reply.raw.find("@test.fr"), std::string::npos) << key;
                }
                ++cells;
            }
        }
    }
    std::cout << "policy matrix: " << cells << " cells checked\n";
}

TEST_F(PolicyMatrixTest, ListsOnlyShowTheSubjectsScope) {
    association_a_ = AddAssociation("Association A", "33");
    association_b_ = AddAssociation("Association B", "13");
    Cast cast = Make(domain::Role::kAssociationAdmin, 1);
    Make(domain::Role::kAssociationWorker, 2);
    Reply reply = Send("GET", "/api/v1/users?limit=500", "",
                       {{"Authorization", "Bearer " + cast.subject.token}});
    ASSERT_EQ(reply.status, 200);
    ASSERT_FALSE(reply.body["items"].empty());
    for (const auto& user : reply.body["items"]) {
        EXPECT_EQ(user["association_id"], association_a_) << user.dump();
    }
}

}  // namespace
}  // namespace parcours::testing
