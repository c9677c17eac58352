// Follow-ups brought in from a spreadsheet (POST /followups/import, text/csv), on both engines:
// French dates and labels, one audit row per parcours, all or nothing with every faulty line
// named, and another association's parcours as if it did not exist.
#include "fixture.hpp"

namespace parcours::testing {
namespace {

using Json = nlohmann::json;

class FollowupImportTest : public ApiTest {
  protected:
    void SetUp() override {
        ApiTest::SetUp();
        long long a = AddAssociation("Association A", "33");
        long long b = AddAssociation("Association B", "33");
        worker_ = TokenUser("worker@a.fr", domain::Role::kAssociationWorker, a);
        worker_b_ = TokenUser("worker@b.fr", domain::Role::kAssociationWorker, b);
        instructor_ =
            TokenUser("instruct@pref33.fr", domain::Role::kPrefectureInstructor, {}, "33");
        first_ = OpenFor(worker_, "Adeyemi");
        second_ = OpenFor(worker_, "Mensah");
        foreign_ = OpenFor(worker_b_, "Kowalska");
    }

    std::string OpenFor(const std::string& token, const std::string& last_name) {
        Reply person = Call("POST", "/api/v1/persons", token,
                            {{"identity",
                              {{"last_name", last_name},
                               {"first_names", "Grace"},
                               {"birth_date", "1995-02-03"},
                               {"nationality", "NGA"}}},
                             {"sex_or_gender", "female"},
                             {"administrative_status", "asylum_seeker"},
                             {"contact_channel", "street_outreach"}});
        EXPECT_EQ(person.status, 201) << person.raw;
        Reply opened = Call("POST", "/api/v1/parcours", token, {{"person_id", person.body["id"]}});
        EXPECT_EQ(opened.status, 201) << opened.raw;
        return std::to_string(opened.body["id"].get<long long>());
    }

    Reply Import(const std::string& token, const std::string& csv) {
        return Send("POST", "/api/v1/followups/import", csv,
                    {{"Authorization", "Bearer " + token}, {"Content-Type", "text/csv"}});
    }

    Json Followups(const std::string& parcours) {
        Reply r = Call("GET", "/api/v1/parcours/" + parcours + "/followups", worker_);
        EXPECT_EQ(r.status, 200) << r.raw;
        return r.body["items"];
    }

    long long Audited(const std::string& parcours) {
        storage::Database::Lease lease(app().db());
        long long n = 0;
        lease.sql() << "SELECT COUNT(*) FROM audit_log WHERE action = 'followup.import' AND "
                       "record_id = :id",
            soci::use(parcours), soci::into(n);
        return n;
    }

    std::string worker_, worker_b_, instructor_;
    std::string first_, second_, foreign_;
};

TEST_F(FollowupImportTest, ASpreadsheetOfFollowupsComesInWithFrenchDatesAndLabels) {
    // As a spreadsheet saves it: byte-order mark, CRLF, columns in its own order, a quoted cell
    // with a ';' and one difficulty per line, a formula guard.
    std::string csv = std::string("\xEF\xBB\xBF") +
                      "date;parcours;type;texte;difficultes;action\r\n"
                      "12/03/2026;" +
                      first_ + ";Entretien;\"Premier entretien; confiant\";" +
                      "\"Logement\nPapiers\";1\r\n" + "2026-04-02;" + first_ +
                      ";phone;Appel de suivi;;\r\n" + "02/05/2026;" + second_ +
                      ";appel téléphonique;'=Rappel demandé;;\r\n";
    Reply done = Import(worker_, csv);
    ASSERT_EQ(done.status, 200) << done.raw;
    EXPECT_EQ(done.body, Json({{"imported", 3}, {"parcours", 2}}));

    Json first = Followups(first_);
    ASSERT_EQ(first.size(), 2u);
    const Json& interview = first[0]["date"] == "2026-03-12" ? first[0] : first[1];
    EXPECT_EQ(interview["kind"], "interview");
    EXPECT_EQ(interview["text"], "Premier entretien; confiant");
    EXPECT_EQ(interview["difficulties"], Json({"Logement", "Papiers"}));
    EXPECT_EQ(interview["action_index"], 0);
    Json second = Followups(second_);
    ASSERT_EQ(second.size(), 1u);
    EXPECT_EQ(second[0]["kind"], "phone");
    EXPECT_EQ(second[0]["text"], "=Rappel demandé");
    // One audit row per parcours touched; the texts are sealed at rest.
    EXPECT_EQ(Audited(first_), 1);
    EXPECT_EQ(Audited(second_), 1);
    storage::Database::Lease lease(app().db());
    long long clear = 0;
    lease.sql() << "SELECT COUNT(*) FROM followups WHERE content_enc LIKE '%entretien%'",
        soci::into(clear);
    EXPECT_EQ(clear, 0);
}

TEST_F(FollowupImportTest, OneWrongLineAndNothingIsWrittenEachFaultNamed) {
    std::string csv = "parcours;date;type;texte\n" + first_ +
                      ";12/03/2026;Entretien;Bon entretien\n" +            // line 2: fine
                      foreign_ + ";12/03/2026;Entretien;Pas le nôtre\n" +  // another association
                      "999999;12/03/2026;Entretien;Inexistant\n" + first_ +
                      ";31/02/2026;Entretien;Date impossible\n" + first_ +
                      ";12/03/2026;Visite;Type inconnu\n" + first_ + ";12/03/2026;Entretien;\n" +
                      first_ + ";12/03/2030;Entretien;Dans le futur\n" +
                      "abc;12/03/2026;Entretien;Numéro illisible\n";
    Reply refused = Import(worker_, csv);
    ASSERT_EQ(refused.status, 422) << refused.raw;
    const Json& errors = refused.body["error"]["errors"];
    ASSERT_EQ(errors.size(), 7u) << refused.raw;
    std::vector<std::pair<int, std::string>> where;
    for (const auto& e : errors) where.emplace_back(e["line"], e["field"]);
    EXPECT_EQ(where, (std::vector<std::pair<int, std::string>>{{3, "parcours"},
                                                               {4, "parcours"},
                                                               {5, "date"},
                                                               {6, "type"},
                                                               {7, "texte"},
                                                               {8, "date"},
                                                               {9, "parcours"}}));
    // Another association's parcours reads as one that does not exist.
    EXPECT_EQ(errors[0]["message"], errors[1]["message"]);
    EXPECT_EQ(Followups(first_).size(), 0u);
    EXPECT_EQ(Audited(first_), 0);
}

TEST_F(FollowupImportTest, TheFileItselfIsCheckedAndOnlyAssociationsImport) {
    auto field_of = [](const Reply& r) { return r.body["error"]["field"]; };
    Reply missing = Import(worker_, "parcours;date;texte\n" + first_ + ";12/03/2026;Oubli\n");
    EXPECT_EQ(missing.status, 422) << missing.raw;
    EXPECT_EQ(field_of(missing), "csv");
    Reply unknown = Import(worker_, "parcours;date;type;texte;auteur\n");
    EXPECT_EQ(unknown.status, 422) << unknown.raw;
    EXPECT_NE(unknown.body["error"]["message"].get<std::string>().find("auteur"), std::string::npos)
        << unknown.raw;
    Reply empty = Import(worker_, "parcours;date;type;texte\n");
    EXPECT_EQ(empty.status, 422) << empty.raw;
    Reply unterminated = Import(worker_, "parcours;date;type;texte\n1;\"12/03/2026;x;y\n");
    EXPECT_EQ(unterminated.status, 422) << unterminated.raw;
    EXPECT_EQ(Send("POST", "/api/v1/followups/import", "parcours;date;type;texte\n",
                   {{"Authorization", "Bearer " + worker_}})
                  .status,
              415);
    // The prefecture reads the cases of its département but writes no follow-up.
    std::string line = "parcours;date;type;texte\n" + first_ + ";12/03/2026;Entretien;Texte\n";
    EXPECT_EQ(Import(instructor_, line).status, 404);
    EXPECT_EQ(Followups(first_).size(), 0u);
}

}  // namespace
}  // namespace parcours::testing
