#pragma once
// Statistics for the State (docs/indicators.md): dated indicators computed from the dated facts
// of the case history — never from counters kept beside them — and the statistical
// confidentiality rule (small cells shown as "< 11", with secondary suppression). Pure.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/dates.hpp"
#include "domain/interned.hpp"
#include "domain/parcours.hpp"

namespace parcours::domain {

// ---- Facts (one row per recorded thing, with its département and dates) ----

// The texts of the four kinds of fact kept by the hundred thousand are interned
// (domain/interned.hpp).
struct ReferralFact {
    Interned departement;
    Date date;
    Interned source;
};

struct AssessmentFact {
    Interned departement;
    Date date;
    Interned outcome;  // present | postpone | not_eligible | declined_by_person
    Interned reason;   // reason code, may be empty
};

struct DemandeFact {
    Interned departement;
    Interned kind;  // initiale | renouvellement
    std::optional<Date> submitted;
    std::optional<Date> tabled;
    std::optional<Date> avis;
    Interned avis_outcome;  // favorable | defavorable | ajourne (the latest)
    std::optional<Date> decided;
    Interned decision;  // autorise | refuse | renouvele | non_renouvele (first signed)
    std::optional<Date> notified;
    std::optional<Date> aps_issued;          // first APS issued after the decision
    std::optional<Date> afis_first_payment;  // first AFIS payment after the decision
};

struct ParcoursFact {
    Interned departement;
    Interned sex_or_gender;
    std::optional<Date> birth_date;
    Interned nationality;  // ISO 3166 alpha-3, upper case
    std::vector<Period> periods;
    std::optional<Date> exit_date;
    Interned exit_reason;
    // housing, activity, … → code: a few pairs in one block (a tree node per pair was 4 MB of the
    // facts kept for the country, usecases/statistics_store.hpp).
    std::vector<std::pair<Interned, Interned>> exit_outcome;
    std::optional<bool> trafficking;  // the person's situation of trafficking, when recorded
    bool afis_granted = false;
    std::optional<Date> afis_granted_on;
    long long afis_amount_cents = 0;  // the monthly amount the MSA granted
    std::vector<Date> aps_issued;     // issue dates, in order
};

struct CommissionFact {
    std::string departement;
    std::optional<Date> installed_on;
    std::vector<Date> seances;
    struct Member {
        Date appointed_on;
        Date term_end;
        std::optional<Date> ended_on;
    };
    std::vector<Member> members;
};

struct AgrementFact {
    std::string departement;
    long long association_id = 0;
    std::optional<Date> valid_from;   // approval (express or tacit)
    std::optional<Date> valid_until;  // inclusive
    std::optional<Date> withdrawn_on;
};

struct StatsFacts {
    std::vector<ReferralFact> referrals;
    std::vector<AssessmentFact> assessments;
    std::vector<DemandeFact> demandes;
    std::vector<ParcoursFact> parcours;
    std::vector<CommissionFact> commissions;
    std::vector<AgrementFact> agrements;
};

struct StatsWindow {
    Date from;  // flows: from … to, inclusive
    Date to;
    Date at;  // stocks: on this date
};

// ---- Indicators ----

enum class IndicatorKind { kStock, kFlow, kCumulative };
std::string_view KindName(IndicatorKind kind);  // stock | flow | cumulative

enum class Measure { kCount, kRate, kDays, kMonths, kEuros };

struct IndicatorDef {
    std::string_view code;
    std::string_view family;  // demandes, delais, parcours, personnes, droits, commission
    std::string_view label;
    IndicatorKind kind;
    Measure measure;
    std::string_view definition;  // French, shown next to the figure
};
const std::vector<IndicatorDef>& IndicatorCatalogue();
const IndicatorDef* FindIndicator(std::string_view code);

// A count for one département, split by category ("" = no split).
using Counts = std::map<std::string, std::map<std::string, long long>>;  // dept → key → n

struct Figure {
    std::optional<double> value;  // rate (0–100), median or mean; empty: nothing to compute on
    std::optional<double> p90;    // delays: the 90th percentile
    long long numerator = 0;      // rates
    long long denominator = 0;    // rates, delays, means: how many cases the figure rests on
};

struct IndicatorResult {
    const IndicatorDef* def = nullptr;
    Counts counts;                            // kCount indicators
    std::map<std::string, Figure> figures;    // other measures: dept → figure ("*" = all)
    std::map<std::string, std::string> keys;  // category key → French label
    std::vector<std::string> key_order;
};

// Every indicator of the catalogue over the facts (already restricted to the scope).
std::vector<IndicatorResult> ComputeIndicators(const StatsFacts& facts, const StatsWindow& window);

// The median and the 90th percentile (nearest rank) of a list of day counts.
std::optional<double> Percentile(std::vector<int> values, int percent);

// ---- Statistical confidentiality ----

inline constexpr int kDefaultSmallCellThreshold = 11;

// A table of counts (rows × columns) with its margins. Primary suppression hides every cell
// from 1 to threshold−1; secondary suppression then hides, in any row or column holding exactly
// one hidden cell, the smallest other non-zero cell, until no hidden cell can be recomputed
// from a published total. Zero is never hidden (an empty cell reveals nobody).
struct MaskedTable {
    std::vector<std::vector<long long>> cells;
    std::vector<std::vector<bool>> hidden;
    std::vector<long long> row_totals;
    std::vector<bool> row_total_hidden;
    std::vector<long long> column_totals;
    std::vector<bool> column_total_hidden;
    long long total = 0;
    bool total_hidden = false;
};
MaskedTable Mask(const std::vector<std::vector<long long>>& cells, int threshold);

}  // namespace parcours::domain
