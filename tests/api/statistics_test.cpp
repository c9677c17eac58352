// Statistics through HTTP on both engines: a dataset built through the API with known answers,
// small-cell protection for analysts and exports, scopes, and the CSV export.
#include <algorithm>
#include <cstdio>
#include <fstream>

#include "fixture.hpp"

namespace parcours::testing {
namespace {

using Json = nlohmann::json;

const Json& Indicator(const Json& stats, const std::string& code) {
    for (const auto& i : stats["indicators"]) {
        if (i["code"] == code) return i;
    }
    throw std::runtime_error("no indicator " + code);
}

const Json& Part(const Json& list, const std::string& field, const std::string& key) {
    for (const auto& b : list) {
        if (b[field] == key) return b;
    }
    throw std::runtime_error("no " + field + " " + key);
}

class StatisticsTest : public ApiTest {
  protected:
    // Gironde (33): 12 persons referred by street outreach, 11 assessed "present" and one
    // "postpone" (awaiting documents); 11 initial demandes submitted and tabled at one séance;
    // avis 10 favourable, 1 unfavourable; decisions 10 authorised (periods from 2026-12-01), 1
    // refused. Bouches-du-Rhône (13): 3 persons referred by the police, nothing else.
    void BuildDataset() {
        a33 = AddAssociation("Association de Gironde", "33");
        a13 = AddAssociation("Association des Bouches-du-Rhône", "13");
        std::string w33 = TokenUser("w@33.fr", domain::Role::kAssociationWorker, a33);
        std::string w13 = TokenUser("w@13.fr", domain::Role::kAssociationWorker, a13);
        instructor_ = TokenUser("i@33.fr", domain::Role::kPrefectureInstructor, {}, "33");
        std::string signatory = TokenUser("s@33.fr", domain::Role::kSignatory, {}, "33");
        auto person = [&](const std::string& token, const std::string& name, const char* source,
                          Json victimisation = nullptr) {
            Json body = {{"identity",
                          {{"last_name", name},
                           {"first_names", "Test"},
                           {"birth_date", "1996-04-01"},
                           {"nationality", "NGA"}}},
                         {"sex_or_gender", "female"},
                         {"administrative_status", "asylum_seeker"},
                         {"victimisation", victimisation}};
            Reply p = Call("POST", "/api/v1/persons", token, body);
            EXPECT_EQ(p.status, 201) << p.raw;
            std::string path = "/api/v1/persons/" + std::to_string(p.body["id"].get<long long>());
            EXPECT_EQ(Call("POST", path + "/referrals", token,
                           {{"date", "2026-11-20"}, {"source", source}, {"notes", ""}})
                          .status,
                      201);
            return p.body["id"].get<long long>();
        };
        Json present = Json::array();
        for (const char* code :
             {"victim", "adult", "will_to_exit", "needs_assessed", "complaint_filed"}) {
            present.push_back({{"code", code}, {"answer", "met"}, {"evidence", ""}});
        }
        std::vector<long long> demandes;
        for (int i = 0; i < 12; ++i) {
            // Situations recorded: 7 of trafficking, 3 of prostitution only, 2 not recorded.
            Json situation = i < 7 ? Json{{"forms", {"trafficking", "procuring"}}}
                             : i < 10
                                 ? Json{{"forms", {"prostitution"}}, {"complaint_filed", false}}
                                 : Json(nullptr);
            long long id = person(w33, "Gironde" + std::to_string(i), "street_outreach", situation);
            std::string path = "/api/v1/persons/" + std::to_string(id);
            if (i == 11) {
                Reply postponed = Call("POST", path + "/assessments", w33,
                                       {{"answers", present},
                                        {"outcome", "postpone"},
                                        {"reason_code", "awaiting_documents"}});
                EXPECT_EQ(postponed.status, 201) << postponed.raw;
                continue;
            }
            EXPECT_EQ(Call("POST", path + "/assessments", w33,
                           {{"answers", present}, {"outcome", "present"}})
                          .status,
                      201);
            Reply pc = Call("POST", "/api/v1/parcours", w33, {{"person_id", id}});
            parcours_ids_.push_back(pc.body["id"].get<long long>());
            std::string parcours =
                "/api/v1/parcours/" + std::to_string(pc.body["id"].get<long long>());
            Call("PUT", parcours + "/document", w33,
                 {{"commitments", {{{"text", "x"}}}},
                  {"actions", {{{"domain", "housing"}, {"description", "y"}}}}});
            Reply d = Call("POST", parcours + "/demandes", w33,
                           {{"kind", "initiale"},
                            {"association_opinion", {{"favourable", true}, {"text", "ok"}}},
                            {"expected_results", "r"},
                            {"sworn_statement_declared", true}});
            long long demande = d.body["id"];
            EXPECT_EQ(Call("POST", "/api/v1/demandes/" + std::to_string(demande) + "/submit", w33,
                           Json::object())
                          .status,
                      200);
            demandes.push_back(demande);
        }
        for (int i = 0; i < 3; ++i)
            person(w13, "Bouches" + std::to_string(i), "police_gendarmerie");
        // One séance for the eleven demandes.
        Reply c = Call("POST", "/api/v1/commissions", instructor_,
                       {{"departement", "33"}, {"installed_on", "2026-01-05"}});
        std::string commission = std::to_string(c.body["id"].get<long long>());
        Reply member =
            Call("POST", "/api/v1/commissions/" + commission + "/members", instructor_,
                 {{"category", "2"}, {"name", "M. Petit"}, {"appointed_on", "2026-01-05"}});
        Reply seance = Call("POST", "/api/v1/commissions/" + commission + "/seances", instructor_,
                            {{"date", "2026-11-25"},
                             {"place", "Préfecture"},
                             {"convocation_sent_on", "2026-11-18"}});
        std::string s = "/api/v1/seances/" + std::to_string(seance.body["id"].get<long long>());
        ASSERT_EQ(Call("PUT", s + "/attendance", instructor_,
                       {{"entries", {{{"member_id", member.body["id"]}, {"status", "present"}}}}})
                      .status,
                  200);
        for (std::size_t i = 0; i < demandes.size(); ++i) {
            ASSERT_EQ(
                Call("POST", s + "/agenda", instructor_, {{"demande_id", demandes[i]}}).status,
                200);
            bool favourable = i < 10;
            Reply avis = Call(
                "POST", s + "/avis", instructor_,
                {{"demande_id", demandes[i]},
                 {"outcome", favourable ? "favorable" : "defavorable"},
                 {"reasons", favourable ? "" : "Motifs"},
                 {"votes",
                  {{{"member_id", member.body["id"]}, {"vote", favourable ? "pour" : "contre"}}}}});
            ASSERT_EQ(avis.status, 200) << avis.raw;
            Json decision = favourable ? Json{{"outcome", "autorise"}, {"start_date", "2026-12-01"}}
                                       : Json{{"outcome", "refuse"}, {"reasons", "Motifs écrits"}};
            ASSERT_EQ(Call("POST", "/api/v1/demandes/" + std::to_string(demandes[i]) + "/decisions",
                           signatory, decision)
                          .status,
                      201);
        }
    }

    std::string instructor_;
    std::vector<long long> parcours_ids_;  // of the Gironde persons 0 to 10
    long long a33 = 0;
    long long a13 = 0;
    const std::string kPeriod = "&from=2026-01-01&to=2026-12-31&at=2026-12-15";
};

TEST_F(StatisticsTest, KnownDatasetGivesKnownIndicators) {
    BuildDataset();
    Reply r = Call("GET", "/api/v1/stats?scope=departement:33" + kPeriod, instructor_);
    ASSERT_EQ(r.status, 200) << r.raw;
    const Json& s = r.body;
    EXPECT_FALSE(s["masked"].get<bool>());  // the prefecture sees its département as it is
    EXPECT_EQ(Indicator(s, "referrals")["value"], 12);
    EXPECT_EQ(Part(Indicator(s, "referrals")["breakdown"], "key", "street_outreach")["value"], 12);
    EXPECT_EQ(Indicator(s, "assessments")["value"], 12);
    EXPECT_EQ(Part(Indicator(s, "assessments")["breakdown"], "key", "present")["value"], 11);
    EXPECT_EQ(Indicator(s, "eligible_not_presented")["value"], 1);
    EXPECT_EQ(Part(Indicator(s, "eligible_not_presented")["breakdown"], "key",
                   "awaiting_documents")["value"],
              1);
    EXPECT_EQ(Indicator(s, "demandes_submitted")["value"], 11);
    EXPECT_EQ(Indicator(s, "demandes_tabled")["value"], 11);
    EXPECT_EQ(Part(Indicator(s, "avis")["breakdown"], "key", "favorable")["value"], 10);
    EXPECT_EQ(Part(Indicator(s, "avis")["breakdown"], "key", "defavorable")["value"], 1);
    EXPECT_EQ(Part(Indicator(s, "decisions")["breakdown"], "key", "autorise")["value"], 10);
    EXPECT_EQ(Part(Indicator(s, "decisions")["breakdown"], "key", "refuse")["value"], 1);
    const Json& rate = Indicator(s, "acceptance_rate");
    EXPECT_EQ(rate["numerator"], 10);
    EXPECT_EQ(rate["denominator"], 11);
    EXPECT_DOUBLE_EQ(rate["value"].get<double>(), 90.9);
    EXPECT_EQ(rate["display"], "90,9\u00A0%");
    EXPECT_EQ(Indicator(s, "validated_requests_rate")["denominator"], 11);
    EXPECT_EQ(Indicator(s, "delay_submission_to_decision")["value"], 0);
    EXPECT_EQ(Indicator(s, "delay_submission_to_decision")["denominator"], 11);
    EXPECT_EQ(Indicator(s, "parcours_in_progress")["value"], 10);
    EXPECT_EQ(Indicator(s, "entries")["value"], 10);
    EXPECT_EQ(Part(Indicator(s, "persons_by_age")["breakdown"], "key", "25-34")["value"], 10);
    EXPECT_EQ(Part(Indicator(s, "persons_by_nationality")["breakdown"], "key", "non_eu")["value"],
              10);
    const Json& trafficking = Indicator(s, "trafficking_share");
    EXPECT_EQ(trafficking["numerator"], 7);
    EXPECT_EQ(trafficking["denominator"], 10);  // the situation is recorded for all ten
    EXPECT_EQ(trafficking["display"], "70,0\u00A0%");
    EXPECT_EQ(Indicator(s, "seances_held")["value"], 1);
    EXPECT_EQ(Indicator(s, "commissions_installed")["value"], 1);
    EXPECT_EQ(Indicator(s, "approved_associations")["value"], 1);
    // Before the periods start, nothing is in progress (a stock is read on its date).
    Reply before = Call("GET", "/api/v1/stats?scope=departement:33&from=2026-01-01&to=2026-11-30",
                        instructor_);
    EXPECT_EQ(Indicator(before.body, "parcours_in_progress")["value"], 0);
    EXPECT_EQ(Indicator(before.body, "decisions")["value"], 11);
    // Nothing about a person: no pseudonym, no name.
    EXPECT_EQ(r.raw.find("P-"), std::string::npos);
    EXPECT_EQ(r.raw.find("Gironde0"), std::string::npos);
}

TEST_F(StatisticsTest, ExitsAreCountedByReasonAndByOutcome) {
    BuildDataset();
    std::string w33 = TokenFor("w@33.fr");
    Advance(std::chrono::hours(24 * 16));  // 2026-12-11: the periods began on 2026-12-01
    Reply exited =
        Call("POST", "/api/v1/parcours/" + std::to_string(parcours_ids_[0]) + "/exit", w33,
             {{"date", "2026-12-10"},
              {"reason", "moved"},
              {"outcome", {{"housing", "accommodation"}, {"activity", "job_seeking"}}}});
    ASSERT_EQ(exited.status, 200) << exited.raw;
    EXPECT_EQ(exited.body["exit"]["outcome"]["housing_label"],
              "Hébergement (CHRS, résidence sociale…)");
    EXPECT_EQ(exited.body["exit"]["outcome"]["income_source"], "unknown");
    Reply r = Call("GET", "/api/v1/stats?scope=departement:33" + kPeriod, instructor_);
    ASSERT_EQ(r.status, 200) << r.raw;
    const Json& s = r.body;
    EXPECT_EQ(Part(Indicator(s, "exits")["breakdown"], "key", "moved")["value"], 1);
    EXPECT_EQ(Part(Indicator(s, "exits_by_housing")["breakdown"], "key", "accommodation")["value"],
              1);
    EXPECT_EQ(Part(Indicator(s, "exits_by_activity")["breakdown"], "key", "job_seeking")["value"],
              1);
    EXPECT_EQ(
        Part(Indicator(s, "exits_by_residence_title")["breakdown"], "key", "unknown")["value"], 1);
    EXPECT_EQ(Indicator(s, "parcours_in_progress")["value"], 9);
    EXPECT_EQ(Indicator(s, "trafficking_share")["numerator"], 6);
    EXPECT_EQ(Indicator(s, "trafficking_share")["denominator"], 9);
    // A made-up outcome is refused, naming its field.
    Reply bad =
        Call("POST", "/api/v1/parcours/" + std::to_string(parcours_ids_[1]) + "/exit", w33,
             {{"date", "2026-12-10"}, {"reason", "moved"}, {"outcome", {{"housing", "castle"}}}});
    EXPECT_EQ(bad.status, 422);
    EXPECT_EQ(bad.body["error"]["field"], "outcome.housing");
}

TEST_F(StatisticsTest, AnalystsNeverSeeASmallCell) {
    BuildDataset();
    std::string national = TokenUser("n@sdfe.fr", domain::Role::kAnalystNational);
    Reply r = Call("GET", "/api/v1/stats?scope=national" + kPeriod, national);
    ASSERT_EQ(r.status, 200) << r.raw;
    EXPECT_TRUE(r.body["masked"].get<bool>());
    int cells = 0;
    auto check = [&](const Json& cell, const std::string& where) {
        ++cells;
        if (cell["suppressed"].get<bool>()) {
            EXPECT_TRUE(cell["value"].is_null()) << where;
            EXPECT_EQ(cell["display"], cell.contains("numerator") || cell.contains("p90")
                                           ? "secret statistique"
                                           : "< 11")
                << where;
            return;
        }
        if (!cell["value"].is_number_integer()) return;
        long long v = cell["value"];
        EXPECT_TRUE(v == 0 || v >= 11) << where << " shows " << v;
    };
    for (const auto& i : r.body["indicators"]) {
        std::string code = i["code"];
        // Commissions, séances, agréments, members: not persons, never masked.
        if (i["family"] == "commission") {
            EXPECT_FALSE(i["suppressed"].get<bool>()) << code;
            continue;
        }
        if (i["unit"] == "nombre") check(i, code);
        for (const auto& b : i.value("breakdown", Json::array()))
            check(b, code + "/" + b["key"].get<std::string>());
        if (i["unit"] != "nombre") continue;
        for (const auto& d : i["by_departement"])
            check(d, code + "/" + d["code"].get<std::string>());
    }
    EXPECT_GT(cells, 500);
    // 12 + 3 referrals: the total shows; 13's 3 is hidden, and so is 33's 12 (else 15 − 12).
    const Json& referrals = Indicator(r.body, "referrals");
    EXPECT_EQ(referrals["value"], 15);
    EXPECT_TRUE(Part(referrals["by_departement"], "code", "13")["suppressed"].get<bool>());
    EXPECT_TRUE(Part(referrals["by_departement"], "code", "33")["suppressed"].get<bool>());
    EXPECT_EQ(Indicator(r.body, "commissions_installed")["value"], 1);
    // The acceptance rate 10/11 would reveal the one refusal: hidden.
    EXPECT_TRUE(Indicator(r.body, "acceptance_rate")["suppressed"].get<bool>());
    // Where nothing is hidden, the nation is the sum of its départements.
    int summed = 0;
    for (const auto& i : r.body["indicators"]) {
        if (i["unit"] != "nombre" || i["suppressed"].get<bool>()) continue;
        bool any_hidden = false;
        long long sum = 0;
        for (const auto& d : i["by_departement"]) {
            any_hidden = any_hidden || d["suppressed"].get<bool>();
            if (!d["value"].is_null()) sum += d["value"].get<long long>();
        }
        if (any_hidden) continue;
        EXPECT_EQ(sum, i["value"].get<long long>()) << i["code"];
        ++summed;
    }
    EXPECT_GT(summed, 5);
}

TEST_F(StatisticsTest, ScopesAndTheCsvExport) {
    BuildDataset();
    std::string regional = TokenUser("r@na.fr", domain::Role::kAnalystRegional, {}, {}, "75");
    EXPECT_EQ(Call("GET", "/api/v1/stats?scope=national", regional).status, 403);
    EXPECT_EQ(Call("GET", "/api/v1/stats?scope=departement:13", regional).status, 403);
    Reply region = Call("GET", "/api/v1/stats?scope=region:75" + kPeriod, regional);
    ASSERT_EQ(region.status, 200) << region.raw;
    EXPECT_EQ(Indicator(region.body, "referrals")["by_departement"].size(),
              12U);  // Nouvelle-Aquitaine
    EXPECT_EQ(Call("GET", "/api/v1/stats?scope=departement:33" + kPeriod, regional).status, 200);
    EXPECT_EQ(Call("GET", "/api/v1/stats?scope=departement:13", instructor_).status, 403);
    Reply bad = Call("GET", "/api/v1/stats?scope=departement:33&from=2026-13-01", instructor_);
    EXPECT_EQ(bad.status, 422);
    EXPECT_EQ(bad.body["error"]["field"], "from");
    EXPECT_EQ(Call("GET", "/api/v1/stats?scope=planete", instructor_).status, 422);
    std::string worker =
        TokenUser("w2@33.fr", domain::Role::kAssociationWorker, AddAssociation("Autre", "33"));
    EXPECT_EQ(Call("GET", "/api/v1/stats?scope=departement:33", worker).status, 404);

    // The export is masked even for the prefecture, and reads as French spreadsheets expect.
    Reply csv = Call("GET", "/api/v1/stats/export.csv?scope=departement:33" + kPeriod, instructor_);
    ASSERT_EQ(csv.status, 200);
    EXPECT_EQ(csv.raw.rfind("\xEF\xBB\xBF", 0), 0U);
    EXPECT_NE(csv.raw.find("Indicateur;Code;Nature;"), std::string::npos);
    EXPECT_NE(csv.raw.find(";referrals;Flux sur la période;nombre;Gironde (33);01/01/2026;"
                           "31/12/2026;15/12/2026;;;12;"),
              std::string::npos)
        << csv.raw.substr(0, 600);
    EXPECT_NE(csv.raw.find(";acceptance_rate;"), std::string::npos);
    std::string line = csv.raw.substr(csv.raw.find(";acceptance_rate;"));
    line = line.substr(0, line.find("\r\n"));
    EXPECT_NE(line.find(";secret statistique;"), std::string::npos) << line;
    EXPECT_NE(csv.raw.find(";eligible_not_presented;"), std::string::npos);
    EXPECT_NE(csv.raw.find(";< 11;"), std::string::npos);

    // The workbook: one sheet per family, headers frozen, definitions; masked like the CSV.
    Reply xlsx =
        Call("GET", "/api/v1/stats/export.xlsx?scope=departement:33" + kPeriod, instructor_);
    ASSERT_EQ(xlsx.status, 200);
    EXPECT_EQ(xlsx.raw.rfind("PK", 0), 0U);
    auto file = scratch_->dir() / "stats.xlsx";
    std::ofstream(file, std::ios::binary) << xlsx.raw;
    auto unzip = [&](const std::string& member) {
        std::string text;
        std::string command = "unzip -p '" + file.string() + "' " + member;
        FILE* pipe = popen(command.c_str(), "r");
        char buffer[4096];
        while (std::size_t n = fread(buffer, 1, sizeof buffer, pipe)) text.append(buffer, n);
        pclose(pipe);
        return text;
    };
    std::string workbook = unzip("xl/workbook.xml");
    for (const char* sheet : {"Périmètre", "Demandes et décisions", "Délais", "Parcours",
                              "Personnes", "Droits", "Commissions et agréments", "Définitions"}) {
        EXPECT_NE(workbook.find(sheet), std::string::npos) << sheet;
    }
    std::string strings = unzip("xl/sharedStrings.xml");
    EXPECT_NE(strings.find("Orientations"), std::string::npos);
    EXPECT_NE(strings.find("&lt; 11"), std::string::npos);
    EXPECT_NE(strings.find("secret statistique"), std::string::npos);
    EXPECT_NE(unzip("xl/worksheets/sheet2.xml").find("ySplit=\"1\""), std::string::npos);
}

TEST_F(StatisticsTest, AnAssociationHasItsActivityReport) {
    BuildDataset();
    long long other = AddAssociation("Autre association de Gironde", "33");
    std::string admin = TokenUser("admin@a33.fr", domain::Role::kAssociationAdmin, a33);
    std::string scope = "/api/v1/stats?scope=association:" + std::to_string(a33) + kPeriod;
    Reply r = Call("GET", scope, admin);
    ASSERT_EQ(r.status, 200) << r.raw;
    EXPECT_FALSE(r.body["masked"].get<bool>());
    EXPECT_EQ(r.body["scope_label"], "Association de Gironde");
    EXPECT_EQ(Indicator(r.body, "referrals")["value"], 12);
    EXPECT_EQ(Indicator(r.body, "parcours_in_progress")["value"], 10);
    EXPECT_EQ(Part(Indicator(r.body, "decisions")["breakdown"], "key", "refuse")["value"], 1);
    EXPECT_FALSE(Indicator(r.body, "referrals").contains("by_departement"));
    for (const auto& i : r.body["indicators"]) EXPECT_NE(i["family"], "commission") << i["code"];
    // Its export is masked like every export; another association's report is not its own.
    Reply csv =
        Call("GET", "/api/v1/stats/export.csv?scope=association:" + std::to_string(a33) + kPeriod,
             admin);
    EXPECT_EQ(csv.status, 200);
    EXPECT_NE(csv.raw.find(";< 11;"), std::string::npos);
    EXPECT_EQ(Call("GET", "/api/v1/stats?scope=association:" + std::to_string(other), admin).status,
              403);
    EXPECT_EQ(Call("GET", "/api/v1/stats?scope=association:999999", admin).status, 422);
    std::string worker = TokenUser("w3@33.fr", domain::Role::kAssociationWorker, a33);
    EXPECT_EQ(Call("GET", scope, worker).status, 404);
}

}  // namespace
}  // namespace parcours::testing
