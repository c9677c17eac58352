// The synthetic dataset: every record is written by the use case the API calls, with the "now"
// of the day it happens, so that the rules (agrément, quorum, avis before decision, periods,
// 24 months) hold exactly as in real use. Names are made of invented syllables. The départements,
// associations, accounts, commissions and séances here; each person's path: demo_person.cpp.
#include "usecases/demo.hpp"

#include <algorithm>
#include <set>

#include "domain/commission.hpp"
#include "usecases/accounts.hpp"
#include "usecases/commission.hpp"
#include "usecases/demo_generator.hpp"
#include "usecases/persons.hpp"

namespace parcours::usecases {

namespace demo {

Generator::Generator(Ports& ports, const DemoSettings& settings, domain::Instant now)
    : ports_(ports), rng_(settings.seed), today_(std::chrono::floor<std::chrono::days>(now)) {
    scale_ = settings.scale;
    int year = static_cast<int>(today_.year());
    first_year_ = settings.first_year != 0 ? settings.first_year
                  : scale_ == "small"      ? year - 1
                                           : 2017;
    start_ = Date{std::chrono::year{first_year_} / 1 / 5};
}

Json Generator::Run() {
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

Account Generator::MakeAccount(const std::string& email,
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
std::string Generator::Cohort(Dept& d, Date date) {
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
        Json m = Must(
            AddMember(ports_, d.instructor.who, d.commission,
                      {{"category", "11"},
                       {"name", Name()},
                       {"organisation", "Association agréée"},
                       {"appointed_on", key},
                       {"arrete_ref", "Arrêté de composition du " + domain::FormatFrenchDate(from)},
                       {"association_id", association}},
                      kMeta, At(from)),
            "member (11°)");
        d.association_members[key].push_back(m["id"]);
    }
    return key;
}

// The séance on the 10th of the month following `after`, created (with its attendance) once.
std::pair<long long, Date> Generator::SeanceAfter(Dept& d, Date after) {
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

std::string Generator::Name() {
    static const std::vector<std::string> a = {"Ka", "Lo", "Mi", "Ba", "Te", "Ro",
                                               "Sa", "Vi", "No", "Da", "Zé", "Fa"};
    static const std::vector<std::string> b = {"rin", "lem",  "dou", "vak", "so",
                                               "nel", "tine", "bar", "mou", "ssa"};
    std::string first = rng_.Pick(std::vector<std::string>{
        "Aïna", "Bora", "Célia", "Dara", "Elna", "Fiona", "Gaïa", "Hédi", "Iris", "Jade"});
    return first + " " + rng_.Pick(a) + rng_.Pick(b) + rng_.Pick(b);
}

void Generator::Departement(const std::string& code, int persons, int associations) {
    Dept d;
    d.code = code;
    departement_of_association_ = code;
    d.instructor = MakeAccount("instruction." + code + "@demo.parcours.test",
                               "prefecture_instructor", {}, code);
    d.signatory = MakeAccount("signature." + code + "@demo.parcours.test", "signatory", {}, code);
    for (int i = 0; i < associations; ++i) {
        Json a = Must(
            CreateAssociation(ports_, std::nullopt,
                              {{"name", "Association démo " + code + "-" + std::to_string(i + 1)},
                               {"departement", code}},
                              kMeta, At(start_)),
            "association");
        long long id = a["id"];
        // Agréments renewed every three years since before the first year.
        for (Date on = domain::AddDays(start_, -30); on <= today_; on = domain::AddMonths(on, 35)) {
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
    Json commission = Must(
        CreateCommission(ports_, d.instructor.who,
                         {{"departement", code}, {"installed_on", Iso(start_)}}, kMeta, At(start_)),
        "commission");
    d.commission = commission["id"];
    int span = std::max(1, domain::DaysBetween(start_, domain::AddDays(today_, -60)));
    for (int i = 0; i < persons; ++i) {
        Date t0 = domain::AddDays(start_, rng_.Between(0, span));
        Person(d, t0);
    }
}

}  // namespace demo

domain::Result<Json> GenerateDemo(Ports& ports, const DemoSettings& settings, domain::Instant now) {
    if (settings.scale != "small" && settings.scale != "national" && settings.scale != "stress") {
        return domain::Fail(domain::ErrorCode::kValidationFailed,
                            "Échelle attendue : small, national ou stress.", "scale");
    }
    try {
        return demo::Generator(ports, settings, now).Run();
    } catch (const std::runtime_error& e) {
        return domain::Fail(domain::ErrorCode::kInternal, e.what());
    }
}

}  // namespace parcours::usecases
