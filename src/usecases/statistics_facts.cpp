// The dated records of a scope read into domain facts. Sealed records are opened only to derive
// what the indicators count (an age, a nationality, a situation of trafficking, an exit's
// outcome, an AFIS or APS record), and those values are kept between computations by version
// (statistics_memo.hpp).
#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

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

// Facts by record id: an index beside a vector kept in arrival order, sorted by id at the end
// (the order the facts are counted in). A tree node per record was a large part of a national
// computation (20,000 persons, 39,000 demandes: malloc and cache misses, bench/README.md).
template <class Fact>
class ById {
  public:
    void Reserve(std::size_t n) {
        items_.reserve(n);
        index_.reserve(n);
    }
    Fact* Find(long long id) {
        auto it = index_.find(id);
        return it == index_.end() ? nullptr : &items_[it->second].second;
    }
    void Put(long long id, Fact fact) {
        auto [it, fresh] = index_.emplace(id, items_.size());
        if (fresh) {
            items_.emplace_back(id, std::move(fact));
        } else {
            items_[it->second].second = std::move(fact);
        }
    }
    std::vector<std::pair<long long, Fact>>& Items() { return items_; }
    // The facts in id order; the index is no longer usable afterwards.
    std::vector<std::pair<long long, Fact>>& SortedById() {
        index_.clear();
        std::sort(items_.begin(), items_.end(),
                  [](const auto& a, const auto& b) { return a.first < b.first; });
        return items_;
    }

  private:
    std::vector<std::pair<long long, Fact>> items_;
    std::unordered_map<long long, std::size_t> index_;
};

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
    struct ParcoursEntry {
        domain::ParcoursFact fact;
        long long person = 0;
    };
    ById<ParcoursEntry> parcours;
    parcours.Reserve(1024);
    uow.Stats().StatsRows(StatsSource::kParcours, [&](const TextRow& r) {
        if (!in_scope(r[1], r[5])) return;
        domain::ParcoursFact p;
        p.departement = *r[1];
        p.exit_date = DateOf(r[3]);
        p.exit_reason = TextOf(r[4]);
        if (p.exit_date && r[6]) {
            p.exit_outcome = OutcomeOf(Derived(ports, memo.exits, epoch, *r[6], ExitStatsOf));
        }
        parcours.Put(IdOf(r[0]), {std::move(p), IdOf(r[2])});
    });
    std::unordered_set<long long> persons_needed;
    persons_needed.reserve(parcours.Items().size());
    for (const auto& [id, entry] : parcours.Items()) persons_needed.insert(entry.person);
    struct PersonStats {
        std::string sex_or_gender;
        IdentityStats identity;
        SituationStats situation;
    };
    std::unordered_map<long long, PersonStats> persons;
    persons.reserve(persons_needed.size());
    uow.Stats().StatsRows(StatsSource::kPersons, [&](const TextRow& r) {
        long long id = IdOf(r[0]);
        if (!persons_needed.count(id)) return;
        persons[id] = {TextOf(r[1]),
                       Derived(ports, memo.identities, epoch, TextOf(r[2]), IdentityStatsOf),
                       Derived(ports, memo.situations, epoch, TextOf(r[3]), SituationStatsOf)};
    });
    for (auto& [id, entry] : parcours.Items()) {
        auto it = persons.find(entry.person);
        if (it == persons.end()) continue;
        domain::ParcoursFact& p = entry.fact;
        p.sex_or_gender = it->second.sex_or_gender;
        p.birth_date = it->second.identity.birth_date;
        p.nationality = it->second.identity.nationality;
        p.trafficking = it->second.situation.trafficking;
    }
    uow.Stats().StatsRows(StatsSource::kPeriods, [&](const TextRow& r) {
        ParcoursEntry* entry = parcours.Find(IdOf(r[0]));
        auto start = DateOf(r[2]);
        auto end = DateOf(r[3]);
        if (entry == nullptr || !start || !end) return;
        entry->fact.periods.push_back({static_cast<int>(IdOf(r[1])), *start, *end, 0});
    });
    // Rights: AFIS granted by the MSA, APS issued.
    std::unordered_map<long long, std::vector<Date>> afis_payments;
    uow.Stats().StatsRows(StatsSource::kRights, [&](const TextRow& r) {
        long long parcours_id = IdOf(r[0]);
        ParcoursEntry* entry = parcours.Find(parcours_id);
        if (entry == nullptr) return;
        RightStats right = Derived(ports, memo.rights, epoch, TextOf(r[2]), RightStatsOf);
        domain::ParcoursFact& p = entry->fact;
        if (r[1] == "afis" && right.afis_granted) {
            if (right.afis_first_payment)
                afis_payments[parcours_id].push_back(*right.afis_first_payment);
            auto on = right.afis_first_payment ? right.afis_first_payment : right.afis_application;
            p.afis_granted = true;
            if (right.afis_amount_cents) p.afis_amount_cents += *right.afis_amount_cents;
            if (on && (!p.afis_granted_on || *on < *p.afis_granted_on)) p.afis_granted_on = on;
        }
        if (r[1] == "aps" && right.aps_issued) p.aps_issued.push_back(*right.aps_issued);
    });
    for (auto& [id, entry] : parcours.Items()) {
        std::sort(entry.fact.aps_issued.begin(), entry.fact.aps_issued.end());
    }
    for (auto& [id, payments] : afis_payments) std::sort(payments.begin(), payments.end());
    // Demandes, their agenda, their first signed decision and its first notification.
    struct DemandeEntry {
        domain::DemandeFact fact;
        long long parcours = 0;
    };
    ById<DemandeEntry> demandes;
    demandes.Reserve(2 * parcours.Items().size());
    uow.Stats().StatsRows(StatsSource::kDemandes, [&](const TextRow& r) {
        if (!in_scope(r[2], r[5])) return;
        domain::DemandeFact d;
        d.departement = *r[2];
        d.kind = TextOf(r[3]);
        d.submitted = DateOf(r[4]);
        demandes.Put(IdOf(r[0]), {std::move(d), IdOf(r[1])});
    });
    uow.Stats().StatsRows(StatsSource::kAgendaItems, [&](const TextRow& r) {
        DemandeEntry* entry = demandes.Find(IdOf(r[0]));
        if (entry == nullptr) return;
        domain::DemandeFact& d = entry->fact;
        auto tabled = DateOf(r[1]);
        if (!d.tabled || (tabled && *tabled < *d.tabled)) d.tabled = tabled;
        if (r[3]) {  // the latest avis wins (rows come in id order)
            d.avis = DateOf(r[4]);
            d.avis_outcome = *r[3];
        }
    });
    std::unordered_map<long long, DemandeEntry*> demande_of_decision;
    demande_of_decision.reserve(demandes.Items().size());
    uow.Stats().StatsRows(StatsSource::kDecisions, [&](const TextRow& r) {
        DemandeEntry* entry = demandes.Find(IdOf(r[1]));
        if (entry == nullptr || r[5] || entry->fact.decided) return;  // first, no correction
        entry->fact.decided = DateOf(r[4]);
        entry->fact.decision = TextOf(r[3]);
        demande_of_decision[IdOf(r[0])] = entry;
    });
    uow.Stats().StatsRows(StatsSource::kNotifications, [&](const TextRow& r) {
        auto d = demande_of_decision.find(IdOf(r[0]));
        if (d == demande_of_decision.end()) return;
        if (!d->second->fact.notified) d->second->fact.notified = DateOf(r[1]);
    });
    for (auto& [id, entry] : demandes.Items()) {
        domain::DemandeFact& d = entry.fact;
        if (!d.decided) continue;
        const ParcoursEntry* p = parcours.Find(entry.parcours);
        if (p == nullptr) continue;
        for (Date issued : p->fact.aps_issued) {
            if (issued >= *d.decided) {
                d.aps_issued = issued;
                break;
            }
        }
        auto payments = afis_payments.find(entry.parcours);
        if (payments == afis_payments.end()) continue;
        for (Date paid : payments->second) {
            if (paid >= *d.decided) {
                d.afis_first_payment = paid;
                break;
            }
        }
    }
    f.demandes.reserve(demandes.Items().size());
    for (auto& [id, entry] : demandes.SortedById()) f.demandes.push_back(std::move(entry.fact));
    f.parcours.reserve(parcours.Items().size());
    for (auto& [id, entry] : parcours.SortedById()) f.parcours.push_back(std::move(entry.fact));
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
