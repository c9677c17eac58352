// The demo generator (demo.cpp): one person's path, as it happens in real use — created,
// referred, assessed; then, for most, a parcours with its document, demandes tabled and decided
// séance after séance, rights (AFIS, APS), until a refusal, an exit, the 24 months, or today.
#include <algorithm>

#include "domain/commission.hpp"
#include "domain/parcours.hpp"
#include "usecases/assessments.hpp"
#include "usecases/commission.hpp"
#include "usecases/demo_generator.hpp"
#include "usecases/parcours_cases.hpp"
#include "usecases/persons.hpp"
#include "usecases/rights_cases.hpp"

namespace parcours::usecases::demo {

void Generator::Person(Dept& d, Date t0) {
    std::size_t w =
        static_cast<std::size_t>(rng_.Between(0, static_cast<int>(d.workers.size()) - 1));
    const Principal& worker = d.workers[w].who;
    long long association = d.associations[w];
    static const std::vector<std::string> nationalities = {"NGA", "NGA", "NGA", "NGA", "CHN",
                                                           "ROU", "BGR", "BRA", "CMR", "CIV",
                                                           "FRA", "GHA", "ALB", "PER"};
    std::string nationality = rng_.Pick(nationalities);
    bool eu = nationality == "ROU" || nationality == "BGR";
    std::string status = nationality == "FRA" ? "french"
                         : eu                 ? "eu_citizen"
                         : rng_.Chance(60)    ? "asylum_seeker"
                                              : "undocumented";
    int sex = rng_.Between(1, 100);
    // FAS 2025: 82 % of the persons accompanied are victims of trafficking; the situation is
    // not always recorded.
    Json situation = nullptr;
    if (rng_.Chance(85)) {
        situation = {
            {"forms", rng_.Chance(82) ? Json{"trafficking", "procuring"} : Json{"prostitution"}},
            {"exploitation",
             rng_.Pick(std::vector<std::string>{"street", "street", "indoor", "online"})},
            {"complaint_filed", rng_.Chance(30)}};
    }
    Json person = Must(
        CreatePerson(
            ports_, worker,
            {{"identity",
              {{"last_name", Name()},
               {"first_names", rng_.Pick(std::vector<std::string>{"Ama", "Blessing", "Lin", "Ioana",
                                                                  "Vera", "Joy", "Grace", "Mei"})},
               {"birth_date", Iso(Date{std::chrono::year{rng_.Between(1975, 2004)} /
                                       rng_.Between(1, 12) / rng_.Between(1, 28)})},
               {"nationality", nationality}}},
             {"sex_or_gender", sex <= 86   ? "female"
                               : sex <= 94 ? "trans_woman"
                                           : "male"},
             {"administrative_status", status},
             {"victimisation", situation},
             {"contact_channel", rng_.Pick(std::vector<std::string>{
                                     "street_outreach", "online_outreach", "asylum_centre_ofii",
                                     "other_association", "siao_115", "self"})}},
            kMeta, At(t0)),
        "person");
    long long id = person["id"];
    ++counts_["persons"];
    Must(AddReferral(ports_, worker, id,
                     {{"date", Iso(t0)},
                      {"source", rng_.Pick(std::vector<std::string>{
                                     "street_outreach", "online_outreach", "police_gendarmerie",
                                     "asylum_centre_ofii", "hospital_pass", "self"})},
                      {"notes", ""}},
                     kMeta, At(t0)),
         "referral");
    Json answers = Json::array();
    for (const char* c : {"victim", "adult", "will_to_exit", "needs_assessed", "complaint_filed"}) {
        answers.push_back(
            {{"code", c},
             {"answer", std::string(c) == "complaint_filed" && rng_.Chance(70) ? "not_met" : "met"},
             {"evidence", ""}});
    }
    Date assessed = domain::AddDays(t0, rng_.Between(3, 30));
    if (assessed > today_) return;
    int outcome = rng_.Between(1, 100);
    if (outcome > 78) {
        std::string code = outcome > 96   ? "declined_by_person"
                           : outcome > 90 ? "not_eligible"
                                          : "postpone";
        std::string reason =
            code == "declined_by_person" ? "person_declined"
            : code == "not_eligible"
                ? "criteria_not_met"
                : rng_.Pick(std::vector<std::string>{"awaiting_documents", "person_not_ready",
                                                     "no_commission_session", "lost_contact"});
        Json body = {{"answers", answers}, {"outcome", code}, {"reason_code", reason}};
        Must(CreateAssessment(ports_, worker, id, body, kMeta, At(assessed)), "assessment");
        return;
    }
    Must(CreateAssessment(ports_, worker, id, {{"answers", answers}, {"outcome", "present"}}, kMeta,
                          At(assessed)),
         "assessment");
    Json parcours =
        Must(OpenParcours(ports_, worker, {{"person_id", id}}, kMeta, At(assessed)), "parcours");
    long long p = parcours["id"];
    ++counts_["parcours"];
    Must(PutDocument(
             ports_, worker, p,
             {{"commitments",
               {{{"text", "Cesser l'activité prostitutionnelle"}},
                {{"text", "Suivre les cours de français"}}}},
              {"actions",
               {{{"domain", "housing"}, {"description", "Demande SIAO"}, {"status", "in_progress"}},
                {{"domain", "health"},
                 {"description", "Ouverture des droits santé"},
                 {"status", "planned"}},
                {{"domain", "training"},
                 {"description", "Formation linguistique"},
                 {"status", "planned"}}}}},
             kMeta, At(assessed)),
         "document");
    Parcours(d, worker, association, p, status, domain::AddDays(assessed, rng_.Between(5, 40)));
}

// Demande after demande until a refusal, an exit, the 24 months, or today.
void Generator::Parcours(Dept& d,
                         const Principal& worker,
                         long long association,
                         long long p,
                         const std::string& status,
                         Date submitted) {
    (void)association;
    std::string kind = "initiale";
    int periods = 0;
    Date period_end = submitted;
    while (true) {
        if (submitted > today_) return;
        Json demande = Must(
            CreateDemande(
                ports_, worker, p,
                {{"kind", kind},
                 {"association_opinion", {{"favourable", true}, {"text", "Engagement constant."}}},
                 {"expected_results", "Hébergement stable, insertion professionnelle."},
                 {"achieved_results", kind == "initiale" ? "" : "Démarches engagées."},
                 {"sworn_statement_declared", true}},
                kMeta, At(submitted)),
            "demande");
        long long dm = demande["id"];
        ++counts_["demandes"];
        Must(SubmitDemande(ports_, worker, dm, kMeta, At(submitted)), "submission");
        auto [seance, date] = SeanceAfter(d, domain::AddDays(submitted, 5));
        if (date > today_) return;
        Date tabled = domain::AddDays(date, -8) > submitted ? domain::AddDays(date, -8) : submitted;
        Must(
            TableDemande(ports_, d.instructor.who, seance, {{"demande_id", dm}}, kMeta, At(tabled)),
            "agenda");
        bool favourable = rng_.Chance(kind == "initiale" ? 86 : 92);
        // The State services vote (an association's representative may be recused).
        Json votes = Json::array();
        for (long long m : d.state_members[Cohort(d, date)]) {
            votes.push_back({{"member_id", m}, {"vote", favourable ? "pour" : "contre"}});
        }
        Must(RecordSeanceAvis(ports_, d.instructor.who, seance,
                              {{"demande_id", dm},
                               {"outcome", favourable ? "favorable" : "defavorable"},
                               {"reasons", favourable ? "" : "Engagements à préciser."},
                               {"votes", votes}},
                              kMeta, At(date)),
             "avis");
        Date decided = domain::AddDays(date, rng_.Between(3, 20));
        if (decided > today_) return;
        bool authorise = favourable ? rng_.Chance(97) : rng_.Chance(10);
        std::string outcome = kind == "initiale" ? (authorise ? "autorise" : "refuse")
                                                 : (authorise ? "renouvele" : "non_renouvele");
        Json body = {{"outcome", outcome}};
        if (!authorise || !favourable)
            body["reasons"] = "Au vu de l'avis de la commission et du dossier.";
        if (kind == "initiale" && authorise) body["start_date"] = Iso(domain::AddDays(decided, 7));
        Json decision =
            Must(DecideDemande(ports_, d.signatory.who, dm, body, kMeta, At(decided)), "decision");
        ++counts_["decisions"];
        Date notified = std::min(domain::AddDays(decided, 2), today_);
        Must(RecordNotification(ports_, d.instructor.who, decision["id"],
                                {{"date", Iso(notified)}, {"channel", "association"}}, kMeta,
                                At(notified)),
             "notification");
        if (!authorise) {
            if (kind != "initiale" && domain::AddDays(decided, 10) <= today_)
                Exit(worker, p, domain::AddDays(decided, 10), "not_renewed");
            return;
        }
        ++periods;
        Date start = *domain::ParseIsoDate(decision["start_date"].get<std::string>());
        period_end = *domain::ParseIsoDate(decision["end_date"].get<std::string>());
        if (periods == 1) Rights(worker, p, status, start);
        if (periods == domain::kMaxPeriods) {
            if (domain::AddDays(period_end, 1) <= today_)
                Exit(worker, p, domain::AddDays(period_end, 1), "completed");
            return;
        }
        if (!rng_.Chance(82)) {
            Date left = domain::AddDays(start, rng_.Between(30, 150));
            if (left <= today_)
                Exit(worker, p, left,
                     rng_.Pick(
                         std::vector<std::string>{"person_withdrew", "lost_contact", "moved"}));
            return;
        }
        kind = "renouvellement";
        submitted = domain::AddDays(period_end, -rng_.Between(45, 75));
    }
}

void Generator::Rights(const Principal& worker,
                       long long p,
                       const std::string& status,
                       Date start) {
    Date applied = domain::AddDays(start, rng_.Between(2, 25));
    if (applied > today_ || !rng_.Chance(70)) return;
    bool foreign = status != "french" && status != "eu_citizen";
    Json afis = Must(RecordAfis(ports_, worker, p,
                                {{"application_date", Iso(applied)},
                                 {"dependent_children", rng_.Chance(30) ? 1 : 0},
                                 {"resources_cents", 0},
                                 {"rsa_or_ada_entitled", false},
                                 {"residence_document", foreign ? "receipt" : "french_or_eu"}},
                                kMeta, At(applied)),
                     "AFIS");
    Date paid = domain::AddDays(applied, rng_.Between(20, 60));
    if (paid <= today_ && afis.contains("id")) {
        Json expected = afis.value("expected_amount_cents", Json(34320));
        Must(RecordMsaAnswer(
                 ports_, worker, afis["id"],
                 {{"outcome", "granted"},
                  {"amount_cents", expected.is_number_integer() ? expected : Json(34320)},
                  {"first_payment_date", Iso(paid)}},
                 kMeta, At(paid)),
             "MSA answer");
    }
    if (!foreign) return;
    Date issued = domain::AddDays(start, rng_.Between(10, 45));
    if (issued > today_) return;
    Must(RecordAps(ports_, worker, p,
                   {{"application_date", Iso(domain::AddDays(start, 1))},
                    {"status", "issued"},
                    {"issue_date", Iso(issued)},
                    {"validity_end", Iso(domain::AddMonths(issued, 6))},
                    {"right_to_work", true}},
                   kMeta, At(issued)),
         "APS");
}

void Generator::Exit(const Principal& worker, long long p, Date date, const std::string& reason) {
    Must(ExitParcours(
             ports_, worker, p,
             {{"date", Iso(date)},
              {"reason", reason},
              {"outcome",
               {{"housing", rng_.Pick(std::vector<std::string>{
                                "own_housing", "own_housing", "accommodation", "accommodation",
                                "family_or_friends", "no_housing", "unknown"})},
                {"activity",
                 rng_.Pick(std::vector<std::string>{"employment", "employment", "training",
                                                    "job_seeking", "none", "unknown"})},
                {"residence_title", rng_.Pick(std::vector<std::string>{
                                        "residence_permit", "residence_permit", "residence_permit",
                                        "not_concerned", "none", "unknown"})},
                {"income_source",
                 rng_.Pick(std::vector<std::string>{"employment", "employment", "rsa",
                                                    "other_benefits", "none", "unknown"})}}}},
             kMeta, At(date)),
         "exit");
    ++counts_["exits"];
}

}  // namespace parcours::usecases::demo
