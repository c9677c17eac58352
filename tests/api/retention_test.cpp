// Retention (CNIL, docs/retention.md) through HTTP on both engines, with the pinned clock: the
// files of persons whose accompaniment ended more than 24 months ago move to the restricted
// archive (read by their association's admin only, each read audited; 404 for everyone else;
// writes 409; out of the lists), and are anonymised 36 months later: the identity columns are
// empty, no free text is left, and the statistics are the same as before.
#include <soci/soci.h>

#include <optional>
#include <set>

#include "figures.hpp"
#include "fixture.hpp"
#include "usecases/retention.hpp"

namespace parcours::testing {
namespace {

using Json = nlohmann::json;

// Planted in every free-text and identity field of the followed persons: none may survive the
// anonymisation, in clear or under the field key.
constexpr const char* kCanary = "Canari";

class RetentionTest : public ApiTest {
  protected:
    void TravelTo(int y, unsigned m, unsigned d) {
        domain::Date date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
        auto target = std::chrono::sys_days{date} + std::chrono::hours{9};
        Advance(std::chrono::duration_cast<std::chrono::seconds>(target - Now()));
        if (!worker_.empty()) {  // API tokens last 30 days: new ones on the new day
            worker_ = TokenFor("w@33.fr");
            admin_ = TokenFor("a@33.fr");
            instructor_ = TokenFor("i@33.fr");
        }
    }
    domain::Date Today() const {
        return domain::Date{std::chrono::floor<std::chrono::days>(Now())};
    }
    usecases::RetentionReport Run(bool dry_run) {
        return usecases::RunRetention(ports(), Today(), dry_run, Now());
    }

    long long NewPerson(const std::string& token, const std::string& name, const Json& situation) {
        Json body = {{"identity",
                      {{"last_name", std::string(kCanary) + name},
                       {"first_names", std::string(kCanary) + "Prénom"},
                       {"aliases", {std::string(kCanary) + "Alias"}},
                       {"birth_date", "1996-04-01"},
                       {"nationality", "NGA"}}},
                     {"sex_or_gender", "female"},
                     {"administrative_status", "asylum_seeker"},
                     {"victimisation", situation}};
        Reply p = Call("POST", "/api/v1/persons", token, body);
        EXPECT_EQ(p.status, 201) << p.raw;
        long long id = p.body["id"];
        EXPECT_EQ(Call("POST", "/api/v1/persons/" + std::to_string(id) + "/referrals", token,
                       {{"date", "2026-11-20"},
                        {"source", "street_outreach"},
                        {"notes", std::string(kCanary) + " orientation"}})
                      .status,
                  201);
        return id;
    }

    // Gironde: "exited" has a parcours authorised from 2026-12-01 and exited on 2026-12-10;
    // "open" has a parcours still in preparation; "referred" was only referred (never presented).
    void BuildDataset() {
        association_ = AddAssociation("Association de Gironde", "33");
        worker_ = TokenUser("w@33.fr", domain::Role::kAssociationWorker, association_);
        admin_ = TokenUser("a@33.fr", domain::Role::kAssociationAdmin, association_);
        instructor_ = TokenUser("i@33.fr", domain::Role::kPrefectureInstructor, {}, "33");
        std::string signatory = TokenUser("s@33.fr", domain::Role::kSignatory, {}, "33");
        Json present = Json::array();
        for (const char* code :
             {"victim", "adult", "will_to_exit", "needs_assessed", "complaint_filed"}) {
            present.push_back({{"code", code}, {"answer", "met"}, {"evidence", kCanary}});
        }
        exited_ = NewPerson(worker_, "Sortie", {{"forms", {"trafficking"}}});
        open_ = NewPerson(worker_, "Ouverte", nullptr);
        referred_ = NewPerson(worker_, "Orientee", {{"forms", {"prostitution"}}});
        for (long long person : {exited_, open_}) {
            std::string path = "/api/v1/persons/" + std::to_string(person);
            ASSERT_EQ(Call("POST", path + "/assessments", worker_,
                           {{"answers", present}, {"outcome", "present"}})
                          .status,
                      201);
        }
        Reply pc = Call("POST", "/api/v1/parcours", worker_, {{"person_id", exited_}});
        ASSERT_EQ(pc.status, 201) << pc.raw;
        parcours_ = pc.body["id"];
        ASSERT_EQ(Call("POST", "/api/v1/parcours", worker_, {{"person_id", open_}}).status, 201);
        std::string parcours = "/api/v1/parcours/" + std::to_string(parcours_);
        ASSERT_EQ(Call("PUT", parcours + "/document", worker_,
                       {{"commitments", {{{"text", std::string(kCanary) + " engagement"}}}},
                        {"actions", {{{"domain", "housing"}, {"description", kCanary}}}}})
                      .status,
                  201);
        Reply d = Call("POST", parcours + "/demandes", worker_,
                       {{"kind", "initiale"},
                        {"association_opinion", {{"favourable", true}, {"text", kCanary}}},
                        {"expected_results", kCanary},
                        {"sworn_statement_declared", true}});
        ASSERT_EQ(d.status, 201) << d.raw;
        demande_ = d.body["id"];
        std::string demande = "/api/v1/demandes/" + std::to_string(d.body["id"].get<long long>());
        ASSERT_EQ(Call("POST", demande + "/submit", worker_, Json::object()).status, 200);
        GiveAvis(instructor_, d.body["id"], "33", "favorable", std::string(kCanary) + " avis");
        ASSERT_EQ(Call("POST", demande + "/decisions", signatory,
                       {{"outcome", "autorise"},
                        {"start_date", "2026-12-01"},
                        {"reasons", std::string(kCanary) + " motifs"}})
                      .status,
                  201);
        ASSERT_EQ(Call("POST", parcours + "/followups", worker_,
                       {{"date", "2026-11-25"},
                        {"kind", "interview"},
                        {"text", std::string(kCanary) + " suivi"}})
                      .status,
                  201);
        ASSERT_EQ(Call("POST", parcours + "/afis", worker_,
                       {{"application_date", "2026-11-25"},
                        {"dependent_children", 0},
                        {"resources_cents", 0},
                        {"residence_document", "french_or_eu"}})
                      .status,
                  201);
        TravelTo(2026, 12, 11);
        Reply exit =
            Call("POST", parcours + "/exit", worker_,
                 {{"date", "2026-12-10"},
                  {"reason", "moved"},
                  {"reasons", std::string(kCanary) + " départ"},
                  {"outcome",
                   {{"housing", "accommodation"}, {"notes", std::string(kCanary) + " issue"}}}});
        ASSERT_EQ(exit.status, 200) << exit.raw;
    }

    Json Stats() {
        Reply r = Call("GET",
                       "/api/v1/stats?scope=departement:33&from=2026-01-01&to=2026-12-31"
                       "&at=2026-12-05",
                       instructor_);
        EXPECT_EQ(r.status, 200) << r.raw;
        return r.body["indicators"];
    }

    // The texts left under one person: the identity columns, every ciphertext decrypted, and the
    // clear-text columns of the history.
    std::vector<std::string> TextsOf(long long person) {
        std::vector<std::string> texts;
        storage::Database::Lease lease(app().db());
        soci::session& sql = lease.sql();
        const std::string of = "(SELECT id FROM parcours WHERE person_id = :p)";
        const std::vector<std::pair<std::string, bool>> queries = {
            {"SELECT identity_enc FROM persons WHERE id = :p", true},
            {"SELECT protected_enc FROM persons WHERE id = :p", true},
            {"SELECT duplicate_key FROM persons WHERE id = :p", false},
            {"SELECT COALESCE(statistics_enc, '') FROM persons WHERE id = :p", true},
            {"SELECT notes_enc FROM referrals WHERE person_id = :p", true},
            {"SELECT answers_enc FROM assessments WHERE person_id = :p", true},
            {"SELECT COALESCE(exit_outcome_enc, '') FROM parcours WHERE person_id = :p", true},
            {"SELECT content_enc FROM parcours_documents WHERE parcours_id IN " + of, true},
            {"SELECT content_enc FROM followups WHERE parcours_id IN " + of, true},
            {"SELECT content_enc FROM demandes WHERE parcours_id IN " + of, true},
            {"SELECT COALESCE(avis_reasons, '') FROM demandes WHERE parcours_id IN " + of, false},
            {"SELECT content_enc FROM rights_records WHERE parcours_id IN " + of, true},
            {"SELECT reasons_enc FROM decisions WHERE parcours_id IN " + of, true},
            {"SELECT reasons FROM parcours_events WHERE parcours_id IN " + of, false},
            {"SELECT COALESCE(a.avis_reasons_enc, '') FROM agenda_items a JOIN demandes d ON "
             "d.id = a.demande_id WHERE d.parcours_id IN " +
                 of,
             true},
        };
        for (const auto& [query, encrypted] : queries) {
            soci::rowset<std::string> rows = (sql.prepare << query, soci::use(person, "p"));
            for (const std::string& value : rows) {
                if (value.empty()) continue;
                auto plain = encrypted ? ports().crypto.Decrypt(value) : std::optional(value);
                texts.push_back(plain.value_or("<undecryptable>"));
            }
        }
        return texts;
    }

    std::string Identity(long long person) {
        storage::Database::Lease lease(app().db());
        std::string identity, protected_data, key;
        lease.sql()
            << "SELECT identity_enc, protected_enc, duplicate_key FROM persons WHERE id = :p",
            soci::into(identity), soci::into(protected_data), soci::into(key), soci::use(person);
        return identity + protected_data + key;
    }

    long long AuditRows(const std::string& action,
                        long long person,
                        std::optional<std::string> record = std::nullopt) {
        storage::Database::Lease lease(app().db());
        long long n = 0;
        std::string id = record.value_or(std::to_string(person));
        lease.sql() << "SELECT COUNT(*) FROM audit_log WHERE action = :a AND record_id = :r",
            soci::into(n), soci::use(action), soci::use(id);
        return n;
    }

    long long association_ = 0;
    std::string worker_, admin_, instructor_;
    long long exited_ = 0, open_ = 0, referred_ = 0, parcours_ = 0, demande_ = 0;
};

std::string PersonPath(long long id) {
    return "/api/v1/persons/" + std::to_string(id);
}

TEST_F(RetentionTest, ArchiveAfterTwentyFourMonthsThenAnonymiseKeepingTheStatistics) {
    BuildDataset();
    std::string parcours = "/api/v1/parcours/" + std::to_string(parcours_);

    // 2028-12-10: 24 months after the exit, not more: only the person never presented
    // (last record 2026-11-25, due 2028-11-26) is archived.
    TravelTo(2028, 12, 10);
    auto early = Run(true);
    ASSERT_EQ(early.items.size(), 1U);
    EXPECT_EQ(early.items[0].person_id, referred_);

    // 2029-01-02: both ended files are due; the dry run lists them and changes nothing.
    TravelTo(2029, 1, 2);
    auto plan = Run(true);
    ASSERT_EQ(plan.items.size(), 2U);
    EXPECT_EQ(plan.items[0].person_id, exited_);
    EXPECT_EQ(plan.items[0].action, domain::RetentionAction::kArchive);
    EXPECT_EQ(domain::FormatIsoDate(plan.items[0].due_on), "2028-12-11");
    EXPECT_EQ(plan.archived + plan.anonymised, 0);
    EXPECT_EQ(Call("GET", PersonPath(exited_), worker_).status, 200);
    EXPECT_EQ(Run(true).items.size(), 2U);
    // The séance that gave the avis: its tabled file is open to the prefecture at any time.
    long long seance = 0;
    {
        storage::Database::Lease lease(app().db());
        lease.sql() << "SELECT seance_id FROM agenda_items WHERE demande_id = :d",
            soci::into(seance), soci::use(demande_);
    }
    const std::string seance_path = "/api/v1/seances/" + std::to_string(seance);
    const std::string tabled = seance_path + "/files/" + std::to_string(demande_);
    EXPECT_EQ(Call("GET", tabled, instructor_).status, 200);

    auto done = Run(false);
    EXPECT_EQ(done.archived, 2);
    RecordFigure("retention archived", done.archived, false);
    EXPECT_EQ(Run(false).archived, 0);  // idempotent

    // Read: the association's admin only, each read audited; 404 for every other role.
    Reply read = Call("GET", PersonPath(exited_), admin_);
    ASSERT_EQ(read.status, 200) << read.raw;
    EXPECT_EQ(AuditRows("archive.read", exited_), 1);
    EXPECT_EQ(Call("GET", parcours, admin_).status, 200);
    EXPECT_EQ(AuditRows("archive.read", exited_), 2);
    EXPECT_EQ(Call("GET", PersonPath(exited_), worker_).status, 404);
    EXPECT_EQ(Call("GET", parcours, worker_).status, 404);
    EXPECT_EQ(Call("GET", parcours + "/followups", worker_).status, 404);
    EXPECT_EQ(Call("GET", PersonPath(exited_), instructor_).status, 404);
    EXPECT_EQ(Call("GET", PersonPath(exited_) + "/export", worker_).status, 404);
    EXPECT_EQ(Call("GET", PersonPath(open_), worker_).status, 200);  // not archived
    // Writes: 409 for the admin, with a French message naming the field; 404 for the worker.
    Reply write = Call("POST", parcours + "/followups", admin_,
                       {{"date", "2029-01-02"}, {"kind", "phone"}, {"text", "Nouvelles"}});
    EXPECT_EQ(write.status, 409) << write.raw;
    EXPECT_EQ(write.body["error"]["field"], "id");
    EXPECT_NE(write.body["error"]["message"].get<std::string>().find("archivé"), std::string::npos);
    EXPECT_EQ(Call("PATCH", PersonPath(referred_), admin_, {{"contact_channel", "phone"}}).status,
              409);
    EXPECT_EQ(Call("POST", parcours + "/followups", worker_,
                   {{"date", "2029-01-02"}, {"kind", "phone"}, {"text", "Nouvelles"}})
                  .status,
              404);
    // Lists: archived persons are left out, for the admin too.
    for (const std::string& token : {worker_, admin_}) {
        Reply list = Call("GET", "/api/v1/persons", token);
        ASSERT_EQ(list.status, 200) << list.raw;
        EXPECT_EQ(list.raw.find(read.body["pseudonym"].get<std::string>()), std::string::npos);
        EXPECT_NE(list.raw.find("\"id\":" + std::to_string(open_)), std::string::npos);
    }
    // The admin finds them in the archive list, audited; it does not exist for anyone else.
    Reply archive = Call("GET", "/api/v1/persons?archived=true", admin_);
    ASSERT_EQ(archive.status, 200) << archive.raw;
    EXPECT_EQ(archive.body["total"], 2);
    std::set<long long> listed;
    for (const auto& item : archive.body["items"]) {
        listed.insert(item["id"].get<long long>());
        EXPECT_FALSE(item["archived_on"].get<std::string>().empty());
    }
    EXPECT_EQ(listed, (std::set<long long>{exited_, referred_}));
    EXPECT_EQ(AuditRows("archive.list", 0, ""), 1);
    for (const std::string& token : {worker_, instructor_}) {
        EXPECT_EQ(Call("GET", "/api/v1/persons?archived=true", token).status, 404);
    }
    Reply wrong = Call("GET", "/api/v1/persons?archived=oui", admin_);
    EXPECT_EQ(wrong.status, 422);
    EXPECT_EQ(wrong.body["error"]["field"], "archived");
    Reply alerts = Call("GET", "/api/v1/alerts", admin_);
    EXPECT_EQ(alerts.status, 200);
    EXPECT_EQ(alerts.raw.find(read.body["pseudonym"].get<std::string>()), std::string::npos);
    // The séance's views: the tabled file is 404; the agenda names it as archived, nothing more.
    EXPECT_EQ(Call("GET", tabled, instructor_).status, 404);
    Reply agenda = Call("GET", seance_path, instructor_);
    ASSERT_EQ(agenda.status, 200) << agenda.raw;
    EXPECT_EQ(agenda.raw.find(read.body["pseudonym"].get<std::string>()), std::string::npos);
    ASSERT_EQ(agenda.body["agenda"].size(), 1U) << agenda.raw;
    EXPECT_EQ(agenda.body["agenda"][0]["pseudonym"], "(dossier archivé)");
    EXPECT_EQ(agenda.body["agenda"][0]["archived"], true);

    // 2032-01-02: 36 months after the archive date, both are anonymised.
    TravelTo(2032, 1, 2);
    Json before = Stats();
    std::size_t canaries_before = 0;
    for (const auto& text : TextsOf(exited_))
        canaries_before += text.find(kCanary) != std::string::npos;
    EXPECT_GE(canaries_before, 8U);  // the test plants what it then looks for
    auto anonymise_plan = Run(true);
    ASSERT_EQ(anonymise_plan.items.size(), 2U);
    EXPECT_EQ(anonymise_plan.items[0].action, domain::RetentionAction::kAnonymise);
    EXPECT_EQ(Stats(), before);
    auto anonymised = Run(false);
    EXPECT_EQ(anonymised.anonymised, 2);
    RecordFigure("retention anonymised", anonymised.anonymised, false);
    EXPECT_EQ(Run(false).anonymised, 0);

    long long identity_left = 0;
    for (long long person : {exited_, referred_}) {
        EXPECT_EQ(Identity(person), "");  // the ciphertext columns are empty
        identity_left += !Identity(person).empty();
        for (const auto& text : TextsOf(person)) {
            identity_left += text.find(kCanary) != std::string::npos;
            identity_left += text.find("1996-04-01") != std::string::npos;
        }
        EXPECT_EQ(AuditRows("retention.anonymise", person), 1);
    }
    EXPECT_EQ(identity_left, 0);
    RecordFigure("retention identity left after anonymisation", identity_left, true);
    EXPECT_NE(Identity(open_), "");  // the open file is untouched
    EXPECT_EQ(Stats(), before);      // the statistics are the same, figure by figure
    {
        // The history stays append-only: only the erasure of its free text was let through.
        storage::Database::Lease lease(app().db());
        EXPECT_ANY_THROW(lease.sql() << "UPDATE decisions SET signed_on = '2000-01-01'");
        EXPECT_ANY_THROW(lease.sql() << "UPDATE parcours_events SET reasons = 'x'");
        EXPECT_ANY_THROW(lease.sql() << "DELETE FROM parcours_events");
    }
    // Nothing is left to read, even for the admin, nor to list.
    EXPECT_EQ(Call("GET", "/api/v1/persons?archived=true", admin_).body["total"], 0);
    EXPECT_EQ(Call("GET", PersonPath(exited_), admin_).status, 404);
    EXPECT_EQ(Call("GET", parcours, admin_).status, 404);
}

}  // namespace
}  // namespace parcours::testing
