// The seeding of the authorization matrix: every identity and protected free-text field of
// every record holds a canary (who may read each one: matrix_canaries.cpp).
#include <random>

#include "matrix_fixture.hpp"

namespace parcours::testing {

using Json = nlohmann::json;
using enum Target;

namespace {

std::string IdOf(const Reply& r) {
    return r.body.is_object() && r.body.contains("id")
               ? std::to_string(r.body["id"].get<long long>())
               : "0";
}

}  // namespace

std::string MatrixTest::Fresh(const std::string& field, std::size_t length) {
    static std::mt19937_64 rng{std::random_device{}()};
    static const char* kHex = "0123456789abcdef";
    std::string text = "CANARI-" + field + "-";
    for (std::size_t i = 0; i < length; ++i) text += kHex[rng() % 16];
    return text;
}

std::string MatrixTest::Today() const {
    return domain::FormatIsoDate(domain::Date{std::chrono::floor<std::chrono::days>(Now())});
}

void MatrixTest::Seed() {
    association_[kOwnScope] = AddAssociation("Association A", "33");
    association_[kSameDepartement] = AddAssociation("Association C", "33");
    association_[kOtherScope] = AddAssociation("Association B", "13");
    for (Target scope : {kOwnScope, kSameDepartement, kOtherScope}) {
        known_["associations"][association_[scope]] = scope;
    }
    instructor_33_ = "instructor-fixture@33.fr";
    instructor_13_ = "instructor-fixture@13.fr";
    TokenUser(instructor_33_, domain::Role::kPrefectureInstructor, {}, "33");
    TokenUser(instructor_13_, domain::Role::kPrefectureInstructor, {}, "13");
    TokenUser("signatory-fixture@33.fr", domain::Role::kSignatory, {}, "33");
    TokenUser("signatory-fixture@13.fr", domain::Role::kSignatory, {}, "13");
    int births = 0;
    for (Target scope : {kOwnScope, kSameDepartement, kOtherScope}) {
        const std::string dep = scope == kOtherScope ? "13" : "33";
        const std::string today = Today();
        auto plant = [&](const std::string& field, Visibility v, const std::string& seance = "",
                         const std::string& convocation = "", std::size_t length = 8) {
            canaries_.push_back({Fresh(field, length), field, scope, v, seance, convocation});
            return canaries_.back().text;
        };
        worker_email_[scope] = std::string("fixture-worker-") + TargetName(scope) + "@asso.fr";
        const std::string token =
            TokenUser(worker_email_[scope], domain::Role::kAssociationWorker, association_[scope]);
        const std::string instructor = TokenFor(dep == "33" ? instructor_33_ : instructor_13_);
        const std::string signatory = TokenFor("signatory-fixture@" + dep + ".fr");
        // A person whose identity is all canaries (the birth date is one too: unique per person).
        auto person = [&]() {
            ++births;
            std::string birth =
                std::string("1971-03-") + (births < 10 ? "0" : "") + std::to_string(births);
            canaries_.push_back({birth, "birth_date", scope, Visibility::kCase, "", ""});
            Json body = {{"identity",
                          {{"last_name", plant("nom", Visibility::kCase)},
                           {"first_names", plant("prenoms", Visibility::kCase)},
                           {"aliases", {plant("alias", Visibility::kCase)}},
                           {"birth_date", birth},
                           {"nationality", "NGA"},
                           {"languages", {plant("lg", Visibility::kCase, "", "", 6)}}}},
                         {"sex_or_gender", "female"},
                         {"administrative_status", "french"}};
            Reply p = Call("POST", "/api/v1/persons", token, body);
            EXPECT_EQ(p.status, 201) << p.raw;
            known_["persons"][std::stoll(IdOf(p))] = scope;
            return IdOf(p);
        };
        // A parcours with its document, every free text a canary of visibility `v`.
        auto parcours = [&](const std::string& person_id, Visibility v, const std::string& seance,
                            const std::string& convocation) {
            Reply pc =
                Call("POST", "/api/v1/parcours", token, {{"person_id", std::stoll(person_id)}});
            EXPECT_EQ(pc.status, 201) << pc.raw;
            std::string id = IdOf(pc);
            known_["parcours"][std::stoll(id)] = scope;
            Reply doc = Call("PUT", "/api/v1/parcours/" + id + "/document", token,
                             {{"commitments",
                               {{{"text", plant("engagement", v, seance, convocation)},
                                 {"category", plant("categorie", v, seance, convocation)}}}},
                              {"actions",
                               {{{"domain", "health"},
                                 {"description", plant("action", v, seance, convocation)},
                                 {"partner", plant("partenaire-libre", v, seance, convocation)},
                                 {"result", plant("resultat", v, seance, convocation)}}}}});
            EXPECT_EQ(doc.status, 201) << doc.raw;
            return id;
        };
        auto demande = [&](const std::string& parcours_id, Visibility v, const std::string& seance,
                           const std::string& convocation) {
            Reply d =
                Call("POST", "/api/v1/parcours/" + parcours_id + "/demandes", token,
                     {{"kind", "initiale"},
                      {"association_opinion",
                       {{"favourable", true},
                        {"text", plant("avis-association", v, seance, convocation)}}},
                      {"expected_results", plant("resultats-attendus", v, seance, convocation)},
                      {"difficulties", plant("difficultes", v, seance, convocation)},
                      {"sworn_statement_declared", true}});
            EXPECT_EQ(d.status, 201) << d.raw;
            known_["demandes"][std::stoll(IdOf(d))] = scope;
            return IdOf(d);
        };
        auto& m = ids_;
        // 1. A person followed by the association: a draft demande, follow-ups, rights.
        std::string p1 = person();
        Reply referral = Call("POST", "/api/v1/persons/" + p1 + "/referrals", token,
                              {{"date", "2026-11-20"},
                               {"source", "street_outreach"},
                               {"notes", plant("orientation", Visibility::kCase)}});
        EXPECT_EQ(referral.status, 201) << referral.raw;
        std::string pc1 = parcours(p1, Visibility::kCase, "", "");
        std::string d1 = demande(pc1, Visibility::kCase, "", "");
        Reply followup = Call("POST", "/api/v1/parcours/" + pc1 + "/followups", token,
                              {{"date", "2026-11-21"},
                               {"kind", "interview"},
                               {"text", plant("suivi", Visibility::kCase)}});
        EXPECT_EQ(followup.status, 201) << followup.raw;
        Reply afis = Call("POST", "/api/v1/parcours/" + pc1 + "/afis", token,
                          {{"application_date", "2026-11-20"},
                           {"dependent_children", 0},
                           {"resources_cents", 0},
                           {"residence_document", "french_or_eu"}});
        EXPECT_EQ(afis.status, 201) << afis.raw;
        known_["afis"][std::stoll(IdOf(afis))] = scope;
        Reply right = Call("POST", "/api/v1/parcours/" + pc1 + "/other-rights", token,
                           {{"kind", "health_coverage"},
                            {"date", "2026-11-06"},
                            {"status", "requested"},
                            {"detail", plant("droit", Visibility::kCase)}});
        EXPECT_EQ(right.status, 201) << right.raw;
        // 2. A person whose demande is tabled at a séance of today, refused, then appealed.
        std::string p2 = person();
        Json answers = Json::array();
        for (const char* code :
             {"victim", "adult", "will_to_exit", "needs_assessed", "complaint_filed"}) {
            answers.push_back(
                {{"code", code},
                 {"answer", std::string(code) == "complaint_filed" ? "not_met" : "met"},
                 {"evidence", plant("preuve", Visibility::kTabled, today, today)}});
        }
        Reply assessed = Call("POST", "/api/v1/persons/" + p2 + "/assessments", token,
                              {{"answers", answers}, {"outcome", "present"}});
        EXPECT_EQ(assessed.status, 201) << assessed.raw;
        std::string pc2 = parcours(p2, Visibility::kTabled, today, today);
        std::string d2 = demande(pc2, Visibility::kTabled, today, today);
        EXPECT_EQ(Call("POST", "/api/v1/demandes/" + d2 + "/submit", token, Json::object()).status,
                  200);
        Reply seance = GiveAvis(instructor, std::stoll(d2), dep, "defavorable",
                                plant("motifs-avis", Visibility::kTabled, today, today));
        Reply decision =
            Call("POST", "/api/v1/demandes/" + d2 + "/decisions", signatory,
                 {{"outcome", "refuse"}, {"reasons", plant("motifs-decision", Visibility::kCase)}});
        EXPECT_EQ(decision.status, 201) << decision.raw;
        std::string decision_id = IdOf(decision);
        Reply appeal = Call("POST", "/api/v1/decisions/" + decision_id + "/appeals", signatory,
                            {{"kind", "gracieux"},
                             {"filed_on", "2026-11-25"},
                             {"notes", plant("recours", Visibility::kCase)}});
        EXPECT_EQ(appeal.status, 201) << appeal.raw;
        long long commission = seance.body["commission_id"].get<long long>();
        Reply detail = Call("GET", "/api/v1/commissions/" + std::to_string(commission), instructor);
        if (dep == "33") commission_33_ = commission;
        m["seances"][scope] = std::to_string(seance.body["id"].get<long long>());
        m["tabled"][scope] = d2;
        m["commissions"][scope] = std::to_string(commission);
        m["members"][scope] = std::to_string(detail.body["members"][0]["id"].get<long long>());
        m["decisions"][scope] = decision_id;
        m["appeals"][scope] = std::to_string(appeal.body["appeals"][0]["id"].get<long long>());
        {
            auto uow = ports().storage.Begin();
            long long agrement =
                uow->Commission().ListAgrements(association_[scope], std::nullopt).front().id;
            m["agrements"][scope] = std::to_string(agrement);
            known_["agrements"][agrement] = scope;
        }
        m["afis"][scope] = IdOf(afis);
        m["persons"][scope] = p1;
        m["parcours"][scope] = pc1;
        m["demandes"][scope] = d1;
        m["associations"][scope] = std::to_string(association_[scope]);
        m["departements"][scope] = dep;
        m["public"][scope] = "fr";
        known_["seances"][std::stoll(m["seances"][scope])] = scope;
        known_["decisions"][std::stoll(decision_id)] = scope;
        known_["appeals"][std::stoll(m["appeals"][scope])] = scope;
        known_["commissions"][commission] = scope == kOtherScope ? kOtherScope : kOwnScope;
        known_["members"][std::stoll(m["members"][scope])] =
            scope == kOtherScope ? kOtherScope : kOwnScope;
        // 3. A partner of the département, its contact details and notes canaries.
        Reply partner = Call("POST", "/api/v1/partners", instructor,
                             {{"name", "Partenaire " + std::string(TargetName(scope))},
                              {"kind", "health"},
                              {"domains", {"health"}},
                              {"address",
                               {{"street", plant("rue", Visibility::kPartner)},
                                {"city", dep == "33" ? "Bordeaux" : "Marseille"}}},
                              {"phone", plant("tel", Visibility::kPartner)},
                              {"email", plant("courriel", Visibility::kPartner) + "@partenaire.fr"},
                              {"opening_hours", plant("horaires", Visibility::kPartner)},
                              {"languages", {"fr"}},
                              {"notes", plant("notes-partenaire", Visibility::kPartner)}});
        EXPECT_EQ(partner.status, 201) << partner.raw;
        m["partners"][scope] = IdOf(partner);
        known_["partners"][std::stoll(IdOf(partner))] = scope;
    }
    // The window séance: the commission of 33 meets on 15/12/2026, convened on 05/12, with a
    // file of association A on its agenda; today (25/11) the window has not opened.
    const std::string token = TokenFor(worker_email_[kOwnScope]);
    const std::string instructor = TokenFor(instructor_33_);
    const std::string date = "2026-12-15", convocation = "2026-12-05";
    auto plant = [&](const std::string& field, Visibility v) {
        canaries_.push_back({Fresh(field), field, kOwnScope, v, date, convocation});
        return canaries_.back().text;
    };
    Json body = {{"identity",
                  {{"last_name", plant("nom", Visibility::kCase)},
                   {"first_names", plant("prenoms", Visibility::kCase)},
                   {"birth_date", "1980-06-30"},
                   {"nationality", "ROU"}}},
                 {"sex_or_gender", "female"},
                 {"administrative_status", "french"}};
    Reply p3 = Call("POST", "/api/v1/persons", token, body);
    EXPECT_EQ(p3.status, 201) << p3.raw;
    known_["persons"][std::stoll(IdOf(p3))] = kOwnScope;
    Reply pc3 = Call("POST", "/api/v1/parcours", token, {{"person_id", p3.body["id"]}});
    known_["parcours"][std::stoll(IdOf(pc3))] = kOwnScope;
    EXPECT_EQ(
        Call("PUT", "/api/v1/parcours/" + IdOf(pc3) + "/document", token,
             {{"commitments", {{{"text", plant("engagement", Visibility::kTabled)}}}},
              {"actions",
               {{{"domain", "housing"}, {"description", plant("action", Visibility::kTabled)}}}}})
            .status,
        201);
    Reply d3 =
        Call("POST", "/api/v1/parcours/" + IdOf(pc3) + "/demandes", token,
             {{"kind", "initiale"},
              {"association_opinion",
               {{"favourable", true}, {"text", plant("avis-association", Visibility::kTabled)}}},
              {"expected_results", plant("resultats-attendus", Visibility::kTabled)},
              {"sworn_statement_declared", true}});
    EXPECT_EQ(d3.status, 201) << d3.raw;
    window_demande_ = d3.body["id"];
    known_["demandes"][window_demande_] = kOwnScope;
    EXPECT_EQ(
        Call("POST", "/api/v1/demandes/" + IdOf(d3) + "/submit", token, Json::object()).status,
        200);
    Reply w = Call("POST", "/api/v1/commissions/" + std::to_string(commission_33_) + "/seances",
                   instructor,
                   {{"date", date}, {"place", "Préfecture"}, {"convocation_sent_on", convocation}});
    EXPECT_EQ(w.status, 201) << w.raw;
    window_seance_ = w.body["id"];
    known_["seances"][window_seance_] = kOwnScope;
    Reply tabled = Call("POST", "/api/v1/seances/" + IdOf(w) + "/agenda", instructor,
                        {{"demande_id", window_demande_}});
    EXPECT_EQ(tabled.status, 200) << tabled.raw;
}

}  // namespace parcours::testing
