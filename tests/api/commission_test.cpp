// The commission and the préfet through HTTP on both engines: agréments and their clocks, a full
// session (convocation → agenda → quorum → avis with recusal → minutes → decisions →
// notification → appeal), the members' window, and the refusals the server must make.
#include <algorithm>
#include <cstdio>
#include <fstream>

#include "fixture.hpp"

namespace parcours::testing {
namespace {

using Json = nlohmann::json;

// The text of a PDF, as `pdftotext` reads it, with every run of blanks and line breaks made one
// space (a sentence may wrap anywhere).
std::string PdfText(const std::string& pdf, const std::filesystem::path& dir) {
    auto file = dir / "document.pdf";
    std::ofstream(file, std::ios::binary) << pdf;
    std::string command = "pdftotext -layout '" + file.string() + "' - 2>&1";
    std::string text;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return text;
    char buffer[4096];
    while (std::size_t n = fread(buffer, 1, sizeof buffer, pipe)) text.append(buffer, n);
    pclose(pipe);
    std::string flat;
    for (char ch : text) {
        bool blank = ch == ' ' || ch == '\n' || ch == '\f' || ch == '\r';
        if (!blank)
            flat += ch;
        else if (!flat.empty() && flat.back() != ' ')
            flat += ' ';
    }
    return flat;
}

class CommissionTest : public ApiTest {
  protected:
    void SetUp() override {
        ApiTest::SetUp();
        association_a_ = AddAssociation("Amicale du Nid 33", "33");
        association_b_ = AddAssociation("Le Mouvement du Nid 33", "33");
        worker_a_ = TokenUser("worker@a.fr", domain::Role::kAssociationWorker, association_a_);
        worker_b_ = TokenUser("worker@b.fr", domain::Role::kAssociationWorker, association_b_);
        instructor_ =
            TokenUser("instruct@pref33.fr", domain::Role::kPrefectureInstructor, {}, "33");
        signatory_ = TokenUser("prefet@pref33.fr", domain::Role::kSignatory, {}, "33");
        member_user_ =
            TokenUser("magistrate@justice.fr", domain::Role::kCommissionMember, {}, "33");
    }

    // A submitted initial demande of `worker` for a new person; returns the demande id.
    long long SubmittedDemande(const std::string& worker, const std::string& last_name) {
        Json person = {{"identity",
                        {{"last_name", last_name},
                         {"first_names", "Grace"},
                         {"birth_date", "1996-05-02"},
                         {"nationality", "NGA"}}},
                       {"sex_or_gender", "female"},
                       {"administrative_status", "asylum_seeker"}};
        Reply p = Call("POST", "/api/v1/persons", worker, person);
        EXPECT_EQ(p.status, 201) << p.raw;
        Reply pc = Call("POST", "/api/v1/parcours", worker, {{"person_id", p.body["id"]}});
        std::string path = "/api/v1/parcours/" + std::to_string(pc.body["id"].get<long long>());
        Call("PUT", path + "/document", worker,
             {{"commitments", {{{"text", "Cours de français"}}}},
              {"actions", {{{"domain", "housing"}, {"description", "Demande SIAO"}}}}});
        Reply d = Call("POST", path + "/demandes", worker,
                       {{"kind", "initiale"},
                        {"association_opinion", {{"favourable", true}, {"text", "Très engagée."}}},
                        {"expected_results", "Hébergement stable"},
                        {"sworn_statement_declared", true}});
        EXPECT_EQ(d.status, 201) << d.raw;
        long long id = d.body["id"];
        Reply submitted = Call("POST", "/api/v1/demandes/" + std::to_string(id) + "/submit", worker,
                               Json::object());
        EXPECT_EQ(submitted.status, 200) << submitted.raw;
        return id;
    }

    long long AddMember(long long commission, Json body) {
        Reply r = Call("POST", "/api/v1/commissions/" + std::to_string(commission) + "/members",
                       instructor_, body);
        EXPECT_EQ(r.status, 201) << r.raw;
        return r.body["id"];
    }

    void Travel(int y, unsigned m, unsigned d) {
        now_ = std::chrono::sys_seconds{std::chrono::sys_days{std::chrono::year{y} / m / d} +
                                        std::chrono::hours{10}}
                   .time_since_epoch()
                   .count();
        worker_a_ = TokenFor("worker@a.fr");
        instructor_ = TokenFor("instruct@pref33.fr");
        signatory_ = TokenFor("prefet@pref33.fr");
        member_user_ = TokenFor("magistrate@justice.fr");
    }

    long long association_a_ = 0;
    long long association_b_ = 0;
    std::string worker_a_, worker_b_, instructor_, signatory_, member_user_;
};

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
    std::string text = PdfText(minutes.raw, scratch_->dir());
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
    std::string refusal = PdfText(refusal_letter.raw, scratch_->dir());
    EXPECT_NE(refusal.find("Grace Bello"), std::string::npos) << refusal;
    EXPECT_NE(refusal.find("Les engagements de la personne"), std::string::npos) << refusal;
    EXPECT_NE(refusal.find("tribunal administratif"), std::string::npos) << refusal;
    std::string a = "/api/v1/decisions/" + std::to_string(authorised.body["id"].get<long long>());
    std::string grant = PdfText(Call("GET", a + "/letter.pdf", signatory_).raw, scratch_->dir());
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
