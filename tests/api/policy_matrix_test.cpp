// The authorization matrix: every role × every route × (self, own scope, other scope).
// The expected cells below are written independently of the policy table in src/domain:
// a cell that answers 2xx where this oracle denies it, or a route missing here, fails.
#include <map>
#include <set>

#include "figures.hpp"
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
    // A case record of the subject's scope: the association that follows it, the département's
    // prefecture and signatory.
    const std::map<std::string, std::set<Target>> kWorkers = {{"association_worker", {kOwnScope}},
                                                              {"association_admin", {kOwnScope}}};
    std::map<std::string, std::set<Target>> kReaders = kWorkers;
    kReaders["prefecture_instructor"] = {kOwnScope};
    kReaders["signatory"] = {kOwnScope};
    const std::map<std::string, std::set<Target>> kPrefecture = {
        {"prefecture_instructor", {kOwnScope}}, {"signatory", {kOwnScope}}};
    // The commission's secretariat: the instructor of the département, the administrator.
    const std::map<std::string, std::set<Target>> kSecretariat = {
        {"admin", {kOwnScope, kOtherScope}}, {"prefecture_instructor", {kOwnScope}}};
    std::map<std::string, std::set<Target>> kAgrementReaders = kReaders;
    kAgrementReaders["admin"] = {kOwnScope, kOtherScope};
    std::map<std::string, std::set<Target>> kCommissionReaders = kAgrementReaders;
    kCommissionReaders["commission_member"] = {kOwnScope};
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
        {"POST /api/v1/associations", {{"admin", any}}},
        {"GET /api/v1/associations", {{"all", any}}},  // filtered to the caller's scope
        {R"(GET /api/v1/associations/(\d+))",
         {{"admin", {kOwnScope, kOtherScope}},
          {"association_worker", {kOwnScope}},
          {"association_admin", {kOwnScope}},
          {"prefecture_instructor", {kOwnScope}},
          {"signatory", {kOwnScope}}}},
        {"POST /api/v1/persons", {{"association_worker", any}, {"association_admin", any}}},
        {R"(GET /api/v1/persons/(\d+)/export)", kReaders},  // who may read the identity
        {"GET /api/v1/persons",
         {{"association_worker", any},
          {"association_admin", any},
          {"prefecture_instructor", any},
          {"signatory", any}}},
        {R"(GET /api/v1/persons/(\d+))", kReaders},
        {R"(PATCH /api/v1/persons/(\d+))", kWorkers},
        {R"(POST /api/v1/persons/(\d+)/referrals)", kWorkers},
        {R"(POST /api/v1/persons/(\d+)/assessments)", kWorkers},
        {R"(GET /api/v1/departements/([0-9AB]{2,3})/criteria)",
         {{"association_worker", {kOwnScope}},
          {"association_admin", {kOwnScope}},
          {"prefecture_instructor", {kOwnScope}},
          {"commission_member", {kOwnScope}},
          {"signatory", {kOwnScope}},
          {"analyst_regional", {kOwnScope}},
          {"analyst_national", {kOwnScope, kOtherScope}}}},
        {R"(PUT /api/v1/departements/([0-9AB]{2,3})/criteria)",
         {{"prefecture_instructor", {kOwnScope}}}},
        {"POST /api/v1/parcours", {{"association_worker", any}, {"association_admin", any}}},
        {R"(GET /api/v1/parcours/(\d+))", kReaders},
        {R"(PUT /api/v1/parcours/(\d+)/document)", kWorkers},
        {R"(GET /api/v1/parcours/(\d+)/document)", kReaders},
        {R"(POST /api/v1/parcours/(\d+)/followups)", kWorkers},
        {R"(GET /api/v1/parcours/(\d+)/followups)", kReaders},
        {R"(POST /api/v1/parcours/(\d+)/exit)", kWorkers},
        {R"(POST /api/v1/parcours/(\d+)/demandes)", kWorkers},
        {"GET /api/v1/demandes",  // filtered to the caller's scope; a missing state is a 422
         {{"association_worker", any},
          {"association_admin", any},
          {"prefecture_instructor", any},
          {"signatory", any}}},
        {R"(GET /api/v1/demandes/(\d+))", kReaders},
        {R"(PUT /api/v1/demandes/(\d+))", kWorkers},
        {R"(POST /api/v1/demandes/(\d+)/submit)", kWorkers},
        {R"(POST /api/v1/demandes/(\d+)/incomplete)", {{"prefecture_instructor", {kOwnScope}}}},
        {R"(POST /api/v1/demandes/(\d+)/decisions)", {{"signatory", {kOwnScope}}}},
        {R"(POST /api/v1/parcours/(\d+)/decisions)", {{"signatory", {kOwnScope}}}},
        {R"(GET /api/v1/decisions/(\d+))", kReaders},
        {R"(GET /api/v1/decisions/(\d+)/letter\.pdf)", kReaders},  // identity readers
        {R"(POST /api/v1/decisions/(\d+)/notifications)", kPrefecture},
        {R"(POST /api/v1/decisions/(\d+)/appeals)", kPrefecture},
        {R"(PATCH /api/v1/appeals/(\d+))", kPrefecture},
        // An instructor records the agrément files of their département, whatever the
        // association's seat (one file per target département).
        {R"(POST /api/v1/associations/(\d+)/agrements)",
         {{"admin", {kOwnScope, kOtherScope}},
          {"prefecture_instructor", {kOwnScope, kOtherScope}}}},
        {R"(GET /api/v1/associations/(\d+)/agrements)", kAgrementReaders},
        {R"(GET /api/v1/agrements/(\d+))", kAgrementReaders},
        {R"(POST /api/v1/agrements/(\d+)/missing-documents)", kSecretariat},
        {R"(POST /api/v1/agrements/(\d+)/documents-received)", kSecretariat},
        {R"(POST /api/v1/agrements/(\d+)/decision)", kSecretariat},
        {R"(POST /api/v1/agrements/(\d+)/withdrawal)", kSecretariat},
        {"POST /api/v1/commissions", {{"admin", any}, {"prefecture_instructor", any}}},
        {"GET /api/v1/commissions", {{"all", any}}},  // filtered to the caller's scope
        {R"(GET /api/v1/commissions/(\d+))", kCommissionReaders},
        {R"(PATCH /api/v1/commissions/(\d+))", kSecretariat},
        {R"(POST /api/v1/commissions/(\d+)/members)", kSecretariat},
        {R"(PATCH /api/v1/members/(\d+))", kSecretariat},
        {R"(POST /api/v1/commissions/(\d+)/seances)", kSecretariat},
        {R"(GET /api/v1/seances/(\d+))", kCommissionReaders},
        {R"(PATCH /api/v1/seances/(\d+))", kSecretariat},
        {R"(POST /api/v1/seances/(\d+)/agenda)", kSecretariat},
        {R"(DELETE /api/v1/seances/(\d+)/agenda/(\d+))", kSecretariat},
        {R"(PUT /api/v1/seances/(\d+)/attendance)", kSecretariat},
        {R"(POST /api/v1/seances/(\d+)/avis)", {{"prefecture_instructor", {kOwnScope}}}},
        // Members reach tabled files only when linked to the commission and in their window
        // (tested in commission_test.cpp); the matrix's members are not linked.
        {R"(GET /api/v1/seances/(\d+)/files/(\d+))", kPrefecture},
        {R"(GET /api/v1/seances/(\d+)/minutes\.pdf)", kPrefecture},
        {R"(POST /api/v1/seances/(\d+)/minutes-sent)", kSecretariat},
        {"GET /api/v1/rules/afis", {{"all", any}}},
        {"GET /api/v1/rules/parameters", {{"all", any}}},
        {"POST /api/v1/rules/parameters", {{"admin", any}}},
        {R"(POST /api/v1/parcours/(\d+)/afis)", kWorkers},
        {R"(POST /api/v1/afis/(\d+)/msa)", kWorkers},
        {R"(POST /api/v1/parcours/(\d+)/aps)", kWorkers},
        {R"(POST /api/v1/parcours/(\d+)/housing)", kWorkers},
        {R"(POST /api/v1/parcours/(\d+)/other-rights)", kWorkers},
        {R"(GET /api/v1/parcours/(\d+)/rights)", kReaders},
        {"GET /api/v1/alerts", {{"all", any}}},  // filtered to the caller's scope
        // The default scope is national: only the national analyst; the others ask for their
        // region or département (statistics_test.cpp).
        {"GET /api/v1/stats", {{"analyst_national", any}}},
        {"GET /api/v1/stats/export.csv", {{"analyst_national", any}}},
        {"GET /api/v1/stats/export.xlsx", {{"analyst_national", any}}},
        // The partner network: read in the region of a covered département (own scope: a
        // partner of 33, Nouvelle-Aquitaine; other scope: of 13, Provence-Alpes-Côte d'Azur);
        // kept by the associations' admins and the prefecture of its home département.
        {"GET /api/v1/partners",
         {{"association_worker", any},
          {"association_admin", any},
          {"prefecture_instructor", any},
          {"commission_member", any},
          {"signatory", any},
          {"admin", any}}},
        {"POST /api/v1/partners", {{"association_admin", any}, {"prefecture_instructor", any}}},
        {R"(GET /api/v1/partners/export\.csv)",
         {{"association_admin", any}, {"prefecture_instructor", any}}},
        {"POST /api/v1/partners/import",
         {{"association_admin", any}, {"prefecture_instructor", any}}},
        {R"(GET /api/v1/partners/(\d+))",
         {{"association_worker", {kOwnScope}},
          {"association_admin", {kOwnScope}},
          {"prefecture_instructor", {kOwnScope}},
          {"commission_member", {kOwnScope}},
          {"signatory", {kOwnScope}},
          {"admin", {kOwnScope, kOtherScope}}}},
        {R"(PUT /api/v1/partners/(\d+))",
         {{"association_admin", {kOwnScope}}, {"prefecture_instructor", {kOwnScope}}}},
        {R"(POST /api/v1/partners/(\d+)/verify)",
         {{"association_admin", {kOwnScope}}, {"prefecture_instructor", {kOwnScope}}}},
        {R"(DELETE /api/v1/partners/(\d+))",
         {{"association_admin", {kOwnScope}}, {"prefecture_instructor", {kOwnScope}}}},
        // Public: the directory of approved associations and the leaflets.
        {"GET /api/v1/public/associations", {{"all", any}}},
        {R"(GET /api/v1/public/info/([a-z]{2})/leaflet\.pdf)", {{"all", any}}},
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

    long long association_a_ = 0;
    long long association_b_ = 0;
};

// One case of each kind (person, parcours with its document, draft demande) in association A
// (département 33, region 75) and in association B (département 13, region 93).
struct CaseIds {
    std::map<std::string, std::string> own, other;
};

TEST_F(PolicyMatrixTest, NoRoleReachesACellTheOracleDenies) {
    association_a_ = AddAssociation("Association A", "33");
    association_b_ = AddAssociation("Association B", "13");
    CaseIds ids;
    for (bool own : {true, false}) {
        std::string token =
            TokenUser(own ? "fixture@a.fr" : "fixture@b.fr", domain::Role::kAssociationWorker,
                      own ? association_a_ : association_b_);
        nlohmann::json person = {{"identity",
                                  {{"last_name", own ? "Alpha" : "Beta"},
                                   {"first_names", "Test"},
                                   {"birth_date", "1990-01-01"},
                                   {"nationality", "FRA"}}},
                                 {"sex_or_gender", "female"},
                                 {"administrative_status", "french"}};
        Reply p = Call("POST", "/api/v1/persons", token, person);
        ASSERT_EQ(p.status, 201) << p.raw;
        Reply pc = Call("POST", "/api/v1/parcours", token, {{"person_id", p.body["id"]}});
        ASSERT_EQ(pc.status, 201) << pc.raw;
        std::string parcours = std::to_string(pc.body["id"].get<long long>());
        Call("PUT", "/api/v1/parcours/" + parcours + "/document", token,
             {{"commitments", {{{"text", "x"}}}},
              {"actions", {{{"domain", "health"}, {"description", "y"}}}}});
        Reply d = Call("POST", "/api/v1/parcours/" + parcours + "/demandes", token,
                       {{"kind", "initiale"}});
        ASSERT_EQ(d.status, 201) << d.raw;
        Reply afis = Call("POST", "/api/v1/parcours/" + parcours + "/afis", token,
                          {{"application_date", "2026-11-20"},
                           {"dependent_children", 0},
                           {"resources_cents", 0},
                           {"residence_document", "french_or_eu"}});
        ASSERT_EQ(afis.status, 201) << afis.raw;
        // A second parcours taken through a session to a refusal, with an appeal.
        std::string departement = own ? "33" : "13";
        std::string instructor = TokenUser("instructor-fixture@" + departement + ".fr",
                                           domain::Role::kPrefectureInstructor, {}, departement);
        std::string signatory = TokenUser("signatory-fixture@" + departement + ".fr",
                                          domain::Role::kSignatory, {}, departement);
        person["identity"]["last_name"] = own ? "Gamma" : "Delta";
        Reply p2 = Call("POST", "/api/v1/persons", token, person);
        Reply pc2 = Call("POST", "/api/v1/parcours", token, {{"person_id", p2.body["id"]}});
        std::string parcours2 = std::to_string(pc2.body["id"].get<long long>());
        Call("PUT", "/api/v1/parcours/" + parcours2 + "/document", token,
             {{"commitments", {{{"text", "x"}}}},
              {"actions", {{{"domain", "health"}, {"description", "y"}}}}});
        Reply d2 = Call("POST", "/api/v1/parcours/" + parcours2 + "/demandes", token,
                        {{"kind", "initiale"},
                         {"association_opinion", {{"favourable", true}, {"text", "ok"}}},
                         {"expected_results", "r"},
                         {"sworn_statement_declared", true}});
        std::string demande2 = std::to_string(d2.body["id"].get<long long>());
        ASSERT_EQ(Call("POST", "/api/v1/demandes/" + demande2 + "/submit", token,
                       nlohmann::json::object())
                      .status,
                  200);
        Reply seance = GiveAvis(instructor, d2.body["id"], departement, "defavorable", "Motifs");
        Reply decision = Call("POST", "/api/v1/demandes/" + demande2 + "/decisions", signatory,
                              {{"outcome", "refuse"}, {"reasons", "Motifs écrits"}});
        ASSERT_EQ(decision.status, 201) << decision.raw;
        std::string decision_id = std::to_string(decision.body["id"].get<long long>());
        Reply appeal = Call("POST", "/api/v1/decisions/" + decision_id + "/appeals", signatory,
                            {{"kind", "gracieux"}, {"filed_on", "2026-11-25"}});
        ASSERT_EQ(appeal.status, 201) << appeal.raw;
        Reply commission = Call(
            "GET",
            "/api/v1/commissions/" + std::to_string(seance.body["commission_id"].get<long long>()),
            instructor);
        auto& m = own ? ids.own : ids.other;
        m["seances"] = std::to_string(seance.body["id"].get<long long>());
        m["tabled"] = demande2;
        m["commissions"] = std::to_string(commission.body["id"].get<long long>());
        m["members"] = std::to_string(commission.body["members"][0]["id"].get<long long>());
        m["decisions"] = decision_id;
        m["appeals"] = std::to_string(appeal.body["appeals"][0]["id"].get<long long>());
        {
            auto uow = ports().storage.Begin();
            m["agrements"] = std::to_string(
                uow->Commission()
                    .ListAgrements(own ? association_a_ : association_b_, std::nullopt)
                    .front()
                    .id);
        }
        m["afis"] = std::to_string(afis.body["id"].get<long long>());
        m["persons"] = std::to_string(p.body["id"].get<long long>());
        m["parcours"] = parcours;
        m["demandes"] = std::to_string(d.body["id"].get<long long>());
        m["associations"] = std::to_string(own ? association_a_ : association_b_);
        m["departements"] = own ? "33" : "13";
        Reply partner = Call("POST", "/api/v1/partners", instructor,
                             {{"name", own ? "Partenaire A" : "Partenaire B"},
                              {"kind", "health"},
                              {"domains", {"health"}},
                              {"address", {{"city", own ? "Bordeaux" : "Marseille"}}},
                              {"languages", {"fr"}},
                              {"notes", "canary@test.fr"}});
        ASSERT_EQ(partner.status, 201) << partner.raw;
        m["partners"] = std::to_string(partner.body["id"].get<long long>());
        m["public"] = "fr";
    }
    int cells = 0;
    int leaks = 0;
    int wrongly_denied = 0;
    int canaries = 0;
    int n = 0;
    for (domain::Role role : domain::kAllRoles) {
        const std::string role_name(domain::RoleName(role));
        for (const http::Route& route : http::RouteTable()) {
            const std::string pattern = route.pattern;
            const std::string key = std::string(route.method) + " " + pattern;
            ASSERT_TRUE(Oracle().count(key)) << "route missing from the oracle: " << key;
            auto capture = pattern.find('(');
            bool user_route = pattern.find("/users/") != std::string::npos;
            std::vector<Target> targets;
            if (capture == std::string::npos) {
                targets = {Target::kNone};
            } else if (user_route) {
                targets = {Target::kSelf, Target::kOwnScope, Target::kOtherScope};
            } else {
                targets = {Target::kOwnScope, Target::kOtherScope};
            }
            for (Target target : targets) {
                Cast cast = Make(role, ++n);  // fresh accounts: a cell may disable one
                std::string path = pattern;
                if (capture != std::string::npos) {
                    std::string id;
                    if (user_route) {
                        id = std::to_string(target == Target::kSelf       ? cast.subject.id
                                            : target == Target::kOwnScope ? cast.colleague
                                                                          : cast.stranger);
                    } else {
                        std::string resource = pattern.substr(8, pattern.find('/', 8) - 8);
                        id = (target == Target::kOwnScope ? ids.own : ids.other).at(resource);
                    }
                    path.replace(capture, pattern.find(')', capture) - capture + 1, id);
                    // A second capture is the demande tabled at the séance of the same scope.
                    auto second = path.find('(');
                    if (second != std::string::npos) {
                        path.replace(
                            second, path.find(')', second) - second + 1,
                            (target == Target::kOwnScope ? ids.own : ids.other).at("tabled"));
                    }
                }
                std::erase(path, '\\');  // a regex's escaped dot ("letter\\.pdf")
                std::string body = std::string(route.method) == "GET" ? "" : "{}";
                Reply reply = Send(route.method, path, body,
                                   {{"Authorization", "Bearer " + cast.subject.token}});
                bool reached = reply.status != 401 && reply.status != 403 && reply.status != 404;
                bool expected = Expected(key, role_name, target);
                if (reached && !expected) ++leaks;
                if (!reached && expected) ++wrongly_denied;
                EXPECT_EQ(reached, expected)
                    << role_name << " × " << key << " × " << TargetName(target) << " → "
                    << reply.status << " " << reply.raw.substr(0, 200);
                if (!expected) {
                    // Denied cells say nothing about the record: never its data.
                    EXPECT_EQ(reply.raw.find("@test.fr"), std::string::npos) << key;
                    EXPECT_EQ(reply.raw.find("P-"), std::string::npos) << key;
                    if (reply.raw.find("@test.fr") != std::string::npos ||
                        reply.raw.find("P-") != std::string::npos) {
                        ++canaries;
                    }
                }
                ++cells;
            }
        }
    }
    std::cout << "policy matrix: " << cells << " cells checked\n";
    RecordFigure("authorization matrix: route × role × target cells", cells, false);
    RecordFigure("authorization matrix: cells reached against the policy", leaks, true);
    RecordFigure("authorization matrix: cells wrongly denied", wrongly_denied, true);
    RecordFigure("authorization matrix: denied answers with record data", canaries, true);
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
