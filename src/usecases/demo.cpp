// The synthetic dataset: every record is written by the use case the API calls, with the "now"
// of the day it happens, so that the rules (agrément, quorum, avis before decision, periods,
// 24 months) hold exactly as in real use. Names are made of invented syllables.
#include "usecases/demo.hpp"

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "domain/commission.hpp"
#include "domain/parcours.hpp"
#include "usecases/accounts.hpp"
#include "usecases/assessments.hpp"
#include "usecases/commission.hpp"
#include "usecases/parcours_cases.hpp"
#include "usecases/persons.hpp"
#include "usecases/rights_cases.hpp"

namespace parcours::usecases {

namespace {

using domain::Date;
using Json = nlohmann::json;

const RequestMeta kMeta{"demo", "local"};

struct Rng {
    std::mt19937_64 engine;
    explicit Rng(unsigned seed) : engine(seed) {}
    int Between(int lo, int hi) {  // inclusive; the same on every platform
        return lo + static_cast<int>(engine() % static_cast<unsigned long long>(hi - lo + 1));
    }
    bool Chance(int percent) { return Between(1, 100) <= percent; }
    template <class T>
    const T& Pick(const std::vector<T>& items) {
        return items[static_cast<std::size_t>(Between(0, static_cast<int>(items.size()) - 1))];
    }
};

domain::Instant At(Date d) {
    return domain::Instant{std::chrono::sys_days{d}.time_since_epoch() + std::chrono::hours{10}};
}

std::string Iso(Date d) {
    return domain::FormatIsoDate(d);
}

// A use case's refusal stops the generator, naming the step: the dataset must follow the rules.
Json Must(const domain::Result<Json>& r, const std::string& step) {
    if (!r) {
        throw std::runtime_error("demo: " + step + " refused: " + r.error().message +
                                 (r.error().field.empty() ? "" : " (" + r.error().field + ")"));
    }
    return r.value();
}

struct Account {
    Principal who;
    std::string password;
};

class Generator {
  public:
    Generator(Ports& ports, const DemoSettings& settings, domain::Instant now)
        : ports_(ports), rng_(settings.seed), today_(std::chrono::floor<std::chrono::days>(now)) {
        scale_ = settings.scale;
        int year = static_cast<int>(today_.year());
        first_year_ = settings.first_year != 0 ? settings.first_year
                      : scale_ == "small"      ? year - 1
                                               : 2017;
        start_ = Date{std::chrono::year{first_year_} / 1 / 5};
    }

    Json Run() {
        std::vector<std::string> depts;
        auto all = [&] {
            auto uow = ports_.storage.Begin();
            return uow->Reference().ListDepartements();
        }();
        if (scale_ == "small") {
            depts = {"33", "13", "31"};
        } else {
            for (const auto& d : all) depts.push_back(d.code);
        }
        // Realistic shapes (docs/domain §2): a few large départements hold most parcours, most
        // others a handful. National: ≥ 20 000 persons over ten years; stress: ten times more.
        static const std::set<std::string> kLarge = {"75", "13", "69", "33", "31",
                                                     "59", "06", "67", "34", "44"};
        int factor = scale_ == "stress" ? 10 : 1;
        analyst_ = MakeAccount("analyste.nationale@demo.parcours.test", "analyst_national", {}, {});
        // Associations: one per département, two in the large ones and in every tenth of the
        // others (national: 101 + 10 + 9 = 120); two everywhere in the small dataset.
        int others = 0;
        for (const auto& code : depts) {
            bool large = kLarge.count(code) > 0;
            int persons = scale_ == "small" ? 24 : factor * (large ? 1200 : 90);
            bool two = scale_ == "small" || large || (++others % 10 == 0);
            Departement(code, persons, two ? 2 : 1);
        }
        Json accounts = Json::array();
        for (const auto& [email, role] : printed_) {
            accounts.push_back({{"email", email}, {"role", role}, {"password", password_}});
        }
        return {{"departements", static_cast<int>(depts.size())},
                {"associations", counts_["associations"]},
                {"persons", counts_["persons"]},
                {"parcours", counts_["parcours"]},
                {"demandes", counts_["demandes"]},
                {"decisions", counts_["decisions"]},
                {"seances", counts_["seances"]},
                {"exits", counts_["exits"]},
                {"accounts", accounts}};
    }

  private:
    struct Dept {
        std::string code;
        long long commission = 0;
        std::vector<long long> associations;
        std::vector<Account> workers;
        Account instructor;
        Account signatory;
        std::map<std::string, long long> seances;  // date → id
        // Members by cohort (its first day): a new cohort every three years.
        std::map<std::string, std::vector<long long>> state_members;
        std::map<std::string, std::vector<long long>> association_members;
    };

    Account MakeAccount(const std::string& email,
                        const std::string& role,
                        std::optional<long long> association,
                        std::optional<std::string> departement) {
        // An association's staff are attached to the association, not to a département.
        NewUser u{email,
                  role,
                  email.substr(0, email.find('@')),
                  association,
                  association ? std::nullopt : departement,
                  {},
                  password_};
        auto created = AddUser(ports_, u, kMeta, At(start_));
        if (!created)
            throw std::runtime_error("demo: account " + email + ": " + created.error().message);
        Account a;
        a.who.user = created.value().user;
        a.who.user.password_change_required = false;
        a.who.kind = CredentialKind::kSystem;
        if (association) a.who.association_departement = departement_of_association_;
        if (printed_.size() < 12) printed_.push_back({email, role});
        return a;
    }

    // The cohort of members in office on `date` (appointed on its first day, for three years),
    // created the first time a séance needs it; returns its first day.
    std::string Cohort(Dept& d, Date date) {
        Date from = start_;
        while (domain::MemberTermEnd(from) < date)
            from = domain::AddDays(domain::MemberTermEnd(from), 1);
        std::string key = Iso(from);
        if (d.state_members.count(key)) return key;
        for (const char* category : {"2", "5", "6"}) {
            Json m = Must(AddMember(ports_, d.instructor.who, d.commission,
                                    {{"category", category},
                                     {"name", Name()},
                                     {"organisation", "Service de l'État"},
                                     {"appointed_on", key}},
                                    kMeta, At(from)),
                          "member");
            d.state_members[key].push_back(m["id"]);
        }
        for (long long association : d.associations) {
            Json m = Must(AddMember(ports_, d.instructor.who, d.commission,
                                    {{"category", "11"},
                                     {"name", Name()},
                                     {"organisation", "Association agréée"},
                                     {"appointed_on", key},
                                     {"arrete_ref",
                                      "Arrêté de composition du " + domain::FormatFrenchDate(from)},
                                     {"association_id", association}},
                                    kMeta, At(from)),
                          "member (11°)");
            d.association_members[key].push_back(m["id"]);
        }
        return key;
    }

    // The séance on the 10th of the month following `after`, created (with its attendance) once.
    std::pair<long long, Date> SeanceAfter(Dept& d, Date after) {
        auto ym = std::chrono::year_month{after.year(), after.month()} + std::chrono::months{1};
        Date date{ym.year(), ym.month(), std::chrono::day{10}};
        auto it = d.seances.find(Iso(date));
        if (it != d.seances.end()) return {it->second, date};
        if (date > today_) return {0, date};  // not held yet: the demande waits
        std::string cohort = Cohort(d, date);
        Date convocation = domain::AddDays(date, -12);
        Json s = Must(CreateSeance(ports_, d.instructor.who, d.commission,
                                   {{"date", Iso(date)},
                                    {"place", "Préfecture, salle des commissions"},
                                    {"convocation_sent_on", Iso(convocation)}},
                                   kMeta, At(convocation)),
                      "séance");
        Json entries = Json::array();
        for (const auto* group : {&d.state_members[cohort], &d.association_members[cohort]}) {
            for (long long m : *group) entries.push_back({{"member_id", m}, {"status", "present"}});
        }
        Must(RecordAttendance(ports_, d.instructor.who, s["id"], {{"entries", entries}}, kMeta,
                              At(date)),
             "attendance");
        d.seances[Iso(date)] = s["id"];
        ++counts_["seances"];
        return {s["id"], date};
    }

    std::string Name() {
        static const std::vector<std::string> a = {"Ka", "Lo", "Mi", "Ba", "Te", "Ro",
                                                   "Sa", "Vi", "No", "Da", "Zé", "Fa"};
        static const std::vector<std::string> b = {"rin", "lem",  "dou", "vak", "so",
                                                   "nel", "tine", "bar", "mou", "ssa"};
        std::string first = rng_.Pick(std::vector<std::string>{
            "Aïna", "Bora", "Célia", "Dara", "Elna", "Fiona", "Gaïa", "Hédi", "Iris", "Jade"});
        return first + " " + rng_.Pick(a) + rng_.Pick(b) + rng_.Pick(b);
    }

    void Departement(const std::string& code, int persons, int associations) {
        Dept d;
        d.code = code;
        departement_of_association_ = code;
        d.instructor = MakeAccount("instruction." + code + "@demo.parcours.test",
                                   "prefecture_instructor", {}, code);
        d.signatory =
            MakeAccount("signature." + code + "@demo.parcours.test", "signatory", {}, code);
        for (int i = 0; i < associations; ++i) {
            Json a = Must(CreateAssociation(
                              ports_, std::nullopt,
                              {{"name", "Association démo " + code + "-" + std::to_string(i + 1)},
                               {"departement", code}},
                              kMeta, At(start_)),
                          "association");
            long long id = a["id"];
            // Agréments renewed every three years since before the first year.
            for (Date on = domain::AddDays(start_, -30); on <= today_;
                 on = domain::AddMonths(on, 35)) {
                Must(RecordExistingAgrement(ports_, id,
                                            {{"departement", code},
                                             {"approved_on", Iso(on)},
                                             {"arrete_ref", "Arrêté d'agrément " + Iso(on)}},
                                            kMeta, At(on)),
                     "agrément");
            }
            d.associations.push_back(id);
            d.workers.push_back(MakeAccount(
                "accompagnement." + code + "-" + std::to_string(i + 1) + "@demo.parcours.test",
                "association_worker", id, code));
            ++counts_["associations"];
        }
        Json commission =
            Must(CreateCommission(ports_, d.instructor.who,
                                  {{"departement", code}, {"installed_on", Iso(start_)}}, kMeta,
                                  At(start_)),
                 "commission");
        d.commission = commission["id"];
        int span = std::max(1, domain::DaysBetween(start_, domain::AddDays(today_, -60)));
        for (int i = 0; i < persons; ++i) {
            Date t0 = domain::AddDays(start_, rng_.Between(0, span));
            Person(d, t0);
        }
    }

    void Person(Dept& d, Date t0) {
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
            situation = {{"forms", rng_.Chance(82) ? Json{"trafficking", "procuring"}
                                                   : Json{"prostitution"}},
                         {"exploitation", rng_.Pick(std::vector<std::string>{"street", "street",
                                                                             "indoor", "online"})},
                         {"complaint_filed", rng_.Chance(30)}};
        }
        Json person = Must(
            CreatePerson(
                ports_, worker,
                {{"identity",
                  {{"last_name", Name()},
                   {"first_names",
                    rng_.Pick(std::vector<std::string>{"Ama", "Blessing", "Lin", "Ioana", "Vera",
                                                       "Joy", "Grace", "Mei"})},
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
        for (const char* c :
             {"victim", "adult", "will_to_exit", "needs_assessed", "complaint_filed"}) {
            answers.push_back(
                {{"code", c},
                 {"answer",
                  std::string(c) == "complaint_filed" && rng_.Chance(70) ? "not_met" : "met"},
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
        Must(CreateAssessment(ports_, worker, id, {{"answers", answers}, {"outcome", "present"}},
                              kMeta, At(assessed)),
             "assessment");
        Json parcours = Must(OpenParcours(ports_, worker, {{"person_id", id}}, kMeta, At(assessed)),
                             "parcours");
        long long p = parcours["id"];
        ++counts_["parcours"];
        Must(PutDocument(ports_, worker, p,
                         {{"commitments",
                           {{{"text", "Cesser l'activité prostitutionnelle"}},
                            {{"text", "Suivre les cours de français"}}}},
                          {"actions",
                           {{{"domain", "housing"},
                             {"description", "Demande SIAO"},
                             {"status", "in_progress"}},
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
    void Parcours(Dept& d,
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
            Json demande =
                Must(CreateDemande(
                         ports_, worker, p,
                         {{"kind", kind},
                          {"association_opinion",
                           {{"favourable", true}, {"text", "Engagement constant."}}},
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
            Date tabled =
                domain::AddDays(date, -8) > submitted ? domain::AddDays(date, -8) : submitted;
            Must(TableDemande(ports_, d.instructor.who, seance, {{"demande_id", dm}}, kMeta,
                              At(tabled)),
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
            if (kind == "initiale" && authorise)
                body["start_date"] = Iso(domain::AddDays(decided, 7));
            Json decision = Must(
                DecideDemande(ports_, d.signatory.who, dm, body, kMeta, At(decided)), "decision");
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

    void Rights(const Principal& worker, long long p, const std::string& status, Date start) {
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

    void Exit(const Principal& worker, long long p, Date date, const std::string& reason) {
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
                    {"residence_title",
                     rng_.Pick(std::vector<std::string>{"residence_permit", "residence_permit",
                                                        "residence_permit", "not_concerned", "none",
                                                        "unknown"})},
                    {"income_source",
                     rng_.Pick(std::vector<std::string>{"employment", "employment", "rsa",
                                                        "other_benefits", "none", "unknown"})}}}},
                 kMeta, At(date)),
             "exit");
        ++counts_["exits"];
    }

    Ports& ports_;
    Rng rng_;
    Date today_;
    std::string scale_;
    int first_year_ = 2017;
    Date start_;
    std::string password_ = "Démonstration Parcours 2026 !";
    std::string departement_of_association_;
    Account analyst_;
    std::vector<std::pair<std::string, std::string>> printed_;
    std::map<std::string, int> counts_;
};

}  // namespace

domain::Result<Json> GenerateDemo(Ports& ports, const DemoSettings& settings, domain::Instant now) {
    if (settings.scale != "small" && settings.scale != "national" && settings.scale != "stress") {
        return domain::Fail(domain::ErrorCode::kValidationFailed,
                            "Échelle attendue : small, national ou stress.", "scale");
    }
    try {
        return Generator(ports, settings, now).Run();
    } catch (const std::runtime_error& e) {
        return domain::Fail(domain::ErrorCode::kInternal, e.what());
    }
}

}  // namespace parcours::usecases
