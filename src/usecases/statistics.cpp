// Statistics: the dated records of the scope's départements become domain facts (identities are
// opened only to derive an age band and a nationality group, never returned), the domain
// computes every indicator, and the answer masks small cells where the reader is an analyst or
// the figures leave as an export.
#include "usecases/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "domain/agrement.hpp"
#include "domain/case_rules.hpp"
#include "domain/csv.hpp"
#include "domain/stats.hpp"
#include "usecases/audit_log.hpp"
#include "usecases/case_support.hpp"
#include "usecases/commission_support.hpp"

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

struct Scope {
    std::string code;   // national | region:CODE | departement:CODE | association:ID
    std::string label;  // French
    std::vector<DepartementRecord> departements;
    domain::Target target;
    std::optional<long long> association_id;  // an association's activity report
};

Scope ResolveScope(UnitOfWork& uow, const std::string& scope) {
    Scope s;
    s.code = scope;
    auto all = uow.Reference().ListDepartements();
    if (scope == "national") {
        s.label = "France entière";
        s.departements = all;
        return s;
    }
    auto colon = scope.find(':');
    std::string kind = scope.substr(0, colon);
    std::string code = colon == std::string::npos ? "" : scope.substr(colon + 1);
    if (kind == "association") {
        std::optional<AssociationRecord> association;
        if (!code.empty() && code.size() < 19 &&
            code.find_first_not_of("0123456789") == std::string::npos) {
            association = uow.Cases().FindAssociation(std::stoll(code));
        }
        if (!association) Reject("scope", "Cette association n'existe pas.");
        // Its activity wherever it works: every département (its parcours say where).
        s.label = association->name;
        s.departements = all;
        s.association_id = association->id;
        s.target.association_id = association->id;
        return s;
    }
    for (const auto& d : all) {
        if (kind == "region" && d.region_code == code) {
            s.departements.push_back(d);
            s.label = "Région " + d.region_name;
        }
        if (kind == "departement" && d.code == code) {
            s.departements.push_back(d);
            s.label = d.name + " (" + d.code + ")";
        }
    }
    if (s.departements.empty()) {
        Reject("scope",
               "Périmètre attendu : national, region:CODE ou departement:CODE (code INSEE).");
    }
    s.target.region = s.departements.front().region_code;
    if (kind == "departement") s.target.departement = code;
    return s;
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

std::string FrenchNumber(double value, int decimals) {
    double factor = std::pow(10.0, decimals);
    double rounded = std::round(value * factor) / factor;
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, rounded);
    std::string text = buffer;
    std::replace(text.begin(), text.end(), '.', ',');
    return text;
}

std::string UnitOf(domain::Measure m) {
    switch (m) {
        case domain::Measure::kCount:
            return "nombre";
        case domain::Measure::kRate:
            return "%";
        case domain::Measure::kDays:
            return "jours";
        case domain::Measure::kMonths:
            return "mois";
        case domain::Measure::kEuros:
            return "€";
    }
    return "";
}

std::string KindLabel(domain::IndicatorKind kind) {
    switch (kind) {
        case domain::IndicatorKind::kStock:
            return "Stock à la date d'observation";
        case domain::IndicatorKind::kFlow:
            return "Flux sur la période";
        case domain::IndicatorKind::kCumulative:
            return "Cumul depuis le 01/01/2017";
    }
    return "";
}

// 12345 → "12 345" (narrow no-break space between thousands, as French typography writes it).
std::string Grouped(long long value) {
    std::string digits = std::to_string(value < 0 ? -value : value);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += "\u202F";
        out += digits[i];
    }
    return value < 0 ? "-" + out : out;
}

// A count cell as the API shows it: its value, or nothing when masked.
Json CountCell(long long value, bool hidden, int threshold) {
    if (hidden)
        return {{"value", nullptr},
                {"suppressed", true},
                {"display", "< " + std::to_string(threshold)}};
    return {{"value", value}, {"suppressed", false}, {"display", Grouped(value)}};
}

// A rate, a delay or a mean: masked when it rests on too few cases, or (rates) when its
// numerator or its complement is a small cell that the denominator would reveal.
Json FigureCell(const domain::Figure& f, domain::Measure measure, bool mask, int threshold) {
    auto small = [&](long long n) { return n > 0 && n < threshold; };
    bool hidden = mask && (small(f.denominator) ||
                           (measure == domain::Measure::kRate &&
                            (small(f.numerator) || small(f.denominator - f.numerator))));
    Json out = {
        {"denominator", mask && small(f.denominator) ? Json(nullptr) : Json(f.denominator)}};
    if (measure == domain::Measure::kRate)
        out["numerator"] = hidden ? Json(nullptr) : Json(f.numerator);
    if (hidden || !f.value) {
        out["value"] = nullptr;
        out["suppressed"] = hidden;
        out["display"] = hidden ? "secret statistique" : "—";
        if (measure == domain::Measure::kDays) out["p90"] = nullptr;
        return out;
    }
    int decimals = measure == domain::Measure::kDays    ? 0
                   : measure == domain::Measure::kEuros ? 2
                                                        : 1;
    double scale = measure == domain::Measure::kEuros ? 100.0 : 10.0;
    out["value"] = std::round(*f.value * scale) / scale;
    out["suppressed"] = false;
    out["display"] = FrenchNumber(*f.value, decimals) + "\u00A0" + UnitOf(measure);
    if (measure == domain::Measure::kDays) out["p90"] = f.p90 ? Json(*f.p90) : Json(nullptr);
    return out;
}

Json IndicatorJson(const domain::IndicatorResult& r, const Scope& scope, bool mask, int threshold) {
    const auto& def = *r.def;
    Json out = {{"code", def.code},
                {"family", def.family},
                {"label", def.label},
                {"kind", domain::KindName(def.kind)},
                {"kind_label", KindLabel(def.kind)},
                {"unit", UnitOf(def.measure)},
                {"definition", def.definition}};
    bool per_departement = scope.departements.size() > 1 && !scope.association_id;
    if (def.measure == domain::Measure::kCount) {
        std::vector<std::string> keys =
            r.key_order.empty() ? std::vector<std::string>{""} : r.key_order;
        std::vector<std::vector<long long>> cells;
        for (const auto& d : scope.departements) {
            std::vector<long long> row;
            auto by = r.counts.find(d.code);
            for (const auto& k : keys) {
                long long v = 0;
                if (by != r.counts.end()) {
                    auto it = by->second.find(k);
                    if (it != by->second.end()) v = it->second;
                }
                row.push_back(v);
            }
            cells.push_back(row);
        }
        domain::MaskedTable t = domain::Mask(cells, mask ? threshold : 1);
        Json total = CountCell(t.total, t.total_hidden, threshold);
        out["value"] = total["value"];
        out["suppressed"] = total["suppressed"];
        out["display"] = total["display"];
        out["breakdown"] = Json::array();
        if (!r.key_order.empty()) {
            for (std::size_t c = 0; c < keys.size(); ++c) {
                Json cell = CountCell(t.column_totals[c], t.column_total_hidden[c], threshold);
                cell["key"] = keys[c];
                cell["label"] = r.keys.at(keys[c]);
                out["breakdown"].push_back(cell);
            }
        }
        if (per_departement) {
            out["by_departement"] = Json::array();
            for (std::size_t i = 0; i < scope.departements.size(); ++i) {
                Json cell = CountCell(t.row_totals[i], t.row_total_hidden[i], threshold);
                cell["code"] = scope.departements[i].code;
                cell["name"] = scope.departements[i].name;
                out["by_departement"].push_back(cell);
            }
        }
        return out;
    }
    auto figure = [&](const std::string& key) {
        auto it = r.figures.find(key);
        return it == r.figures.end() ? domain::Figure{} : it->second;
    };
    Json all = FigureCell(figure(scope.departements.size() == 1 ? scope.departements[0].code : "*"),
                          def.measure, mask, threshold);
    for (auto& [k, v] : all.items()) out[k] = v;
    if (per_departement) {
        out["by_departement"] = Json::array();
        for (const auto& d : scope.departements) {
            Json cell = FigureCell(figure(d.code), def.measure, mask, threshold);
            cell["code"] = d.code;
            cell["name"] = d.name;
            out["by_departement"].push_back(cell);
        }
    }
    return out;
}

}  // namespace

domain::Result<StatisticsCache::Result> GetStatistics(Ports& ports,
                                                      const std::optional<Principal>& who,
                                                      const StatsQuery& query,
                                                      const StatsSettings& settings,
                                                      const RequestMeta& meta,
                                                      domain::Instant now) {
    return Guard([&]() -> domain::Result<StatisticsCache::Result> {
        if (who && !domain::WidestScope(who->user.role, domain::Action::kReadStatistics)) {
            NotFoundError();
        }
        auto uow = ports.storage.BeginRead();
        Scope scope = ResolveScope(*uow, query.scope);
        if (who &&
            !domain::IsAllowed(who->Subject(), domain::Action::kReadStatistics, scope.target)) {
            throw Invalid{domain::Fail(domain::ErrorCode::kForbidden,
                                       "Ce périmètre statistique n'est pas le vôtre.", "scope")};
        }
        Date today = TodayOf(now);
        auto parse = [&](const std::optional<std::string>& text, const char* field) {
            if (!text || text->empty()) return std::optional<Date>();
            auto date = domain::ParseIsoDate(*text);
            if (!date) Reject(field, "Date invalide : format attendu AAAA-MM-JJ.");
            return date;
        };
        Date to = parse(query.to, "to").value_or(today);
        Date from = parse(query.from, "from").value_or(Date{to.year() / 1 / 1});
        Date at = parse(query.at, "at").value_or(to);
        if (from > to) Reject("from", "Le début de la période suit sa fin.");
        // Analysts and every export see small cells masked; the prefecture its own département
        // and an association its own activity as they are.
        bool own_figures = who && (who->user.role == domain::Role::kPrefectureInstructor ||
                                   who->user.role == domain::Role::kSignatory ||
                                   who->user.role == domain::Role::kAssociationAdmin);
        bool mask = query.for_export || !own_figures;
        int threshold = std::max(2, settings.small_cell_threshold);
        auto compute = [&] {
            std::set<std::string> depts;
            for (const auto& d : scope.departements) depts.insert(d.code);
            StatisticsMemo& memo = ports.statistics_cache.memo();
            std::uint64_t epoch = memo.Begin();
            auto facts = LoadFacts(ports, *uow, depts, scope.association_id, memo, epoch);
            // Every record was seen: the values of records changed or deleted since go.
            if (scope.code == "national") memo.SawEverything(epoch);
            auto results = domain::ComputeIndicators(facts, {from, to, at});
            Json indicators = Json::array();
            for (const auto& r : results) {
                bool commission = r.def->family == std::string_view("commission");
                if (commission && scope.association_id) continue;  // not an association's activity
                // Commissions, séances, agréments and members are not persons: never masked.
                bool persons = !commission;
                indicators.push_back(IndicatorJson(r, scope, mask && persons, threshold));
            }
            return Json{{"scope", scope.code},
                        {"scope_label", scope.label},
                        {"from", domain::FormatIsoDate(from)},
                        {"to", domain::FormatIsoDate(to)},
                        {"at", domain::FormatIsoDate(at)},
                        {"masked", mask},
                        {"threshold", threshold},
                        {"indicators", indicators}};
        };
        // Everything the answer depends on; the data generation changes with every write.
        long long generation = uow->Stats().DataGeneration();
        std::string key = std::to_string(generation) + "|" + scope.code + "|" +
                          domain::FormatIsoDate(from) + "|" + domain::FormatIsoDate(to) + "|" +
                          domain::FormatIsoDate(at) + "|" + (mask ? "masked" : "exact") + "|" +
                          std::to_string(threshold);
        auto out = ports.statistics_cache.Get(
            key, compute, static_cast<std::uint64_t>(std::max(generation, 0LL)));
        AppendAudit(*uow, ports.crypto,
                    {who ? who->user.id : 0, query.for_export ? "stats.export" : "stats.read",
                     "statistics", scope.code},
                    meta, now);
        uow->Commit();
        return out;
    });
}

std::string StatisticsCsv(const Json& s) {
    auto field = [](const std::string& text) { return domain::CsvField(text); };
    std::string unit;
    auto value = [&](const Json& cell) -> std::string {
        if (cell.value("suppressed", false)) return cell.value("display", "");
        if (cell["value"].is_null()) return "";
        if (cell["value"].is_number_integer())
            return std::to_string(cell["value"].get<long long>());
        return FrenchNumber(cell["value"].get<double>(), unit == "€" ? 2 : 1);
    };
    auto french = [](const Json& iso) {
        auto date = domain::ParseIsoDate(iso.get<std::string>());
        return date ? domain::FormatFrenchDate(*date) : iso.get<std::string>();
    };
    std::string out(domain::kUtf8Bom);  // French spreadsheets then read UTF-8
    out +=
        "Indicateur;Code;Nature;Unité;Périmètre;Du;Au;Date d'observation;Département;"
        "Catégorie;Valeur;Dénominateur;Définition\r\n";
    for (const auto& ind : s["indicators"]) {
        unit = ind["unit"].get<std::string>();
        auto line = [&](const std::string& dept, const std::string& category, const Json& cell) {
            std::string denominator;
            if (cell.contains("denominator") && cell["denominator"].is_number()) {
                denominator = std::to_string(cell["denominator"].get<long long>());
            }
            out += field(ind["label"]) + ";" + field(ind["code"]) + ";" + field(ind["kind_label"]) +
                   ";" + field(ind["unit"]) + ";" + field(s["scope_label"]) + ";" +
                   french(s["from"]) + ";" + french(s["to"]) + ";" + french(s["at"]) + ";" +
                   field(dept) + ";" + field(category) + ";" + value(cell) + ";" + denominator +
                   ";" + field(ind["definition"]) + "\r\n";
        };
        line("", "", ind);
        if (ind.contains("breakdown")) {
            for (const auto& b : ind["breakdown"]) line("", b["label"], b);
        }
        if (ind.contains("by_departement")) {
            for (const auto& d : ind["by_departement"]) {
                line(d["code"].get<std::string>() + " " + d["name"].get<std::string>(), "", d);
            }
        }
    }
    return out;
}

Workbook StatisticsWorkbook(const Json& s) {
    static const std::vector<std::pair<std::string, std::string>> kFamilies = {
        {"demandes", "Demandes et décisions"},
        {"delais", "Délais"},
        {"parcours", "Parcours"},
        {"personnes", "Personnes"},
        {"droits", "Droits"},
        {"commission", "Commissions et agréments"}};
    auto french = [](const Json& iso) {
        auto date = domain::ParseIsoDate(iso.get<std::string>());
        return date ? domain::FormatFrenchDate(*date) : iso.get<std::string>();
    };
    auto cell = [](const Json& c) -> SheetCell {
        if (c.value("suppressed", false)) return c.value("display", std::string());
        if (c["value"].is_number()) return c["value"].get<double>();
        return std::monostate{};
    };
    auto denominator = [](const Json& c) -> SheetCell {
        if (c.contains("denominator") && c["denominator"].is_number()) {
            return c["denominator"].get<double>();
        }
        return std::monostate{};
    };
    Workbook book;
    book.title = "Parcours — statistiques — " + s["scope_label"].get<std::string>();
    Sheet about{"Périmètre", {"Élément", "Valeur"}, {28, 70}, {}};
    about.rows.push_back({std::string("Périmètre"), s["scope_label"].get<std::string>()});
    about.rows.push_back(
        {std::string("Période (flux)"), "du " + french(s["from"]) + " au " + french(s["to"])});
    about.rows.push_back({std::string("Date d'observation (stocks)"), french(s["at"])});
    about.rows.push_back(
        {std::string("Secret statistique"),
         "Les effectifs de 1 à " + std::to_string(s["threshold"].get<int>() - 1) +
             " sont remplacés par « < " + std::to_string(s["threshold"].get<int>()) +
             " », avec une suppression secondaire qui empêche de les recalculer."});
    book.sheets.push_back(about);
    for (const auto& [family, name] : kFamilies) {
        Sheet sheet{name,
                    {"Indicateur", "Code", "Nature", "Unité", "Département", "Catégorie", "Valeur",
                     "Dénominateur"},
                    {40, 26, 24, 9, 26, 34, 14, 14},
                    {}};
        for (const auto& ind : s["indicators"]) {
            if (ind["family"] != family) continue;
            auto row = [&](const std::string& dept, const std::string& category, const Json& c) {
                sheet.rows.push_back(
                    {ind["label"].get<std::string>(), ind["code"].get<std::string>(),
                     ind["kind_label"].get<std::string>(), ind["unit"].get<std::string>(), dept,
                     category, cell(c), denominator(c)});
            };
            row("", "", ind);
            for (const auto& b : ind.value("breakdown", Json::array())) {
                row("", b["label"].get<std::string>(), b);
            }
            for (const auto& d : ind.value("by_departement", Json::array())) {
                row(d["code"].get<std::string>() + " " + d["name"].get<std::string>(), "", d);
            }
        }
        book.sheets.push_back(std::move(sheet));
    }
    Sheet definitions{"Définitions",
                      {"Code", "Indicateur", "Nature", "Unité", "Définition"},
                      {26, 40, 24, 9, 90},
                      {}};
    for (const auto& ind : s["indicators"]) {
        definitions.rows.push_back({ind["code"].get<std::string>(), ind["label"].get<std::string>(),
                                    ind["kind_label"].get<std::string>(),
                                    ind["unit"].get<std::string>(),
                                    ind["definition"].get<std::string>()});
    }
    book.sheets.push_back(std::move(definitions));
    return book;
}

}  // namespace parcours::usecases
