// Statistics: the dated records of the scope's départements become domain facts
// (statistics_facts.cpp: identities are opened only to derive an age band and a nationality
// group, never returned), the domain computes every indicator, and the answer masks small cells
// where the reader is an analyst or the figures leave as an export (statistics_export.cpp).
#include "usecases/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "domain/stats.hpp"
#include "usecases/audit_log.hpp"
#include "usecases/case_support.hpp"
#include "usecases/statistics_support.hpp"

namespace parcours::usecases {

namespace {

using domain::Date;
using Json = nlohmann::json;

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

std::string FrenchNumber(double value, int decimals) {
    double factor = std::pow(10.0, decimals);
    double rounded = std::round(value * factor) / factor;
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, rounded);
    std::string text = buffer;
    std::replace(text.begin(), text.end(), '.', ',');
    return text;
}

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
        // Everything the answer depends on; the data generation changes with every write.
        long long generation = uow->Stats().DataGeneration();
        auto compute = [&] {
            std::set<std::string> depts;
            for (const auto& d : scope.departements) depts.insert(d.code);
            std::vector<domain::IndicatorResult> results;
            ports.statistics_cache.store().With(
                ports, *uow, generation, depts, scope.association_id, scope.code == "national",
                [&](const domain::StatsFacts& facts) {
                    results = domain::ComputeIndicators(facts, {from, to, at});
                });
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

}  // namespace parcours::usecases
