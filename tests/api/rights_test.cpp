// Rights of a parcours through HTTP on both engines: AFIS eligibility and the MSA's answer, APS,
// housing, other rights, and alerts scoped to the caller.
#include <algorithm>

#include "fixture.hpp"

namespace parcours::testing {
namespace {

using Json = nlohmann::json;

class RightsTest : public ApiTest {
  protected:
    void SetUp() override {
        ApiTest::SetUp();
        long long a = AddAssociation("Association A", "33");
        long long b = AddAssociation("Association B", "33");
        worker_ = TokenUser("worker@a.fr", domain::Role::kAssociationWorker, a);
        worker_b_ = TokenUser("worker@b.fr", domain::Role::kAssociationWorker, b);
        instructor_ =
            TokenUser("instruct@pref33.fr", domain::Role::kPrefectureInstructor, {}, "33");
        signatory_ = TokenUser("prefet@pref33.fr", domain::Role::kSignatory, {}, "33");
    }

    // A person of association A with an authorised first period starting on `start`.
    std::string AuthorisedParcours(const std::string& start,
                                   const std::string& status = "asylum_seeker") {
        Json person = {{"identity",
                        {{"last_name", "Doe " + status},
                         {"first_names", "Jane"},
                         {"birth_date", "1998-03-14"},
                         {"nationality", "NGA"}}},
                       {"sex_or_gender", "female"},
                       {"administrative_status", status}};
        Reply p = Call("POST", "/api/v1/persons", worker_, person);
        Reply pc = Call("POST", "/api/v1/parcours", worker_, {{"person_id", p.body["id"]}});
        std::string path = "/api/v1/parcours/" + std::to_string(pc.body["id"].get<long long>());
        Call("PUT", path + "/document", worker_,
             {{"commitments", {{{"text", "x"}}}},
              {"actions", {{{"domain", "housing"}, {"description", "y"}}}}});
        Reply d = Call("POST", path + "/demandes", worker_,
                       {{"kind", "initiale"},
                        {"association_opinion", {{"favourable", true}, {"text", "ok"}}},
                        {"expected_results", "r"},
                        {"sworn_statement_declared", true}});
        std::string demande = "/api/v1/demandes/" + std::to_string(d.body["id"].get<long long>());
        EXPECT_EQ(Call("POST", demande + "/submit", worker_, Json::object()).status, 200);
        GiveAvis(instructor_, d.body["id"], "33", "favorable");
        EXPECT_EQ(Call("POST", demande + "/decisions", signatory_,
                       {{"outcome", "autorise"}, {"start_date", start}})
                      .status,
                  201);
        return path;
    }

    std::string worker_, worker_b_, instructor_, signatory_;
};

TEST_F(RightsTest, AfisEligibilityNamesEachConditionAndFlagsAnMsaMismatch) {
    std::string pc = AuthorisedParcours("2026-11-01");
    Json application = {{"application_date", "2026-11-20"},
                        {"dependent_children", 1},
                        {"resources_cents", 12000},
                        {"rsa_or_ada_entitled", false},
                        {"residence_document", "aps_with_work"}};
    Reply afis = Call("POST", pc + "/afis", worker_, application);
    ASSERT_EQ(afis.status, 201) << afis.raw;
    EXPECT_TRUE(afis.body["eligible"].get<bool>());
    EXPECT_EQ(afis.body["expected_amount"], "449.28");
    EXPECT_EQ(afis.body["conditions"].size(), 5U);
    application["resources_cents"] = 70000;  // above the RSA in force (646,52 €)
    Reply rich = Call("POST", pc + "/afis", worker_, application);
    EXPECT_FALSE(rich.body["eligible"].get<bool>());
    for (const auto& c : rich.body["conditions"]) {
        EXPECT_EQ(c["met"].get<bool>(), c["code"] != "resources_below_rsa") << c.dump();
    }
    std::string id = std::to_string(afis.body["id"].get<long long>());
    Reply granted = Call(
        "POST", "/api/v1/afis/" + id + "/msa", worker_,
        {{"outcome", "granted"}, {"amount_cents", 43200}, {"first_payment_date", "2026-12-05"}});
    ASSERT_EQ(granted.status, 200) << granted.raw;
    EXPECT_TRUE(granted.body["msa"]["mismatch"].get<bool>());
    Reply bad = Call("POST", pc + "/afis", worker_,
                     {{"application_date", "2026-11-20"}, {"dependent_children", -1}});
    EXPECT_EQ(bad.status, 422);
    EXPECT_EQ(bad.body["error"]["field"], "dependent_children");
}

TEST_F(RightsTest, ApsHousingAndOtherRightsAreRecordedAndRead) {
    std::string pc = AuthorisedParcours("2026-11-01");
    Reply short_aps = Call("POST", pc + "/aps", worker_,
                           {{"application_date", "2026-11-02"},
                            {"status", "issued"},
                            {"issue_date", "2026-11-10"},
                            {"validity_end", "2027-03-01"},
                            {"right_to_work", true}});
    EXPECT_EQ(short_aps.status, 422);
    EXPECT_EQ(short_aps.body["error"]["field"], "validity_end");
    EXPECT_EQ(Call("POST", pc + "/aps", worker_,
                   {{"application_date", "2026-11-02"},
                    {"status", "issued"},
                    {"issue_date", "2026-11-10"},
                    {"validity_end", "2027-05-10"},
                    {"right_to_work", true}})
                  .status,
              201);
    EXPECT_EQ(
        Call("POST", pc + "/housing", worker_, {{"type", "chrs"}, {"start", "2026-11-05"}}).status,
        201);
    EXPECT_EQ(Call("POST", pc + "/other-rights", worker_,
                   {{"kind", "health_coverage"}, {"date", "2026-11-06"}, {"status", "requested"}})
                  .status,
              201);
    Reply rights = Call("GET", pc + "/rights", instructor_);
    ASSERT_EQ(rights.status, 200) << rights.raw;
    EXPECT_EQ(rights.body["aps"].size(), 1U);
    EXPECT_EQ(rights.body["housing"].size(), 1U);
    EXPECT_EQ(rights.body["other_rights"].size(), 1U);
    EXPECT_EQ(rights.body["afis_entitlement"]["until"], "2027-04-30");
    EXPECT_EQ(Call("GET", pc + "/rights", worker_b_).status, 404);
    // A French national has no APS.
    std::string french = AuthorisedParcours("2026-11-01", "french");
    EXPECT_EQ(Call("POST", french + "/aps", worker_,
                   {{"application_date", "2026-11-02"}, {"status", "requested"}})
                  .status,
              409);
}

TEST_F(RightsTest, AlertsFollowThePinnedClockAndStayInScope) {
    // Authorised on 2026-06-01: the period ends on 2026-11-30, 4 days after the pinned today.
    std::string pc = AuthorisedParcours("2026-06-01");
    Reply mine = Call("GET", "/api/v1/alerts", worker_);
    ASSERT_EQ(mine.status, 200);
    std::vector<std::string> codes;
    for (const auto& a : mine.body["items"]) codes.push_back(a["code"]);
    EXPECT_NE(std::find(codes.begin(), codes.end(), "renewal_not_submitted"), codes.end());
    EXPECT_NE(std::find(codes.begin(), codes.end(), "afis_not_applied"), codes.end());
    EXPECT_EQ(mine.body["items"][0]["message"].get<std::string>().find("Doe"), std::string::npos);
    EXPECT_TRUE(Call("GET", "/api/v1/alerts", worker_b_).body["items"].empty());
    EXPECT_FALSE(Call("GET", "/api/v1/alerts", instructor_).body["items"].empty());
    // Earlier, the same parcours has no period alert yet.
    Reply july = Call("GET", "/api/v1/alerts?date=2026-07-15", worker_);
    for (const auto& a : july.body["items"]) EXPECT_EQ(a["code"], "afis_not_applied");
}

}  // namespace
}  // namespace parcours::testing
