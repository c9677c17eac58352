// The dated records of a scope read into domain facts. Sealed records are opened only to derive
// what the indicators count (an age, a nationality, a situation of trafficking, an exit's
// outcome, an AFIS or APS record), and those values are kept between computations by version
// (statistics_memo.hpp).
#include <algorithm>
#include <map>

#include "domain/agrement.hpp"
#include "domain/case_rules.hpp"
#include "usecases/case_support.hpp"
#include "usecases/commission_support.hpp"
#include "usecases/statistics_support.hpp"

namespace parcours::usecases {

namespace {

using domain::Date;
using Json = nlohmann::json;

std::optional<Date> DateOf(const std::optional<std::string>& text) {
    if (!text || text->size() < 10) return std::nullopt;
    return domain::ParseIsoDate(text->substr(0, 10));  // a date, or the day of an instant
}

long long IdOf(const std::optional<std::string>& text) {
    return text ? std::stoll(*text) : 0;
}

std::string TextOf(const std::optional<std::string>& text) {
    return text.value_or("");
}

// What the statistics take from each kind of sealed record (statistics_memo.hpp).
IdentityStats IdentityStatsOf(const Json& identity) {
    IdentityStats out;
    if (identity.contains("birth_date") && identity["birth_date"].is_string()) {
        out.birth_date = domain::ParseIsoDate(identity["birth_date"].get<std::string>());
    }
    out.nationality = identity.value("nationality", "");
    std::transform(out.nationality.begin(), out.nationality.end(), out.nationality.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return out;
}

// The situation of trafficking, when the association recorded the person's situation.
SituationStats SituationStatsOf(const Json& situation_record) {
    SituationStats out;
    Json situation = situation_record.value("victimisation", Json(nullptr));
    if (situation.is_object() && situation["forms"].is_array() && !situation["forms"].empty()) {
        const Json& forms = situation["forms"];
        out.trafficking = std::find(forms.begin(), forms.end(), "trafficking") != forms.end();
    }
    return out;
}

const std::vector<domain::CodeList>& ExitLists() {
    static const std::vector<domain::CodeList> lists = domain::ExitOutcomeLists();
    return lists;
}

ExitStats ExitStatsOf(const Json& outcome) {
    ExitStats out;
    const auto& lists = ExitLists();
    for (std::size_t l = 0; l < lists.size() && l < out.codes.size(); ++l) {
        auto value = outcome.find(lists[l].key);
        if (value == outcome.end() || !value->is_string()) continue;
        const auto& text = value->get_ref<const std::string&>();
        for (std::size_t c = 0; c < lists[l].codes.size(); ++c) {
            if (lists[l].codes[c].code == text) out.codes[l] = static_cast<std::uint8_t>(c);
        }
    }
    return out;
}

// Back to the codes the indicators count (domain::ParcoursFact::exit_outcome).
std::map<std::string, std::string> OutcomeOf(const ExitStats& stats) {
    std::map<std::string, std::string> outcome;
    const auto& lists = ExitLists();
    for (std::size_t l = 0; l < lists.size() && l < stats.codes.size(); ++l) {
        if (stats.codes[l] != ExitStats::kNone) {
            outcome.emplace(lists[l].key, lists[l].codes[stats.codes[l]].code);
        }
    }
    return outcome;
}

// Both readings of a rights record; its kind (a column beside it) says which one counts.
RightStats RightStatsOf(const Json& content) {
    RightStats out;
    auto date = [](const Json& object, const char* key) -> std::optional<Date> {
        auto it = object.find(key);
        if (it == object.end() || !it->is_string()) return std::nullopt;
        return domain::ParseIsoDate(it->get<std::string>());
    };
    auto msa = content.find("msa");
    if (msa != content.end() && msa->is_object() && msa->value("outcome", "") == "granted") {
        out.afis_granted = true;
        out.afis_first_payment = date(*msa, "first_payment_date");
        out.afis_application = date(content, "application_date");
        auto amount = msa->find("amount_cents");
        if (amount != msa->end() && amount->is_number_integer()) {
            out.afis_amount_cents = amount->get<long long>();
        }
    }
    if (content.value("status", "") == "issued") out.aps_issued = date(content, "issue_date");
    return out;
}

// The value derived from a sealed text: kept by the text's version, opened only the first time.
template <class Value>
Value Derived(Ports& ports,
              VersionMemo<Value>& memo,
              std::uint64_t epoch,
              const std::string& sealed,
              Value (*derive)(const Json&)) {
    auto version = ports.crypto.VersionOf(sealed);
    if (!version) return derive(Open(ports.crypto, sealed));  // fails as opening it fails
    return memo.Get(*version, epoch, [&] { return derive(Open(ports.crypto, sealed)); });
}

}  // namespace

domain::StatsFacts LoadFacts(Ports& ports,
                             UnitOfWork& uow,
                             const std::set<std::string>& depts,
                             std::optional<long long> association,
                             StatisticsMemo& memo,
                             std::uint64_t epoch) {
    domain::StatsFacts f;
    // A record counts when its département is in the scope (and, for an association's report,
    // when it is the association's).
    auto in_scope = [&](const std::optional<std::string>& dept,
                        const std::optional<std::string>& owner) {
        if (!dept || !depts.count(*dept)) return false;
        return !association || (owner && std::stoll(*owner) == *association);
    };
    uow.Stats().StatsRows(StatsSource::kReferrals, [&](const TextRow& r) {
        auto date = DateOf(r[1]);
        if (in_scope(r[0], r[3]) && date) f.referrals.push_back({*r[0], *date, TextOf(r[2])});
    });
    uow.Stats().StatsRows(StatsSource::kAssessments, [&](const TextRow& r) {
        auto date = DateOf(r[1]);
        if (in_scope(r[0], r[4]) && date) {
            f.assessments.push_back({*r[0], *date, TextOf(r[2]), TextOf(r[3])});
        }
    });
    // Parcours of the scope, with their person and periods.
    std::map<long long, domain::ParcoursFact> parcours;
    std::map<long long, long long> person_of;
    uow.Stats().StatsRows(StatsSource::kParcours, [&](const TextRow& r) {
        if (!in_scope(r[1], r[5])) return;
        domain::ParcoursFact p;
        p.departement = *r[1];
        p.exit_date = DateOf(r[3]);
        p.exit_reason = TextOf(r[4]);
        if (p.exit_date && r[6]) {
            p.exit_outcome = OutcomeOf(Derived(ports, memo.exits, epoch, *r[6], ExitStatsOf));
        }
        parcours[IdOf(r[0])] = p;
        person_of[IdOf(r[0])] = IdOf(r[2]);
    });
    std::set<long long> persons_needed;
    for (const auto& [id, person] : person_of) persons_needed.insert(person);
    struct PersonStats {
        std::string sex_or_gender;
        IdentityStats identity;
        SituationStats situation;
    };
    std::map<long long, PersonStats> persons;
    uow.Stats().StatsRows(StatsSource::kPersons, [&](const TextRow& r) {
        long long id = IdOf(r[0]);
        if (!persons_needed.count(id)) return;
        persons[id] = {TextOf(r[1]),
                       Derived(ports, memo.identities, epoch, TextOf(r[2]), IdentityStatsOf),
                       Derived(ports, memo.situations, epoch, TextOf(r[3]), SituationStatsOf)};
    });
    for (auto& [id, p] : parcours) {
        auto it = persons.find(person_of[id]);
        if (it == persons.end()) continue;
        p.sex_or_gender = it->second.sex_or_gender;
        p.birth_date = it->second.identity.birth_date;
        p.nationality = it->second.identity.nationality;
        p.trafficking = it->second.situation.trafficking;
    }
    uow.Stats().StatsRows(StatsSource::kPeriods, [&](const TextRow& r) {
        auto it = parcours.find(IdOf(r[0]));
        auto start = DateOf(r[2]);
        auto end = DateOf(r[3]);
        if (it == parcours.end() || !start || !end) return;
        it->second.periods.push_back({static_cast<int>(IdOf(r[1])), *start, *end, 0});
    });
    // Rights: AFIS granted by the MSA, APS issued.
    std::map<long long, std::vector<Date>> afis_payments;
    uow.Stats().StatsRows(StatsSource::kRights, [&](const TextRow& r) {
        auto it = parcours.find(IdOf(r[0]));
        if (it == parcours.end()) return;
        RightStats right = Derived(ports, memo.rights, epoch, TextOf(r[2]), RightStatsOf);
        domain::ParcoursFact& p = it->second;
        if (r[1] == "afis" && right.afis_granted) {
            if (right.afis_first_payment)
                afis_payments[it->first].push_back(*right.afis_first_payment);
            auto on = right.afis_first_payment ? right.afis_first_payment : right.afis_application;
            p.afis_granted = true;
            if (right.afis_amount_cents) p.afis_amount_cents += *right.afis_amount_cents;
            if (on && (!p.afis_granted_on || *on < *p.afis_granted_on)) p.afis_granted_on = on;
        }
        if (r[1] == "aps" && right.aps_issued) p.aps_issued.push_back(*right.aps_issued);
    });
    for (auto& [id, p] : parcours) std::sort(p.aps_issued.begin(), p.aps_issued.end());
    // Demandes, their agenda, their first signed decision and its first notification.
    std::map<long long, domain::DemandeFact> demandes;
    std::map<long long, long long> parcours_of_demande;
    uow.Stats().StatsRows(StatsSource::kDemandes, [&](const TextRow& r) {
        if (!in_scope(r[2], r[5])) return;
        domain::DemandeFact d;
        d.departement = *r[2];
        d.kind = TextOf(r[3]);
        d.submitted = DateOf(r[4]);
        demandes[IdOf(r[0])] = d;
        parcours_of_demande[IdOf(r[0])] = IdOf(r[1]);
    });
    uow.Stats().StatsRows(StatsSource::kAgendaItems, [&](const TextRow& r) {
        auto it = demandes.find(IdOf(r[0]));
        if (it == demandes.end()) return;
        auto tabled = DateOf(r[1]);
        if (!it->second.tabled || (tabled && *tabled < *it->second.tabled)) {
            it->second.tabled = tabled;
        }
        if (r[3]) {  // the latest avis wins (rows come in id order)
            it->second.avis = DateOf(r[4]);
            it->second.avis_outcome = *r[3];
        }
    });
    std::map<long long, long long> demande_of_decision;
    uow.Stats().StatsRows(StatsSource::kDecisions, [&](const TextRow& r) {
        auto it = demandes.find(IdOf(r[1]));
        if (it == demandes.end() || r[5] || it->second.decided) return;  // first, no correction
        it->second.decided = DateOf(r[4]);
        it->second.decision = TextOf(r[3]);
        demande_of_decision[IdOf(r[0])] = it->first;
    });
    uow.Stats().StatsRows(StatsSource::kNotifications, [&](const TextRow& r) {
        auto d = demande_of_decision.find(IdOf(r[0]));
        if (d == demande_of_decision.end()) return;
        auto& demande = demandes[d->second];
        if (!demande.notified) demande.notified = DateOf(r[1]);
    });
    for (auto& [id, d] : demandes) {
        if (!d.decided) continue;
        auto p = parcours.find(parcours_of_demande[id]);
        if (p == parcours.end()) continue;
        for (Date issued : p->second.aps_issued) {
            if (issued >= *d.decided) {
                d.aps_issued = issued;
                break;
            }
        }
        auto payments = afis_payments[p->first];
        std::sort(payments.begin(), payments.end());
        for (Date paid : payments) {
            if (paid >= *d.decided) {
                d.afis_first_payment = paid;
                break;
            }
        }
    }
    for (auto& [id, d] : demandes) f.demandes.push_back(std::move(d));
    for (auto& [id, p] : parcours) f.parcours.push_back(std::move(p));
    // Commissions and agréments (few rows: through their repository).
    for (const auto& c : uow.Commission().ListCommissions()) {
        if (!depts.count(c.departement) || association) continue;
        domain::CommissionFact fact;
        fact.departement = c.departement;
        fact.installed_on = StoredDate(c.installed_on);
        for (const auto& s : uow.Commission().ListSeances(c.id)) {
            fact.seances.push_back(StoredDate(s.date));
        }
        for (const auto& m : uow.Commission().ListMembers(c.id)) {
            fact.members.push_back(
                {StoredDate(m.appointed_on), StoredDate(m.term_end), StoredDate(m.ended_on)});
        }
        f.commissions.push_back(std::move(fact));
    }
    for (const auto& a : uow.Commission().ListAgrements(std::nullopt, std::nullopt)) {
        if (!depts.count(a.departement) || (association && a.association_id != *association)) {
            continue;
        }
        // Far in the future: the clocks as they will be, tacit approval included.
        auto clocks =
            domain::ComputeAgrementClocks(FactsOf(a), Date{std::chrono::year{9999} / 1 / 1});
        f.agrements.push_back({a.departement, a.association_id, clocks.approved_on,
                               clocks.valid_until, StoredDate(a.withdrawn_on)});
    }
    return f;
}

}  // namespace parcours::usecases
