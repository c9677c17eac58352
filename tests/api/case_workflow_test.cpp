// A complete parcours through HTTP on both engines: person, assessment, document, initial
// demande, avis, authorisation, three renewals, the 24-month cap, exit; scope and refusals.
#include <algorithm>

#include "fixture.hpp"

namespace parcours::testing {
namespace {

using Json = nlohmann::json;

class CaseWorkflowTest : public ApiTest {
  protected:
    void SetUp() override {
        ApiTest::SetUp();
        association_a_ = AddAssociation("Association A", "33");
        association_b_ = AddAssociation("Association B", "33");
        worker_ = TokenUser("worker@a.fr", domain::Role::kAssociationWorker, association_a_);
        worker_b_ = TokenUser("worker@b.fr", domain::Role::kAssociationWorker, association_b_);
        instructor_ =
            TokenUser("instruct@pref33.fr", domain::Role::kPrefectureInstructor, {}, "33");
        signatory_ = TokenUser("prefet@pref33.fr", domain::Role::kSignatory, {}, "33");
    }

    Json PersonBody(const std::string& last_name = "Okafor") {
        return {{"identity",
                 {{"last_name", last_name},
                  {"first_names", "Blessing"},
                  {"aliases", {"Bless"}},
                  {"birth_date", "1998-03-14"},
                  {"nationality", "nga"},
                  {"languages", {"en", "pcm"}},
                  {"interpreter_needed", true}}},
                {"sex_or_gender", "female"},
                {"children", {{{"birth_date", "2019-06-01"}}}},
                {"administrative_status", "asylum_seeker"},
                {"contact_channel", "street_outreach"}};
    }

    Json AllMet() {
        Json answers = Json::array();
        for (const char* code :
             {"victim", "adult", "will_to_exit", "needs_assessed", "complaint_filed"}) {
            answers.push_back(
                {{"code", code},
                 {"answer", std::string(code) == "complaint_filed" ? "not_met" : "met"},
                 {"evidence", ""}});
        }
        return answers;
    }

    Json DemandeBody(const std::string& kind) {
        return {{"kind", kind},
                {"association_opinion", {{"favourable", true}, {"text", "Engagement constant."}}},
                {"expected_results", "Logement stable, formation linguistique."},
                {"achieved_results", kind == "renouvellement" ? "Hébergement obtenu." : ""},
                {"sworn_statement_declared", true},
                {"attachments", {{{"kind", "identity_document"}, {"label", "Passeport"}}}}};
    }

    // Submits a demande of `kind`, records a favourable avis and an authorisation.
    Json Authorise(long long parcours, const std::string& kind, std::optional<std::string> start) {
        Reply demande = Call("POST", "/api/v1/parcours/" + std::to_string(parcours) + "/demandes",
                             worker_, DemandeBody(kind));
        EXPECT_EQ(demande.status, 201) << demande.raw;
        std::string id = std::to_string(demande.body["id"].get<long long>());
        Reply submitted =
            Call("POST", "/api/v1/demandes/" + id + "/submit", worker_, Json::object());
        EXPECT_EQ(submitted.status, 200) << submitted.raw;
        GiveAvis(instructor_, demande.body["id"], "33", "favorable");
        Json decision = {{"outcome", kind == "initiale" ? "autorise" : "renouvele"}};
        if (start) decision["start_date"] = *start;
        Reply decided = Call("POST", "/api/v1/demandes/" + id + "/decisions", signatory_, decision);
        EXPECT_EQ(decided.status, 201) << decided.raw;
        return decided.body;
    }

    // Moves the pinned clock; API tokens last 30 days, so new ones are made.
    void Travel(int y, unsigned m, unsigned d) {
        now_ = std::chrono::sys_seconds{std::chrono::sys_days{std::chrono::year{y} / m / d}}
                   .time_since_epoch()
                   .count();
        worker_ = TokenFor("worker@a.fr");
        instructor_ = TokenFor("instruct@pref33.fr");
        signatory_ = TokenFor("prefet@pref33.fr");
    }

    long long association_a_ = 0;
    long long association_b_ = 0;
    std::string worker_, worker_b_, instructor_, signatory_;
};

TEST_F(CaseWorkflowTest, ACompleteParcoursFromReferralToExitAfterTwentyFourMonths) {
    Reply created = Call("POST", "/api/v1/persons", worker_, PersonBody());
    ASSERT_EQ(created.status, 201) << created.raw;
    long long person = created.body["id"];
    std::string pseudonym = created.body["pseudonym"];
    EXPECT_EQ(pseudonym.rfind("P-", 0), 0U);
    EXPECT_EQ(pseudonym.find("Okafor"), std::string::npos);
    EXPECT_FALSE(created.body["already_followed_elsewhere"].get<bool>());
    std::string p = "/api/v1/persons/" + std::to_string(person);

    EXPECT_EQ(Call("POST", p + "/referrals", worker_,
                   {{"date", "2026-11-20"}, {"source", "street_outreach"}, {"notes", "Maraude"}})
                  .status,
              201);
    Reply grid = Call("GET", "/api/v1/departements/33/criteria", worker_);
    ASSERT_EQ(grid.status, 200);
    EXPECT_EQ(grid.body["source"], "national");
    Reply assessed =
        Call("POST", p + "/assessments", worker_, {{"answers", AllMet()}, {"outcome", "present"}});
    ASSERT_EQ(assessed.status, 201) << assessed.raw;

    Reply opened = Call("POST", "/api/v1/parcours", worker_, {{"person_id", person}});
    ASSERT_EQ(opened.status, 201) << opened.raw;
    long long parcours = opened.body["id"];
    EXPECT_EQ(opened.body["state"], "file_in_preparation");
    std::string pc = "/api/v1/parcours/" + std::to_string(parcours);

    // Incomplete: no document yet.
    Reply draft = Call("POST", pc + "/demandes", worker_, DemandeBody("initiale"));
    ASSERT_EQ(draft.status, 201) << draft.raw;
    EXPECT_EQ(draft.body["missing"].size(), 1U);
    Reply incomplete = Call(
        "POST", "/api/v1/demandes/" + std::to_string(draft.body["id"].get<long long>()) + "/submit",
        worker_, Json::object());
    EXPECT_EQ(incomplete.status, 422);
    EXPECT_EQ(incomplete.body["error"]["code"], "demande_incomplete");
    EXPECT_EQ(incomplete.body["error"]["missing"].size(), 1U);
    Reply document = Call(
        "PUT", pc + "/document", worker_,
        {{"commitments", {{{"text", "Suivre les cours de français"}, {"category", "langue"}}}},
         {"actions",
          {{{"domain", "housing"}, {"description", "Demande SIAO"}, {"status", "in_progress"}}}}});
    ASSERT_EQ(document.status, 201) << document.raw;
    std::string draft_id = std::to_string(draft.body["id"].get<long long>());
    ASSERT_EQ(
        Call("POST", "/api/v1/demandes/" + draft_id + "/submit", worker_, Json::object()).status,
        200);
    // A decision before the avis is refused.
    Reply early = Call("POST", "/api/v1/demandes/" + draft_id + "/decisions", signatory_,
                       {{"outcome", "autorise"}, {"start_date", "2026-12-01"}});
    EXPECT_EQ(early.status, 409);
    EXPECT_EQ(early.body["error"]["code"], "avis_missing");
    GiveAvis(instructor_, draft.body["id"], "33", "favorable");
    Reply decided = Call("POST", "/api/v1/demandes/" + draft_id + "/decisions", signatory_,
                         {{"outcome", "autorise"}, {"start_date", "2026-08-31"}});
    ASSERT_EQ(decided.status, 201) << decided.raw;
    EXPECT_EQ(decided.body["end_date"], "2027-02-28");

    // Three renewals, each submitted while the current period runs.
    Travel(2027, 2, 1);
    Authorise(parcours, "renouvellement", std::nullopt);
    Travel(2027, 8, 1);
    Authorise(parcours, "renouvellement", std::nullopt);
    Travel(2028, 2, 1);
    Authorise(parcours, "renouvellement", std::nullopt);

    Reply state = Call("GET", pc, worker_);
    ASSERT_EQ(state.status, 200);
    EXPECT_EQ(state.body["state"], "active");
    ASSERT_EQ(state.body["periods"].size(), 4U);
    EXPECT_EQ(state.body["periods"][1]["start"], "2027-03-01");
    EXPECT_EQ(state.body["periods"][3]["end"], "2028-08-31");
    EXPECT_EQ(state.body["months_used"], 24);
    EXPECT_EQ(state.body["months_left"], 0);

    // A fifth period is refused.
    Reply fifth = Call("POST", pc + "/demandes", worker_, DemandeBody("renouvellement"));
    EXPECT_EQ(fifth.status, 422);
    EXPECT_EQ(fifth.body["error"]["code"], "max_duration_reached");

    // Exit once the 24 months are over; afterwards only post-parcours notes.
    Travel(2028, 9, 2);
    Reply exited = Call("POST", pc + "/exit", worker_,
                        {{"date", "2028-09-01"},
                         {"reason", "completed"},
                         {"outcome",
                          {{"housing", "own_housing"},
                           {"activity", "employment"},
                           {"notes", "CDI d'agente d'entretien"}}}});
    ASSERT_EQ(exited.status, 200) << exited.raw;
    EXPECT_EQ(exited.body["state"], "exited");
    EXPECT_EQ(Call("PUT", pc + "/document", worker_,
                   {{"commitments", Json::array()}, {"actions", Json::array()}})
                  .status,
              409);
    Reply note =
        Call("POST", pc + "/followups", worker_,
             {{"date", "2028-09-02"}, {"kind", "phone"}, {"text", "Nouvelles rassurantes"}});
    ASSERT_EQ(note.status, 201);
    EXPECT_TRUE(note.body["post_parcours"].get<bool>());

    // The history holds every transition, in order, none rewritten.
    Reply history = Call("GET", pc, worker_);
    std::vector<std::string> types;
    for (const auto& e : history.body["events"]) types.push_back(e["type"]);
    EXPECT_EQ(types.front(), "opened");
    EXPECT_EQ(types.back(), "exit");
    EXPECT_EQ(std::count(types.begin(), types.end(), "decision_autorise"), 1);
    EXPECT_EQ(std::count(types.begin(), types.end(), "decision_renouvele"), 3);
    std::cout << "complete parcours: " << types.size() << " events\n";
}

TEST_F(CaseWorkflowTest, AnotherAssociationGets404AndTheIdentityIsEncryptedAtRest) {
    Reply created = Call("POST", "/api/v1/persons", worker_, PersonBody("Zyxwvut"));
    ASSERT_EQ(created.status, 201);
    std::string id = std::to_string(created.body["id"].get<long long>());
    Reply opened = Call("POST", "/api/v1/parcours", worker_, {{"person_id", created.body["id"]}});
    std::string pc = std::to_string(opened.body["id"].get<long long>());
    EXPECT_EQ(Call("GET", "/api/v1/persons/" + id, worker_b_).status, 404);
    EXPECT_EQ(Call("GET", "/api/v1/parcours/" + pc, worker_b_).status, 404);
    EXPECT_EQ(Call("GET", "/api/v1/persons/999999", worker_b_).raw,
              Call("GET", "/api/v1/persons/" + id, worker_b_).raw);
    Reply list = Call("GET", "/api/v1/persons", worker_b_);
    EXPECT_EQ(list.body["total"], 0);
    // The prefecture of the département sees it, with the identity.
    Reply seen = Call("GET", "/api/v1/persons/" + id, instructor_);
    ASSERT_EQ(seen.status, 200);
    EXPECT_EQ(seen.body["identity"]["last_name"], "Zyxwvut");
    EXPECT_EQ(seen.body["identity"]["nationality"], "NGA");
    // Nothing of the name in the database.
    storage::Database::Lease lease(app().db());
    long long clear = 0;
    lease.sql() << "SELECT COUNT(*) FROM persons WHERE identity_enc LIKE '%Zyxwvut%' OR "
                   "protected_enc LIKE '%asylum%'",
        soci::into(clear);
    EXPECT_EQ(clear, 0);
    // The same person registered by another association: flagged, without saying where.
    Reply twice = Call("POST", "/api/v1/persons", worker_b_, PersonBody("zyxwvut"));
    ASSERT_EQ(twice.status, 201);
    EXPECT_TRUE(twice.body["already_followed_elsewhere"].get<bool>());
    EXPECT_EQ(twice.body["notice"], "Personne déjà suivie ailleurs : contactez la préfecture.");
    EXPECT_EQ(Call("POST", "/api/v1/persons", worker_, PersonBody("Zyxwvut")).status, 409);
}

TEST_F(CaseWorkflowTest, TheSituationIsOptionalEncryptedAndAComplaintIsNeverRequired) {
    Json body = PersonBody("Situation");
    body["victimisation"] = {{"forms", {"trafficking"}},
                             {"exploitation", "online"},
                             {"complaint_filed", true},
                             {"complaint_date", "2026-03-01"}};
    Reply created = Call("POST", "/api/v1/persons", worker_, body);
    ASSERT_EQ(created.status, 201) << created.raw;
    std::string path = "/api/v1/persons/" + std::to_string(created.body["id"].get<long long>());
    Reply seen = Call("GET", path, worker_);
    EXPECT_EQ(seen.body["victimisation"]["forms"], Json({"trafficking"}));
    EXPECT_EQ(seen.body["victimisation"]["complaint_date"], "2026-03-01");
    storage::Database::Lease lease(app().db());
    long long clear = 0;
    lease.sql() << "SELECT COUNT(*) FROM persons WHERE protected_enc LIKE '%trafficking%'",
        soci::into(clear);
    EXPECT_EQ(clear, 0);
    // Nothing about the situation is required; a person without it is created as well.
    EXPECT_EQ(Call("POST", "/api/v1/persons", worker_, PersonBody("Sans")).status, 201);
    auto field_of = [&](Json situation) {
        Json bad = PersonBody("Autre");
        bad["victimisation"] = situation;
        Reply r = Call("POST", "/api/v1/persons", worker_, bad);
        EXPECT_EQ(r.status, 422) << r.raw;
        return r.body["error"].value("field", "");
    };
    EXPECT_EQ(field_of({{"forms", {"smuggling"}}}), "victimisation.forms[0]");
    EXPECT_EQ(field_of({{"complaint_date", "2026-03-01"}}), "victimisation.complaint_date");
    EXPECT_EQ(field_of({{"complaint_filed", true}, {"complaint_date", "2027-01-01"}}),
              "victimisation.complaint_date");
    EXPECT_EQ(field_of({{"network", "x"}}), "victimisation.network");
    // Cleared by PATCH with null.
    Reply cleared = Call("PATCH", path, worker_, {{"victimisation", nullptr}});
    ASSERT_EQ(cleared.status, 200) << cleared.raw;
    EXPECT_EQ(cleared.body["victimisation"], nullptr);
}

TEST_F(CaseWorkflowTest, ASubjectAccessRequestGetsTheWholeFileAndIsAudited) {
    Reply created = Call("POST", "/api/v1/persons", worker_, PersonBody("Export"));
    ASSERT_EQ(created.status, 201);
    std::string id = std::to_string(created.body["id"].get<long long>());
    Reply opened = Call("POST", "/api/v1/parcours", worker_, {{"person_id", created.body["id"]}});
    std::string pc = "/api/v1/parcours/" + std::to_string(opened.body["id"].get<long long>());
    for (const char* text : {"première version", "seconde version"}) {
        ASSERT_EQ(Call("PUT", pc + "/document", worker_,
                       {{"commitments", {{{"text", text}}}},
                        {"actions", {{{"domain", "health"}, {"description", "Bilan"}}}}})
                      .status,
                  201);
    }
    ASSERT_EQ(Call("POST", pc + "/followups", worker_,
                   {{"date", "2026-11-20"}, {"kind", "interview"}, {"text", "Entretien confiant"}})
                  .status,
              201);
    Reply file = Call("GET", "/api/v1/persons/" + id + "/export", worker_);
    ASSERT_EQ(file.status, 200) << file.raw;
    EXPECT_NE(file.headers.find("Content-Disposition")->second.find("attachment"),
              std::string::npos);
    EXPECT_EQ(file.body["person"]["identity"]["last_name"], "Export");
    ASSERT_EQ(file.body["parcours"].size(), 1u);
    const Json& one = file.body["parcours"][0];
    EXPECT_EQ(one["documents"].size(), 2u);  // every version, not only the latest
    EXPECT_EQ(one["documents"][0]["commitments"][0]["text"], "première version");
    EXPECT_EQ(one["followups"][0]["text"], "Entretien confiant");
    EXPECT_TRUE(one["rights"].contains("afis"));
    // Another association: as if it did not exist.
    EXPECT_EQ(Call("GET", "/api/v1/persons/" + id + "/export", worker_b_).status, 404);
    // The export is in the audit trail.
    storage::Database::Lease lease(app().db());
    long long audited = 0;
    lease.sql() << "SELECT COUNT(*) FROM audit_log WHERE action = 'person.export' AND "
                   "record_id = :id",
        soci::use(id), soci::into(audited);
    EXPECT_EQ(audited, 1);
}

TEST_F(CaseWorkflowTest, ARefusalNeedsReasonsAndBadInputNamesTheField) {
    Reply created = Call("POST", "/api/v1/persons", worker_, PersonBody());
    long long person = created.body["id"];
    Json bad = PersonBody();
    bad["identity"]["birth_date"] = "2030-01-01";
    Reply future = Call("POST", "/api/v1/persons", worker_, bad);
    EXPECT_EQ(future.status, 422);
    EXPECT_EQ(future.body["error"]["field"], "identity.birth_date");
    Reply opened = Call("POST", "/api/v1/parcours", worker_, {{"person_id", person}});
    std::string pc = "/api/v1/parcours/" + std::to_string(opened.body["id"].get<long long>());
    Call("PUT", pc + "/document", worker_,
         {{"commitments", {{{"text", "x"}}}},
          {"actions", {{{"domain", "health"}, {"description", "y"}}}}});
    Reply draft = Call("POST", pc + "/demandes", worker_, DemandeBody("initiale"));
    std::string d = "/api/v1/demandes/" + std::to_string(draft.body["id"].get<long long>());
    Call("POST", d + "/submit", worker_, Json::object());
    GiveAvis(instructor_, draft.body["id"], "33", "defavorable", "Dossier à compléter");
    Reply no_reasons = Call("POST", d + "/decisions", signatory_, {{"outcome", "refuse"}});
    EXPECT_EQ(no_reasons.status, 422);
    EXPECT_EQ(no_reasons.body["error"]["field"], "reasons");
    // The worker may not decide.
    EXPECT_EQ(Call("POST", d + "/decisions", worker_, {{"outcome", "refuse"}}).status, 404);
    Reply refused =
        Call("POST", d + "/decisions", signatory_, {{"outcome", "refuse"}, {"reasons", "Motifs"}});
    ASSERT_EQ(refused.status, 201) << refused.raw;
    EXPECT_EQ(Call("GET", pc, worker_).body["state"], "refused");
}

TEST_F(CaseWorkflowTest, AComplaintCanNeverBeABlockingCriterion) {
    Json grid = {
        {"valid_from", "2026-01-01"},
        {"criteria",
         {{{"code", "victim"}, {"label", "Victime"}, {"blocking", true}},
          {{"code", "complaint_filed"}, {"label", "Plainte déposée"}, {"blocking", true}}}}};
    Reply refused = Call("PUT", "/api/v1/departements/33/criteria", instructor_, grid);
    EXPECT_EQ(refused.status, 422);
    EXPECT_EQ(refused.body["error"]["field"], "criteria[1].blocking");
    grid["criteria"][1]["blocking"] = false;
    EXPECT_EQ(Call("PUT", "/api/v1/departements/33/criteria", instructor_, grid).status, 201);
    EXPECT_EQ(Call("PUT", "/api/v1/departements/33/criteria", worker_, grid).status, 404);
    Reply now_grid = Call("GET", "/api/v1/departements/33/criteria", worker_);
    EXPECT_EQ(now_grid.body["version"], 1);
    EXPECT_EQ(now_grid.body["criteria"].size(), 2U);
}

}  // namespace
}  // namespace parcours::testing
