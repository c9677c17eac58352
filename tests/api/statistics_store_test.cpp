// The statistics kept in memory between computations, on both engines: a dashboard computed once
// for many readers until the next write (usecases/statistics_cache.hpp); and after each kind of
// write, the dashboards the server computes from its kept facts,
// brought up to date with the persons the statistics journal names, are exactly those a process
// that reads every record from scratch computes.
#include <thread>

#include "fixture.hpp"
#include "usecases/demo.hpp"
#include "usecases/statistics.hpp"

namespace parcours::testing {
namespace {

using Json = nlohmann::json;

class StatisticsStoreTest : public ApiTest {
  protected:
    // The dashboard of `scope` as this server computes it (its kept facts), or as a new process
    // would (a new cache: every record read).
    std::string Dashboard(const std::string& scope, bool from_scratch = false) {
        usecases::StatisticsCache fresh;
        usecases::Ports& kept = ports();
        usecases::Ports scratch{kept.storage,      kept.crypto,   kept.documents,
                                kept.spreadsheets, kept.settings, fresh};
        auto result = usecases::GetStatistics(from_scratch ? scratch : kept, std::nullopt,
                                              {scope, "2017-01-01", "2026-12-31", "2026-12-15"}, {},
                                              {"test", "127.0.0.1"}, Now());
        EXPECT_TRUE(result.ok());
        return result.ok() ? result.value()->text : "";
    }

    // Every scope's dashboard from the kept facts equals the one read from scratch.
    void ExpectSameAsFromScratch(const std::string& when) {
        for (const std::string& scope : scopes_) {
            std::string kept = Dashboard(scope);
            EXPECT_EQ(kept, Dashboard(scope, true)) << scope << ", " << when;
            EXPECT_NE(kept.find("\"indicators\""), std::string::npos);
        }
    }

    std::vector<std::string> scopes_;
};

TEST_F(StatisticsStoreTest, TheKeptFactsFollowEveryWriteAsAFullReadingWould) {
    ASSERT_TRUE(usecases::GenerateDemo(ports(), {"small", 3, 0}, Now()));
    long long association = AddAssociation("Association du journal", "33");
    std::string worker = TokenUser("w@journal.fr", domain::Role::kAssociationWorker, association);
    std::string instructor =
        TokenUser("i@journal.fr", domain::Role::kPrefectureInstructor, {}, "33");
    std::string signatory = TokenUser("s@journal.fr", domain::Role::kSignatory, {}, "33");
    scopes_ = {"national", "departement:33", "region:75",
               "association:" + std::to_string(association)};
    ExpectSameAsFromScratch("after the demo");
    const auto loaded = ports().statistics_cache.store().counters();
    EXPECT_EQ(loaded.full_loads, 1u);

    // A person referred, assessed, in a parcours with a demande: each step written, then counted.
    Reply person = Call("POST", "/api/v1/persons", worker,
                        {{"identity",
                          {{"last_name", "Journal"},
                           {"first_names", "Test"},
                           {"birth_date", "1990-02-03"},
                           {"nationality", "ROU"}}},
                         {"sex_or_gender", "female"},
                         {"administrative_status", "asylum_seeker"},
                         {"victimisation", {{"forms", {"trafficking"}}}}});
    ASSERT_EQ(person.status, 201) << person.raw;
    const std::string person_path = "/api/v1/persons/" + person.body["id"].dump();
    ExpectSameAsFromScratch("after a person recorded");
    const auto commission_loads = ports().statistics_cache.store().counters().commission_loads;
    ASSERT_EQ(Call("POST", person_path + "/referrals", worker,
                   {{"date", "2026-11-20"}, {"source", "street_outreach"}, {"notes", ""}})
                  .status,
              201);
    ExpectSameAsFromScratch("after a referral");
    // A person's records only: the commission facts are not read again.
    EXPECT_EQ(ports().statistics_cache.store().counters().commission_loads, commission_loads);
    Json answers = Json::array();
    for (const char* code :
         {"victim", "adult", "will_to_exit", "needs_assessed", "complaint_filed"}) {
        answers.push_back({{"code", code}, {"answer", "met"}, {"evidence", ""}});
    }
    ASSERT_EQ(Call("POST", person_path + "/assessments", worker,
                   {{"answers", answers}, {"outcome", "present"}})
                  .status,
              201);
    Reply parcours = Call("POST", "/api/v1/parcours", worker, {{"person_id", person.body["id"]}});
    ASSERT_EQ(parcours.status, 201) << parcours.raw;
    const std::string parcours_path = "/api/v1/parcours/" + parcours.body["id"].dump();
    Call("PUT", parcours_path + "/document", worker,
         {{"commitments", {{{"text", "x"}}}},
          {"actions", {{{"domain", "housing"}, {"description", "y"}}}}});
    Reply demande = Call("POST", parcours_path + "/demandes", worker,
                         {{"kind", "initiale"},
                          {"association_opinion", {{"favourable", true}, {"text", "ok"}}},
                          {"expected_results", "r"},
                          {"sworn_statement_declared", true}});
    ASSERT_EQ(demande.status, 201) << demande.raw;
    const long long demande_id = demande.body["id"];
    const std::string demande_path = "/api/v1/demandes/" + std::to_string(demande_id);
    ASSERT_EQ(Call("POST", demande_path + "/submit", worker, Json::object()).status, 200);
    ExpectSameAsFromScratch("after a demande submitted");

    // The commission's avis (a séance, its agenda) and the préfet's decision.
    ASSERT_EQ(GiveAvis(instructor, demande_id, "33", "favorable").status, 200);
    ExpectSameAsFromScratch("after an avis");
    Reply decision = Call("POST", demande_path + "/decisions", signatory,
                          {{"outcome", "autorise"}, {"start_date", "2026-12-01"}});
    ASSERT_EQ(decision.status, 201) << decision.raw;
    ExpectSameAsFromScratch("after a decision");

    // The person leaves the parcours.
    Advance(std::chrono::hours(24 * 16));  // the period began on 2026-12-01
    worker = TokenFor("w@journal.fr");
    Reply exited = Call("POST", parcours_path + "/exit", worker,
                        {{"date", "2026-12-10"},
                         {"reason", "moved"},
                         {"outcome", {{"housing", "accommodation"}, {"activity", "job_seeking"}}}});
    ASSERT_EQ(exited.status, 200) << exited.raw;
    ExpectSameAsFromScratch("after an exit");

    // The commission's own facts (migration 0015): a member appointed, an agrément filed.
    const auto before_commission = ports().statistics_cache.store().counters();
    EXPECT_GE(before_commission.commission_loads, 1u);  // the avis's séance
    Reply commissions = Call("GET", "/api/v1/commissions", instructor);
    long long commission = 0;
    for (const auto& c : commissions.body["items"]) {
        if (c["departement"] == "33") commission = c["id"];
    }
    ASSERT_NE(commission, 0);
    ASSERT_EQ(
        Call("POST", "/api/v1/commissions/" + std::to_string(commission) + "/members", instructor,
             {{"category", "2"}, {"name", "M. Journal"}, {"appointed_on", "2026-12-01"}})
            .status,
        201);
    ExpectSameAsFromScratch("after a member appointed");
    ASSERT_EQ(Call("POST", "/api/v1/associations/" + std::to_string(association) + "/agrements",
                   instructor, {{"departement", "33"}, {"filed_on", "2026-12-02"}})
                  .status,
              201);
    ExpectSameAsFromScratch("after an agrément filed");
    EXPECT_EQ(ports().statistics_cache.store().counters().commission_loads,
              before_commission.commission_loads + 2);

    // Never read everything again: only the persons the writes changed.
    const auto after = ports().statistics_cache.store().counters();
    EXPECT_EQ(after.full_loads, 1u);
    EXPECT_GT(after.partial_loads, loaded.partial_loads);
    EXPECT_GE(after.persons_read, 1u);
    EXPECT_LE(after.persons_read, 12u);
}

// A reader further behind than the journal goes back reads everything again.
TEST_F(StatisticsStoreTest, AReaderBehindThePrunedJournalReadsEverythingAgain) {
    long long association = AddAssociation("Association du journal", "33");
    std::string worker = TokenUser("w@journal.fr", domain::Role::kAssociationWorker, association);
    scopes_ = {"national", "departement:33"};
    ReferPerson(worker, "Premier");
    ExpectSameAsFromScratch("first");
    ReferPerson(worker, "Second");
    {
        // As if thousands of generations had gone by and the journal had been pruned.
        storage::Database::Lease lease(app().db());
        lease.sql() << "UPDATE data_generation SET journal_since = value WHERE id = 1";
    }
    ExpectSameAsFromScratch("after the pruning");
    EXPECT_EQ(ports().statistics_cache.store().counters().full_loads, 2u);
}

// A dashboard is computed once for many readers, and a write is seen by the next one.
TEST_F(StatisticsStoreTest, ARepeatedDashboardIsSharedUntilTheNextWrite) {
    long long association = AddAssociation("Association de Gironde", "33");
    std::string worker = TokenUser("w@33.fr", domain::Role::kAssociationWorker, association);
    std::string instructor = TokenUser("i@33.fr", domain::Role::kPrefectureInstructor, {}, "33");
    const std::string path =
        "/api/v1/stats?scope=departement:33&from=2026-01-01&to=2026-12-31&at=2026-12-15";
    auto referrals = [&] {
        Reply r = Call("GET", path, instructor);
        EXPECT_EQ(r.status, 200) << r.raw;
        for (const auto& indicator : r.body["indicators"]) {
            if (indicator["code"] == "referrals") return indicator["value"].get<long long>();
        }
        return -1LL;
    };
    ReferPerson(worker, "Premier");
    auto before = ports().statistics_cache.counters();
    EXPECT_EQ(referrals(), 1);
    EXPECT_EQ(referrals(), 1);
    std::vector<std::thread> readers;
    for (int i = 0; i < 4; ++i) readers.emplace_back([&] { EXPECT_EQ(referrals(), 1); });
    for (auto& t : readers) t.join();
    auto shared = ports().statistics_cache.counters();
    EXPECT_EQ(shared.computed, before.computed + 1);
    EXPECT_EQ(shared.served, before.served + 5);
    ReferPerson(worker, "Second");
    EXPECT_EQ(referrals(), 2);  // the write raised the data generation: computed again
    EXPECT_EQ(ports().statistics_cache.counters().computed, shared.computed + 1);
    // A write of what the statistics do not read (an account, audited) keeps the dashboard.
    AddUser("nouvelle@33.fr", "association_worker", "Un mot de passe assez long 2026", association);
    EXPECT_EQ(referrals(), 2);
    EXPECT_EQ(ports().statistics_cache.counters().computed, shared.computed + 1);
    // Every request is still checked and audited, shared or not.
    EXPECT_EQ(Call("GET", path, worker).status, 404);
    storage::Database::Lease lease(app().db());
    long long audited = 0;
    lease.sql() << "SELECT COUNT(*) FROM audit_log WHERE action = 'stats.read'",
        soci::into(audited);
    EXPECT_EQ(audited, 8);
}

}  // namespace
}  // namespace parcours::testing
