// The refusals the commission's workflow must make through HTTP on both engines (no submission
// without a valid agrément; an incomplete or ajourné demande goes back to the association) and the
// commission's and agréments' alerts reaching who acts on them.
#include <algorithm>

#include "commission_fixture.hpp"

namespace parcours::testing {
namespace {

using Json = nlohmann::json;

TEST_F(CommissionTest, AnAssociationWithoutAValidAgrementCannotSubmit) {
    long long unapproved = AddAssociation("Association nouvelle", "33", false);
    std::string worker = TokenUser("worker@new.fr", domain::Role::kAssociationWorker, unapproved);
    Json person = {{"identity",
                    {{"last_name", "Diallo"},
                     {"first_names", "Awa"},
                     {"birth_date", "1999-01-01"},
                     {"nationality", "GIN"}}},
                   {"sex_or_gender", "female"},
                   {"administrative_status", "asylum_seeker"}};
    Reply p = Call("POST", "/api/v1/persons", worker, person);
    Reply pc = Call("POST", "/api/v1/parcours", worker, {{"person_id", p.body["id"]}});
    std::string path = "/api/v1/parcours/" + std::to_string(pc.body["id"].get<long long>());
    Call("PUT", path + "/document", worker,
         {{"commitments", {{{"text", "x"}}}},
          {"actions", {{{"domain", "housing"}, {"description", "y"}}}}});
    Reply d = Call("POST", path + "/demandes", worker,
                   {{"kind", "initiale"},
                    {"association_opinion", {{"favourable", true}, {"text", "ok"}}},
                    {"expected_results", "r"},
                    {"sworn_statement_declared", true}});
    std::string submit =
        "/api/v1/demandes/" + std::to_string(d.body["id"].get<long long>()) + "/submit";
    Reply refused = Call("POST", submit, worker, Json::object());
    EXPECT_EQ(refused.status, 409);
    EXPECT_EQ(refused.body["error"]["code"], "agrement_missing");

    // The prefecture records the file; the clocks of R121-12-3 run.
    std::string a = "/api/v1/associations/" + std::to_string(unapproved) + "/agrements";
    Reply filed = Call("POST", a, instructor_, {{"departement", "33"}, {"filed_on", "2026-06-10"}});
    ASSERT_EQ(filed.status, 201) << filed.raw;
    EXPECT_EQ(filed.body["state"], "under_review");
    EXPECT_EQ(filed.body["clocks"]["complete_on"], "2026-08-10");
    EXPECT_EQ(filed.body["clocks"]["tacit_approval_on"], "2026-12-10");
    EXPECT_EQ(
        Call("POST", a, instructor_, {{"departement", "33"}, {"filed_on", "2026-07-01"}}).status,
        409);
    std::string g = "/api/v1/agrements/" + std::to_string(filed.body["id"].get<long long>());
    // Too late to ask for missing documents: the file is deemed complete.
    EXPECT_EQ(Call("POST", g + "/missing-documents", instructor_,
                   {{"requested_on", "2026-11-01"}, {"items", "Délibération de l'AG"}})
                  .status,
              409);
    EXPECT_EQ(Call("GET", g, worker).status, 200);
    EXPECT_EQ(Call("POST", g + "/decision", worker, {{"outcome", "approved"}}).status, 404);
    EXPECT_EQ(Call("POST", submit, worker, Json::object()).status, 409);

    // Silence for four months after completeness: tacit approval, valid three years.
    Travel(2026, 12, 10);
    worker = TokenFor("worker@new.fr");
    Reply tacit = Call("GET", g, worker);
    EXPECT_EQ(tacit.body["state"], "approved");
    EXPECT_EQ(tacit.body["clocks"]["valid_until"], "2029-12-09");
    EXPECT_EQ(Call("POST", submit, worker, Json::object()).status, 200);
    // An express refusal can no longer undo it; a withdrawal (with reasons) can end it.
    EXPECT_EQ(Call("POST", g + "/decision", instructor_,
                   {{"outcome", "refused"}, {"decided_on", "2026-12-10"}, {"reasons", "x"}})
                  .status,
              409);
    EXPECT_EQ(Call("POST", g + "/withdrawal", instructor_, {{"date", "2026-12-10"}}).status, 422);
    Reply withdrawn = Call("POST", g + "/withdrawal", instructor_,
                           {{"date", "2026-12-10"}, {"reasons", "Mission PSP plus exercée."}});
    ASSERT_EQ(withdrawn.status, 200) << withdrawn.raw;
    EXPECT_EQ(withdrawn.body["state"], "withdrawn");
}

TEST_F(CommissionTest, IncompleteAndAjourneDemandesGoBackToTheAssociation) {
    long long demande = SubmittedDemande(worker_a_, "Eze");
    std::string d = "/api/v1/demandes/" + std::to_string(demande);
    EXPECT_EQ(Call("POST", d + "/incomplete", instructor_, {{"items", Json::array()}}).status, 422);
    EXPECT_EQ(Call("POST", d + "/incomplete", worker_a_, {{"items", {"x"}}}).status, 404);
    Reply returned = Call("POST", d + "/incomplete", instructor_,
                          {{"items", {"Copie du titre de séjour", "Attestation d'hébergement"}}});
    ASSERT_EQ(returned.status, 200) << returned.raw;
    EXPECT_EQ(returned.body["state"], "incomplete");
    Reply seen = Call("GET", d, worker_a_);
    EXPECT_EQ(seen.body["returned"]["items"].size(), 2U);
    ASSERT_EQ(Call("PUT", d, worker_a_,
                   {{"association_opinion", {{"favourable", true}, {"text", "Complété."}}},
                    {"expected_results", "Hébergement stable"},
                    {"sworn_statement_declared", true}})
                  .status,
              200);
    ASSERT_EQ(Call("POST", d + "/submit", worker_a_, Json::object()).status, 200);

    Reply ajourne = GiveAvis(instructor_, demande, "33", "ajourne",
                             "Quelles démarches d'hébergement sont engagées ?");
    EXPECT_EQ(Call("GET", d, worker_a_).body["state"], "ajourne");
    EXPECT_EQ(Call("GET", d, worker_a_).body["returned"]["questions"],
              "Quelles démarches d'hébergement sont engagées ?");
    EXPECT_EQ(Call("POST", d + "/decisions", signatory_, {{"outcome", "autorise"}}).status, 409);
    ASSERT_EQ(Call("POST", d + "/submit", worker_a_, Json::object()).status, 200);
    Reply parcours =
        Call("GET",
             "/api/v1/parcours/" +
                 std::to_string(Call("GET", d, worker_a_).body["parcours_id"].get<long long>()),
             worker_a_);
    EXPECT_EQ(parcours.body["state"], "submitted");
}

TEST_F(CommissionTest, CommissionAndAgrementAlertsReachWhoActsOnThem) {
    Reply commission = Call("POST", "/api/v1/commissions", instructor_,
                            {{"departement", "33"}, {"installed_on", "2026-01-05"}});
    long long c = commission.body["id"];
    AddMember(c, {{"category", "3"}, {"name", "Mme Garcia"}, {"appointed_on", "2024-01-10"}});
    Call("POST", "/api/v1/commissions/" + std::to_string(c) + "/seances", instructor_,
         {{"date", "2026-11-28"}, {"place", "Préfecture"}});
    // An agrément that ends within 90 days (approved 2024-01-15: valid until 2027-01-14).
    long long old = AddAssociation("Association ancienne", "33", false);
    {
        auto uow = ports().storage.Begin();
        usecases::AgrementRecord a;
        a.association_id = old;
        a.departement = "33";
        a.filed_on = "2023-10-01";
        a.decision = "approved";
        a.decided_on = "2024-01-15";
        a.created_at = a.updated_at = "2024-01-15T00:00:00Z";
        uow->Commission().InsertAgrement(a);
        uow->Commit();
    }
    std::string old_worker = TokenUser("worker@old.fr", domain::Role::kAssociationWorker, old);

    auto codes = [&](const std::string& token) {
        std::vector<std::string> out;
        Reply reply = Call("GET", "/api/v1/alerts", token);  // outlives the loop below
        for (const auto& a : reply.body["items"]) {
            out.push_back(a["code"].get<std::string>());
        }
        return out;
    };
    auto has = [](const std::vector<std::string>& list, const std::string& code) {
        return std::find(list.begin(), list.end(), code) != list.end();
    };
    auto instructor = codes(instructor_);
    EXPECT_TRUE(has(instructor, "member_term_ending"));
    EXPECT_TRUE(has(instructor, "convocation_missing"));
    EXPECT_TRUE(has(instructor, "agrement_expiring"));
    EXPECT_FALSE(has(instructor, "commission_no_seance"));
    auto association = codes(old_worker);
    EXPECT_TRUE(has(association, "agrement_expiring"));
    EXPECT_FALSE(has(association, "member_term_ending"));
    EXPECT_FALSE(has(codes(worker_a_), "agrement_expiring"));
    // The commission must meet at least once a year.
    Travel(2027, 12, 1);
    EXPECT_TRUE(has(codes(instructor_), "commission_no_seance"));
}

}  // namespace
}  // namespace parcours::testing
