// The commission and the préfet through HTTP on both engines: a full session (convocation →
// agenda → quorum → avis with recusal → minutes → decisions → notification → appeal), the
// members' window, and signed decisions corrected, never rewritten. The refusals the server must
// make and the alerts: commission_rules_test.cpp.
#include "commission_fixture.hpp"
#include "documents/pdf_test_support.hpp"

namespace parcours::testing {
namespace {

using Json = nlohmann::json;

TEST_F(CommissionTest, AFullSessionFromConvocationToAppeal) {
    long long first = SubmittedDemande(worker_a_, "Adeyemi");
    long long second = SubmittedDemande(worker_b_, "Bello");

    Reply commission = Call("POST", "/api/v1/commissions", instructor_,
                            {{"departement", "33"}, {"installed_on", "2025-02-03"}});
    ASSERT_EQ(commission.status, 201) << commission.raw;
    long long c = commission.body["id"];
    EXPECT_EQ(Call("POST", "/api/v1/commissions", instructor_, {{"departement", "33"}}).status,
              409);

    // Members: a magistrate with an account, two State services, the two associations.
    Reply no_arrete =
        Call("POST", "/api/v1/commissions/" + std::to_string(c) + "/members", instructor_,
             {{"category", "1"}, {"name", "Mme Roux"}, {"appointed_on", "2025-02-03"}});
    EXPECT_EQ(no_arrete.status, 422);
    EXPECT_EQ(no_arrete.body["error"]["field"], "arrete_ref");
    Reply me = Call("GET", "/api/v1/me", member_user_);
    long long magistrate = AddMember(c, {{"category", "1"},
                                         {"name", "Mme Roux"},
                                         {"organisation", "Tribunal judiciaire de Bordeaux"},
                                         {"appointed_on", "2025-02-03"},
                                         {"arrete_ref", "Arrêté 2025-17"},
                                         {"user_id", me.body["user"]["id"]}});
    long long ddets = AddMember(c, {{"category", "2"},
                                    {"name", "M. Petit"},
                                    {"organisation", "DDETS"},
                                    {"appointed_on", "2025-02-03"}});
    long long police = AddMember(c, {{"category", "3"},
                                     {"name", "Mme Garcia"},
                                     {"organisation", "DDPN"},
                                     {"appointed_on", "2024-01-10"}});
    long long rep_a = AddMember(c, {{"category", "11"},
                                    {"name", "Mme Laurent"},
                                    {"organisation", "Amicale du Nid 33"},
                                    {"appointed_on", "2025-02-03"},
                                    {"arrete_ref", "Arrêté 2025-17"},
                                    {"association_id", association_a_}});
    AddMember(c, {{"category", "11"},
                  {"name", "M. Moreau"},
                  {"appointed_on", "2025-02-03"},
                  {"arrete_ref", "Arrêté 2025-17"},
                  {"association_id", association_b_}});
    Reply detail = Call("GET", "/api/v1/commissions/" + std::to_string(c), instructor_);
    ASSERT_EQ(detail.status, 200);
    EXPECT_EQ(detail.body["members"].size(), 5U);
    EXPECT_EQ(detail.body["titular_members_in_office"], 5);
    // 2024-01-10 + 3 years: the term ends on 2027-01-09, within 60 days of 25/11/2026.
    EXPECT_EQ(detail.body["members"][2]["term_end"], "2027-01-09");
    EXPECT_TRUE(detail.body["members"][2]["term_warning"].get<bool>());
    EXPECT_FALSE(detail.body["members"][1]["term_warning"].get<bool>());

    // A session on 10/12/2026, convened on 07/12: allowed but flagged (fewer than 5 days).
    Reply seance =
        Call("POST", "/api/v1/commissions/" + std::to_string(c) + "/seances", instructor_,
             {{"date", "2026-12-10"},
              {"place", "Préfecture de la Gironde, salle 3"},
              {"convocation_sent_on", "2026-12-07"}});
    ASSERT_EQ(seance.status, 201) << seance.raw;
    EXPECT_TRUE(seance.body["convocation_late"].get<bool>());
    std::string s = "/api/v1/seances/" + std::to_string(seance.body["id"].get<long long>());
    ASSERT_EQ(Call("PATCH", s, instructor_, {{"convocation_sent_on", "2026-12-01"}}).status, 200);

    // Agenda: both demandes; a demande is on one open agenda only.
    ASSERT_EQ(Call("POST", s + "/agenda", instructor_, {{"demande_id", first}}).status, 200);
    Reply tabled = Call("POST", s + "/agenda", instructor_, {{"demande_id", second}});
    ASSERT_EQ(tabled.status, 200) << tabled.raw;
    EXPECT_EQ(tabled.body["agenda"].size(), 2U);
    EXPECT_EQ(Call("POST", s + "/agenda", instructor_, {{"demande_id", first}}).status, 409);
    EXPECT_EQ(Call("GET", "/api/v1/demandes/" + std::to_string(first), worker_a_).body["state"],
              "tabled");

    // The member sees the tabled files from the convocation: pseudonym, never the identity.
    Travel(2026, 12, 1);
    Reply file = Call("GET", s + "/files/" + std::to_string(first), member_user_);
    ASSERT_EQ(file.status, 200) << file.raw;
    EXPECT_EQ(file.raw.find("Adeyemi"), std::string::npos);
    EXPECT_EQ(file.raw.find("Grace"), std::string::npos);
    EXPECT_EQ(file.raw.find("1996-05-02"), std::string::npos);
    EXPECT_EQ(file.body["nationality"], "NGA");
    EXPECT_EQ(file.body["age_band"], "25-34");
    EXPECT_TRUE(file.body["association_opinion"]["favourable"].get<bool>());
    EXPECT_EQ(file.body["document"]["actions"][0]["description"], "Demande SIAO");

    // The session: no avis before it is held, nor before attendance.
    Reply early = Call("POST", s + "/avis", instructor_,
                       {{"demande_id", first},
                        {"outcome", "favorable"},
                        {"votes", {{{"member_id", ddets}, {"vote", "pour"}}}}});
    EXPECT_EQ(early.status, 409);
    Travel(2026, 12, 10);
    Reply no_attendance = Call("POST", s + "/avis", instructor_,
                               {{"demande_id", first},
                                {"outcome", "favorable"},
                                {"votes", {{{"member_id", ddets}, {"vote", "pour"}}}}});
    EXPECT_EQ(no_attendance.status, 409);
    // Two of five present: no quorum; the session is then held on second convocation.
    Json entries = {{{"member_id", magistrate}, {"status", "present"}},
                    {{"member_id", ddets}, {"status", "present"}},
                    {{"member_id", police}, {"status", "excused"}}};
    Reply thin = Call("PUT", s + "/attendance", instructor_, {{"entries", entries}});
    ASSERT_EQ(thin.status, 200) << thin.raw;
    EXPECT_FALSE(thin.body["quorum"]["reached"].get<bool>());
    EXPECT_EQ(Call("POST", s + "/avis", instructor_,
                   {{"demande_id", first},
                    {"outcome", "favorable"},
                    {"votes", {{{"member_id", ddets}, {"vote", "pour"}}}}})
                  .status,
              409);
    entries.push_back({{"member_id", rep_a}, {"status", "present"}});
    entries[2] = {{"member_id", police}, {"status", "represented"}, {"represented_by", "M. Blanc"}};
    Reply full = Call("PUT", s + "/attendance", instructor_, {{"entries", entries}});
    ASSERT_EQ(full.status, 200) << full.raw;
    EXPECT_TRUE(full.body["quorum"]["reached"].get<bool>());
    EXPECT_EQ(full.body["quorum"]["present_or_represented"], 4);

    // The representative of the association that prepared the demande cannot vote.
    Reply recused = Call(
        "POST", s + "/avis", instructor_,
        {{"demande_id", first},
         {"outcome", "favorable"},
         {"votes",
          {{{"member_id", ddets}, {"vote", "pour"}}, {{"member_id", rep_a}, {"vote", "pour"}}}}});
    EXPECT_EQ(recused.status, 409);
    EXPECT_EQ(recused.body["error"]["code"], "member_recused");
    // The avis must follow the vote.
    EXPECT_EQ(Call("POST", s + "/avis", instructor_,
                   {{"demande_id", first},
                    {"outcome", "defavorable"},
                    {"reasons", "x"},
                    {"votes", {{{"member_id", ddets}, {"vote", "pour"}}}}})
                  .status,
              422);
    Reply favourable = Call("POST", s + "/avis", instructor_,
                            {{"demande_id", first},
                             {"outcome", "favorable"},
                             {"reasons", "Projet solide."},
                             {"votes",
                              {{{"member_id", ddets}, {"vote", "pour"}},
                               {{"member_id", magistrate}, {"vote", "pour"}},
                               {{"member_id", police}, {"vote", "abstention"}}}}});
    ASSERT_EQ(favourable.status, 200) << favourable.raw;
    Json avis = favourable.body["agenda"][0]["avis"];
    EXPECT_EQ(avis["votes"]["pour"], 2);
    EXPECT_EQ(avis["votes"]["abstention"], 1);
    ASSERT_EQ(avis["recused"].size(), 1U);
    EXPECT_EQ(avis["recused"][0]["name"], "Mme Laurent");
    Reply unfavourable = Call("POST", s + "/avis", instructor_,
                              {{"demande_id", second},
                               {"outcome", "defavorable"},
                               {"reasons", "Engagements non précisés."},
                               {"votes",
                                {{{"member_id", ddets}, {"vote", "contre"}},
                                 {{"member_id", magistrate}, {"vote", "contre"}},
                                 {{"member_id", rep_a}, {"vote", "pour"}}}}});
    ASSERT_EQ(unfavourable.status, 200) << unfavourable.raw;

    // Once the commission has deliberated, the séance's date no longer changes; associations
    // see the séance, never its agenda nor its votes.
    EXPECT_EQ(Call("PATCH", s, instructor_, {{"date", "2026-12-11"}}).status, 409);
    Reply seen_by_association = Call("GET", s, worker_a_);
    ASSERT_EQ(seen_by_association.status, 200);
    EXPECT_TRUE(seen_by_association.body["agenda"].empty());
    EXPECT_TRUE(seen_by_association.body["attendance"].empty());
    EXPECT_EQ(Call("GET", s + "/files/" + std::to_string(first), worker_a_).status, 404);

    // Minutes: pseudonyms only, attendance, quorum, each avis and its reasons.
    Reply minutes = Call("GET", s + "/minutes.pdf", instructor_);
    ASSERT_EQ(minutes.status, 200);
    EXPECT_EQ(minutes.raw.rfind("%PDF-", 0), 0U);
    std::string text = documents::Normalized(documents::PdfText(minutes.raw));
    std::string pseudonym = file.body["pseudonym"];
    EXPECT_NE(text.find("10/12/2026"), std::string::npos) << text;
    EXPECT_NE(text.find(pseudonym), std::string::npos) << text;
    EXPECT_NE(text.find("Favorable"), std::string::npos) << text;
    EXPECT_NE(text.find("Défavorable"), std::string::npos) << text;
    EXPECT_NE(text.find("Engagements non précisés."), std::string::npos) << text;
    EXPECT_NE(text.find("Mme Laurent"), std::string::npos) << text;
    EXPECT_EQ(text.find("Adeyemi"), std::string::npos) << text;
    EXPECT_EQ(text.find("Bello"), std::string::npos) << text;
    ASSERT_EQ(Call("POST", s + "/minutes-sent", instructor_, {{"sent_on", "2026-12-10"}}).status,
              200);

    // Decisions: a refusal without reasons is refused; one that departs from the avis too.
    std::string d1 = "/api/v1/demandes/" + std::to_string(first);
    std::string d2 = "/api/v1/demandes/" + std::to_string(second);
    Reply bare = Call("POST", d2 + "/decisions", signatory_, {{"outcome", "refuse"}});
    EXPECT_EQ(bare.status, 422);
    EXPECT_EQ(bare.body["error"]["field"], "reasons");
    Reply departs = Call("POST", d1 + "/decisions", signatory_, {{"outcome", "refuse"}});
    EXPECT_EQ(departs.status, 422);
    EXPECT_EQ(Call("POST", d1 + "/decisions", signatory_, {{"outcome", "renouvele"}}).status, 422);
    Reply authorised = Call("POST", d1 + "/decisions", signatory_,
                            {{"outcome", "autorise"}, {"start_date", "2026-12-15"}});
    ASSERT_EQ(authorised.status, 201) << authorised.raw;
    EXPECT_EQ(authorised.body["end_date"], "2027-06-14");
    Reply refused = Call("POST", d2 + "/decisions", signatory_,
                         {{"outcome", "refuse"},
                          {"reasons", "Les engagements de la personne ne sont pas précisés."}});
    ASSERT_EQ(refused.status, 201) << refused.raw;
    EXPECT_EQ(
        Call("POST", d2 + "/decisions", signatory_, {{"outcome", "refuse"}, {"reasons", "Encore"}})
            .status,
        409);
    std::string r = "/api/v1/decisions/" + std::to_string(refused.body["id"].get<long long>());

    // The letters: the identity on the letter itself, the appeal route for the refusal.
    Reply refusal_letter = Call("GET", r + "/letter.pdf", signatory_);
    ASSERT_EQ(refusal_letter.status, 200);
    std::string refusal = documents::Normalized(documents::PdfText(refusal_letter.raw));
    EXPECT_NE(refusal.find("Grace Bello"), std::string::npos) << refusal;
    EXPECT_NE(refusal.find("Les engagements de la personne"), std::string::npos) << refusal;
    EXPECT_NE(refusal.find("tribunal administratif"), std::string::npos) << refusal;
    std::string a = "/api/v1/decisions/" + std::to_string(authorised.body["id"].get<long long>());
    std::string grant =
        documents::Normalized(documents::PdfText(Call("GET", a + "/letter.pdf", signatory_).raw));
    EXPECT_NE(grant.find("du 15/12/2026 au 14/06/2027"), std::string::npos) << grant;
    EXPECT_EQ(grant.find("tribunal administratif"), std::string::npos) << grant;
    EXPECT_EQ(Call("GET", r + "/letter.pdf", member_user_).status, 404);

    // Notification and appeal; the court grants the request: a new authorisation.
    Reply notified = Call("POST", r + "/notifications", instructor_,
                          {{"date", "2026-12-10"}, {"channel", "association"}});
    ASSERT_EQ(notified.status, 201) << notified.raw;
    EXPECT_EQ(notified.body["notifications"].size(), 1U);
    Reply appeal = Call("POST", r + "/appeals", instructor_,
                        {{"kind", "tribunal_administratif"}, {"filed_on", "2026-12-10"}});
    ASSERT_EQ(appeal.status, 201) << appeal.raw;
    EXPECT_EQ(Call("POST", a + "/appeals", instructor_,
                   {{"kind", "gracieux"}, {"filed_on", "2026-12-10"}})
                  .status,
              409);
    Travel(2027, 3, 1);
    std::string appeal_path =
        "/api/v1/appeals/" + std::to_string(appeal.body["appeals"][0]["id"].get<long long>());
    Reply granted =
        Call("PATCH", appeal_path, instructor_,
             {{"outcome", "accorde"}, {"outcome_on", "2027-02-20"}, {"start_date", "2027-03-01"}});
    ASSERT_EQ(granted.status, 200) << granted.raw;
    Reply parcours = Call(
        "GET", "/api/v1/parcours/" + std::to_string(refused.body["parcours_id"].get<long long>()),
        signatory_);
    EXPECT_EQ(parcours.body["state"], "active");
    ASSERT_EQ(parcours.body["decisions"].size(), 2U);
    EXPECT_EQ(parcours.body["decisions"][1]["outcome"], "autorise");
    EXPECT_EQ(parcours.body["decisions"][1]["appeal_id"], appeal.body["appeals"][0]["id"]);
    EXPECT_EQ(parcours.body["periods"][0]["start"], "2027-03-01");
    // The page reads the notifications, appeals and signatories of all its decisions at once:
    // each decision shows there as it shows on its own.
    EXPECT_EQ(parcours.body["decisions"][0]["notifications"].size(), 1U);
    EXPECT_EQ(parcours.body["decisions"][0]["appeals"].size(), 1U);
    EXPECT_FALSE(parcours.body["decisions"][0]["signed_by"].get<std::string>().empty());
    for (const auto& view : parcours.body["decisions"]) {
        Reply alone = Call(
            "GET", "/api/v1/decisions/" + std::to_string(view["id"].get<long long>()), signatory_);
        ASSERT_EQ(alone.status, 200) << alone.raw;
        for (const char* key : {"notifications", "appeals", "signed_by", "corrected_by"}) {
            EXPECT_EQ(view[key], alone.body[key]) << key;
        }
    }
    for (const auto& demande : parcours.body["demandes"]) {
        EXPECT_FALSE(demande["avis"].is_null()) << demande.dump();
        EXPECT_FALSE(demande["seance_id"].is_null()) << demande.dump();
    }

    // The member's window closes 30 days after the session.
    Travel(2027, 1, 10);
    EXPECT_EQ(Call("GET", s + "/files/" + std::to_string(first), member_user_).status, 404);
    EXPECT_EQ(Call("GET", s + "/files/" + std::to_string(first), instructor_).status, 200);
    Travel(2027, 1, 9);
    EXPECT_EQ(Call("GET", s + "/files/" + std::to_string(first), member_user_).status, 200);
}

TEST_F(CommissionTest, SignedDecisionsAreCorrectedNeverRewritten) {
    long long demande = SubmittedDemande(worker_a_, "Chukwu");
    GiveAvis(instructor_, demande, "33", "favorable");
    std::string d = "/api/v1/demandes/" + std::to_string(demande);
    Reply signed_ = Call("POST", d + "/decisions", signatory_,
                         {{"outcome", "autorise"}, {"start_date", "2026-12-01"}});
    ASSERT_EQ(signed_.status, 201) << signed_.raw;
    long long id = signed_.body["id"];
    Reply opposite = Call("POST", d + "/decisions", signatory_,
                          {{"outcome", "refuse"}, {"reasons", "x"}, {"corrects_id", id}});
    EXPECT_EQ(opposite.status, 409);
    Reply correction = Call("POST", d + "/decisions", signatory_,
                            {{"outcome", "autorise"},
                             {"reasons", "Erreur matérielle sur la date de signature."},
                             {"corrects_id", id}});
    ASSERT_EQ(correction.status, 201) << correction.raw;
    EXPECT_EQ(correction.body["corrects_id"], id);
    EXPECT_EQ(correction.body["start_date"], "2026-12-01");
    Reply original = Call("GET", "/api/v1/decisions/" + std::to_string(id), signatory_);
    EXPECT_EQ(original.body["corrected_by"], correction.body["id"]);
    // The database refuses to rewrite a decision.
    storage::Transaction tx(app().db());
    EXPECT_ANY_THROW(tx.sql() << "UPDATE decisions SET outcome = 'refuse' WHERE id = " +
                                     std::to_string(id));
}

}  // namespace
}  // namespace parcours::testing
