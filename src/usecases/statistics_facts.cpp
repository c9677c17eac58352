// The dated records of some persons (or of everyone) read into domain facts, for the statistics
// store (statistics_store.hpp). Sealed records are opened only to derive what the indicators
// count (an age, a nationality, a situation of trafficking, an exit's outcome, an AFIS or APS
// record); nothing else of them is kept.
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "domain/agrement.hpp"
#include "domain/case_rules.hpp"
#include "usecases/case_support.hpp"
#include "usecases/commission_support.hpp"
#include "usecases/context.hpp"
#include "usecases/statistics_store.hpp"

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

// From a person's identity: what the age bands and the nationality groups need.
struct IdentityStats {
    std::optional<domain::Date> birth_date;
    std::string nationality;  // ISO 3166 alpha-3, upper case
};

// From a person's protected situation.
struct SituationStats {
    std::optional<bool> trafficking;
};

// From an exit's outcome: for each of domain::ExitOutcomeLists(), the index of its code in the
// list, kNone when absent or not one of the list's codes (notes left out).
struct ExitStats {
    static constexpr std::uint8_t kNone = 0xff;
    std::array<std::uint8_t, 4> codes{kNone, kNone, kNone, kNone};
};

// From an AFIS or APS record.
struct RightStats {
    bool afis_granted = false;
    std::optional<domain::Date> afis_first_payment;
    std::optional<domain::Date> afis_application;
    std::optional<long long> afis_amount_cents;
    std::optional<domain::Date> aps_issued;
};

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
std::vector<std::pair<domain::Interned, domain::Interned>> OutcomeOf(const ExitStats& stats) {
    std::vector<std::pair<domain::Interned, domain::Interned>> outcome;
    const auto& lists = ExitLists();
    for (std::size_t l = 0; l < lists.size() && l < stats.codes.size(); ++l) {
        if (stats.codes[l] != ExitStats::kNone) {
            outcome.emplace_back(lists[l].key, lists[l].codes[stats.codes[l]].code);
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

// Facts by record id while they are assembled: an index beside a vector in arrival order (the
// store sorts them by id). A tree node per record was a large part of a national computation
// (20,000 persons, 39,000 demandes: malloc and cache misses, bench/README.md).
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

  private:
    std::vector<std::pair<long long, Fact>> items_;
    std::unordered_map<long long, std::size_t> index_;
};

// The value derived from a sealed text (fails as opening it fails).
template <class Value>
Value Derived(Ports& ports, const std::string& sealed, Value (*derive)(const Json&)) {
    return derive(Open(ports.crypto, sealed));
}

}  // namespace

FactBatch LoadFactBatch(Ports& ports,
                        UnitOfWork& uow,
                        const std::vector<long long>* persons_wanted) {
    FactBatch out;
    auto rows = [&](StatsSource source, const std::function<void(const TextRow&)>& each) {
        if (persons_wanted == nullptr) return uow.Stats().StatsRows(source, each);
        uow.Stats().StatsRowsOf(source, *persons_wanted, each);
    };
    // A record counts where its département is known.
    rows(StatsSource::kReferrals, [&](const TextRow& r) {
        auto date = DateOf(r[3]);
        if (!r[2] || !date) return;
        out.referrals.push_back({IdOf(r[0]), IdOf(r[1]), IdOf(r[5]), {*r[2], *date, TextOf(r[4])}});
    });
    rows(StatsSource::kAssessments, [&](const TextRow& r) {
        auto date = DateOf(r[3]);
        if (!r[2] || !date) return;
        out.assessments.push_back(
            {IdOf(r[0]), IdOf(r[1]), IdOf(r[6]), {*r[2], *date, TextOf(r[4]), TextOf(r[5])}});
    });
    // Parcours, with their person and periods.
    ById<Keyed<domain::ParcoursFact>> parcours;
    parcours.Reserve(persons_wanted ? persons_wanted->size() : 1024);
    rows(StatsSource::kParcours, [&](const TextRow& r) {
        if (!r[1]) return;
        Keyed<domain::ParcoursFact> p{IdOf(r[0]), IdOf(r[2]), IdOf(r[5]), {}};
        p.fact.departement = *r[1];
        p.fact.exit_date = DateOf(r[3]);
        p.fact.exit_reason = TextOf(r[4]);
        if (p.fact.exit_date && r[6]) {
            p.fact.exit_outcome = OutcomeOf(Derived(ports, *r[6], ExitStatsOf));
        }
        parcours.Put(p.id, std::move(p));
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
    rows(StatsSource::kPersons, [&](const TextRow& r) {
        long long id = IdOf(r[0]);
        if (!persons_needed.count(id)) return;
        persons[id] = {TextOf(r[1]), Derived(ports, TextOf(r[2]), IdentityStatsOf),
                       Derived(ports, TextOf(r[3]), SituationStatsOf)};
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
    rows(StatsSource::kPeriods, [&](const TextRow& r) {
        auto* entry = parcours.Find(IdOf(r[0]));
        auto start = DateOf(r[2]);
        auto end = DateOf(r[3]);
        if (entry == nullptr || !start || !end) return;
        entry->fact.periods.push_back({static_cast<int>(IdOf(r[1])), *start, *end, 0});
    });
    // Rights: AFIS granted by the MSA, APS issued.
    std::unordered_map<long long, std::vector<Date>> afis_payments;
    rows(StatsSource::kRights, [&](const TextRow& r) {
        long long parcours_id = IdOf(r[0]);
        auto* entry = parcours.Find(parcours_id);
        if (entry == nullptr) return;
        RightStats right = Derived(ports, TextOf(r[2]), RightStatsOf);
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
    // Demandes, their agenda, their first signed decision and its first notification; a
    // demande's person is its parcours'.
    struct DemandeEntry {
        Keyed<domain::DemandeFact> keyed;
        long long parcours = 0;
    };
    ById<DemandeEntry> demandes;
    demandes.Reserve(2 * parcours.Items().size());
    rows(StatsSource::kDemandes, [&](const TextRow& r) {
        if (!r[2]) return;
        long long parcours_id = IdOf(r[1]);
        const auto* p = parcours.Find(parcours_id);
        DemandeEntry d{{IdOf(r[0]), p ? p->person : 0, IdOf(r[5]), {}}, parcours_id};
        d.keyed.fact.departement = *r[2];
        d.keyed.fact.kind = TextOf(r[3]);
        d.keyed.fact.submitted = DateOf(r[4]);
        demandes.Put(d.keyed.id, std::move(d));
    });
    rows(StatsSource::kAgendaItems, [&](const TextRow& r) {
        DemandeEntry* entry = demandes.Find(IdOf(r[0]));
        if (entry == nullptr) return;
        domain::DemandeFact& d = entry->keyed.fact;
        auto tabled = DateOf(r[1]);
        if (!d.tabled || (tabled && *tabled < *d.tabled)) d.tabled = tabled;
        if (r[3]) {  // the latest avis wins (rows come in id order)
            d.avis = DateOf(r[4]);
            d.avis_outcome = *r[3];
        }
    });
    std::unordered_map<long long, DemandeEntry*> demande_of_decision;
    demande_of_decision.reserve(demandes.Items().size());
    rows(StatsSource::kDecisions, [&](const TextRow& r) {
        DemandeEntry* entry = demandes.Find(IdOf(r[1]));
        if (entry == nullptr || r[5] || entry->keyed.fact.decided) return;  // first, no correction
        entry->keyed.fact.decided = DateOf(r[4]);
        entry->keyed.fact.decision = TextOf(r[3]);
        demande_of_decision[IdOf(r[0])] = entry;
    });
    rows(StatsSource::kNotifications, [&](const TextRow& r) {
        auto d = demande_of_decision.find(IdOf(r[0]));
        if (d == demande_of_decision.end()) return;
        if (!d->second->keyed.fact.notified) d->second->keyed.fact.notified = DateOf(r[1]);
    });
    for (auto& [id, entry] : demandes.Items()) {
        domain::DemandeFact& d = entry.keyed.fact;
        if (!d.decided) continue;
        const auto* p = parcours.Find(entry.parcours);
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
    out.demandes.reserve(demandes.Items().size());
    for (auto& [id, entry] : demandes.Items()) out.demandes.push_back(std::move(entry.keyed));
    out.parcours.reserve(parcours.Items().size());
    for (auto& [id, entry] : parcours.Items()) out.parcours.push_back(std::move(entry));
    return out;
}

void LoadCommissionFacts(UnitOfWork& uow, domain::StatsFacts& f) {
    f.commissions.clear();
    f.agrements.clear();
    // Read in bulk: a commission's séances and members asked one commission at a time were
    // two hundred queries, 15 ms of each national computation.
    std::unordered_map<long long, std::size_t> commission_at;
    uow.Stats().StatsRows(StatsSource::kCommissions, [&](const TextRow& r) {
        if (!r[1]) return;
        commission_at[IdOf(r[0])] = f.commissions.size();
        f.commissions.push_back({*r[1], DateOf(r[2]), {}, {}});
    });
    auto commission = [&](const std::optional<std::string>& id) -> domain::CommissionFact* {
        auto it = commission_at.find(IdOf(id));
        return it == commission_at.end() ? nullptr : &f.commissions[it->second];
    };
    uow.Stats().StatsRows(StatsSource::kSeances, [&](const TextRow& r) {
        auto* c = commission(r[0]);
        auto date = DateOf(r[1]);
        if (c != nullptr && date) c->seances.push_back(*date);
    });
    uow.Stats().StatsRows(StatsSource::kMembers, [&](const TextRow& r) {
        auto* c = commission(r[0]);
        auto appointed = DateOf(r[1]);
        auto term_end = DateOf(r[2]);
        if (c != nullptr && appointed && term_end) {
            c->members.push_back({*appointed, *term_end, DateOf(r[3])});
        }
    });
    for (const auto& a : uow.Commission().ListAgrements(std::nullopt, std::nullopt)) {
        // Far in the future: the clocks as they will be, tacit approval included.
        auto clocks =
            domain::ComputeAgrementClocks(FactsOf(a), Date{std::chrono::year{9999} / 1 / 1});
        f.agrements.push_back({a.departement, a.association_id, clocks.approved_on,
                               clocks.valid_until, StoredDate(a.withdrawn_on)});
    }
}

}  // namespace parcours::usecases
