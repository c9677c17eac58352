// The indicators computed from the facts of a scope over a window (the catalogue:
// stats_catalogue.cpp; small-cell masking: stats_masking.cpp).
#include "domain/stats.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <set>

#include "domain/case_rules.hpp"
#include "domain/commission.hpp"

namespace parcours::domain {

namespace {

using enum IndicatorKind;
using enum Measure;

bool In(const std::optional<Date>& d, const StatsWindow& w) {
    return d && *d >= w.from && *d <= w.to;
}

bool InProgress(const ParcoursFact& p, Date at) {
    if (p.exit_date && *p.exit_date <= at) return false;
    return std::any_of(p.periods.begin(), p.periods.end(), [&](const Period& period) {
        return period.start <= at && at <= period.end;
    });
}

std::string NationalityGroup(const std::string& iso3) {
    static const std::set<std::string> kEu = {
        "AUT", "BEL", "BGR", "CYP", "CZE", "DEU", "DNK", "ESP", "EST", "FIN", "GRC", "HRV", "HUN",
        "IRL", "ITA", "LTU", "LUX", "LVA", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "SWE"};
    if (iso3.empty()) return "unknown";
    if (iso3 == "FRA") return "france";
    return kEu.count(iso3) ? "eu" : "non_eu";
}

// A deque: the references Add returns stay valid while more indicators are added.
struct Builder {
    std::deque<IndicatorResult> out;
    IndicatorResult& Add(std::string_view code) {
        IndicatorResult r;
        r.def = FindIndicator(code);
        out.push_back(std::move(r));
        return out.back();
    }
};

void Key(IndicatorResult& r, const std::string& key, const std::string& label) {
    if (!r.keys.count(key)) r.key_order.push_back(key);
    r.keys[key] = label;
}

void Count(IndicatorResult& r, const std::string& dept, const std::string& key) {
    ++r.counts[dept][key];
}

// Rates and delays per département and for all ("*").
struct Ratio {
    std::map<std::string, std::pair<long long, long long>> by;  // dept → (num, den)
    void Add(const std::string& dept, bool hit) {
        for (const std::string& k : {dept, std::string("*")}) {
            by[k].second += 1;
            if (hit) by[k].first += 1;
        }
    }
    void Into(IndicatorResult& r) const {
        for (const auto& [dept, nd] : by) {
            Figure f;
            f.numerator = nd.first;
            f.denominator = nd.second;
            if (nd.second > 0) f.value = 100.0 * static_cast<double>(nd.first) / nd.second;
            r.figures[dept] = f;
        }
    }
};

struct Delays {
    std::map<std::string, std::vector<int>> by;
    void Add(const std::string& dept, Date from, Date to) {
        int days = DaysBetween(from, to);
        if (days < 0) return;
        by[dept].push_back(days);
        by["*"].push_back(days);
    }
    void Into(IndicatorResult& r) const {
        for (const auto& [dept, values] : by) {
            Figure f;
            f.value = Percentile(values, 50);
            f.p90 = Percentile(values, 90);
            f.denominator = static_cast<long long>(values.size());
            r.figures[dept] = f;
        }
    }
};

}  // namespace

std::optional<double> Percentile(std::vector<int> values, int percent) {
    if (values.empty()) return std::nullopt;
    std::sort(values.begin(), values.end());
    // Nearest rank: the smallest value with at least `percent` % of the values at or below it.
    auto rank = static_cast<std::size_t>(
        std::ceil(static_cast<double>(percent) / 100.0 * static_cast<double>(values.size())));
    rank = std::clamp<std::size_t>(rank, 1, values.size());
    return values[rank - 1];
}

std::vector<IndicatorResult> ComputeIndicators(const StatsFacts& f, const StatsWindow& w) {
    Builder b;
    {
        auto& r = b.Add("referrals");
        for (const auto& c : ReferralSourceCodes())
            Key(r, std::string(c.code), std::string(c.label));
        for (const auto& x : f.referrals) {
            if (In(x.date, w)) Count(r, x.departement, x.source);
        }
    }
    {
        auto& assessed = b.Add("assessments");
        for (const auto& c : AssessmentOutcomeCodes()) {
            Key(assessed, std::string(c.code), std::string(c.label));
        }
        for (const auto& x : f.assessments) {
            if (In(x.date, w)) Count(assessed, x.departement, x.outcome);
        }
        auto& gap = b.Add("eligible_not_presented");
        for (const auto& c : NotPresentedReasonCodes()) {
            Key(gap, std::string(c.code), std::string(c.label));
        }
        Key(gap, "unspecified", "Motif non renseigné");
        for (const auto& x : f.assessments) {
            if (!In(x.date, w) || (x.outcome != "postpone" && x.outcome != "declined_by_person")) {
                continue;
            }
            Count(gap, x.departement, x.reason.empty() ? "unspecified" : x.reason);
        }
    }
    auto kinds = [](IndicatorResult& r) {
        Key(r, "initiale", "Demandes initiales");
        Key(r, "renouvellement", "Renouvellements");
    };
    auto& submitted = b.Add("demandes_submitted");
    kinds(submitted);
    auto& tabled = b.Add("demandes_tabled");
    kinds(tabled);
    auto& avis = b.Add("avis");
    Key(avis, "favorable", "Favorable");
    Key(avis, "defavorable", "Défavorable");
    Key(avis, "ajourne", "Ajourné");
    auto& decisions = b.Add("decisions");
    for (auto o : {DecisionOutcome::kAutorise, DecisionOutcome::kRefuse,
                   DecisionOutcome::kRenouvele, DecisionOutcome::kNonRenouvele}) {
        Key(decisions, std::string(DecisionCode(o)), std::string(DecisionLabel(o)));
    }
    Ratio acceptance, renewal, validated;
    Delays to_tabling, to_avis, to_decision, to_notification, to_aps, to_afis;
    for (const auto& d : f.demandes) {
        const std::string& dept = d.departement;
        bool initial = d.kind == "initiale";
        if (In(d.submitted, w)) Count(submitted, dept, d.kind);
        if (In(d.tabled, w)) {
            Count(tabled, dept, d.kind);
            if (d.submitted) to_tabling.Add(dept, *d.submitted, *d.tabled);
        }
        if (In(d.avis, w)) {
            Count(avis, dept, d.avis_outcome);
            if (d.submitted) to_avis.Add(dept, *d.submitted, *d.avis);
        }
        if (In(d.decided, w)) {
            Count(decisions, dept, d.decision);
            if (initial) acceptance.Add(dept, d.decision == "autorise");
            if (!initial) renewal.Add(dept, d.decision == "renouvele");
            if (d.submitted) to_decision.Add(dept, *d.submitted, *d.decided);
            if (d.notified) to_notification.Add(dept, *d.decided, *d.notified);
            bool positive = d.decision == "autorise" || d.decision == "renouvele";
            if (positive && d.aps_issued) to_aps.Add(dept, *d.decided, *d.aps_issued);
            if (positive && d.afis_first_payment) {
                to_afis.Add(dept, *d.decided, *d.afis_first_payment);
            }
        }
        // Validated requests: initial demandes submitted in the period, authorised (at any time
        // up to the end of the period).
        if (initial && In(d.submitted, w)) {
            validated.Add(dept, d.decision == "autorise" && d.decided && *d.decided <= w.to);
        }
    }
    acceptance.Into(b.Add("acceptance_rate"));
    renewal.Into(b.Add("renewal_rate"));
    validated.Into(b.Add("validated_requests_rate"));
    to_tabling.Into(b.Add("delay_submission_to_tabling"));
    to_avis.Into(b.Add("delay_submission_to_avis"));
    to_decision.Into(b.Add("delay_submission_to_decision"));
    to_notification.Into(b.Add("delay_decision_to_notification"));
    to_aps.Into(b.Add("delay_decision_to_aps"));
    to_afis.Into(b.Add("delay_decision_to_afis"));

    auto& in_progress = b.Add("parcours_in_progress");
    auto& entries = b.Add("entries");
    auto& renewals = b.Add("renewals");
    auto& exits = b.Add("exits");
    auto& since_2017 = b.Add("entered_since_2017");
    auto& by_sex = b.Add("persons_by_sex");
    auto& by_age = b.Add("persons_by_age");
    auto& by_nationality = b.Add("persons_by_nationality");
    auto& afis_recipients = b.Add("afis_recipients");
    auto& afis_granted = b.Add("afis_granted");
    auto& aps = b.Add("aps_issued");
    for (const auto& c : SexOrGenderCodes()) Key(by_sex, std::string(c.code), std::string(c.label));
    for (const char* band : {"<18", "18-24", "25-34", "35-44", "45-54", "55+"}) {
        Key(by_age, band, std::string(band) + " ans");
    }
    Key(by_nationality, "france", "France");
    Key(by_nationality, "eu", "Union européenne (hors France)");
    Key(by_nationality, "non_eu", "Hors Union européenne");
    Key(by_nationality, "unknown", "Non renseignée");
    Key(exits, "completed", "Parcours achevé (24 mois)");
    Key(exits, "not_renewed", "Non renouvelé");
    Key(exits, "ended_early_prefect", "Fin anticipée (préfet)");
    Key(exits, "ended_early_person", "Fin anticipée (personne)");
    Key(exits, "person_withdrew", "Retrait de la personne");
    Key(exits, "moved", "Départ du département");
    Key(exits, "lost_contact", "Perte de contact");
    Key(exits, "deceased", "Décès");
    std::vector<std::pair<IndicatorResult*, std::string>> exit_outcomes;
    for (const auto& [code, key] :
         {std::pair{"exits_by_housing", "housing"}, std::pair{"exits_by_activity", "activity"},
          std::pair{"exits_by_residence_title", "residence_title"},
          std::pair{"exits_by_income", "income_source"}}) {
        IndicatorResult& r = b.Add(code);
        for (const auto& list : ExitOutcomeLists()) {
            if (list.key != key) continue;
            for (const auto& c : list.codes) Key(r, std::string(c.code), std::string(c.label));
        }
        exit_outcomes.emplace_back(&r, key);
    }
    Ratio trafficking;
    Key(aps, "first", "Premières délivrances");
    Key(aps, "renewal", "Renouvellements");
    std::map<std::string, std::pair<double, long long>> durations;     // dept → (sum, n)
    std::map<std::string, std::pair<long long, long long>> afis_sums;  // dept → (cents, n)
    const Date since{std::chrono::year{2017} / 1 / 1};
    for (const auto& p : f.parcours) {
        const std::string& dept = p.departement;
        if (InProgress(p, w.at)) {
            Count(in_progress, dept, "");
            Count(by_sex, dept, p.sex_or_gender);
            if (p.birth_date) Count(by_age, dept, AgeBand(*p.birth_date, w.at));
            Count(by_nationality, dept, NationalityGroup(p.nationality));
            if (p.trafficking) trafficking.Add(dept, *p.trafficking);
            if (p.afis_granted && p.afis_granted_on && *p.afis_granted_on <= w.at) {
                Count(afis_recipients, dept, "");
            }
        }
        if (!p.periods.empty()) {
            Date first = p.periods.front().start;
            if (In(first, w)) Count(entries, dept, "");
            if (first >= since && first <= w.at) Count(since_2017, dept, "");
            for (std::size_t i = 1; i < p.periods.size(); ++i) {
                if (In(p.periods[i].start, w)) Count(renewals, dept, "");
            }
            if (In(p.exit_date, w)) {
                double months = DaysBetween(first, *p.exit_date) / (365.25 / 12.0);
                for (const std::string& k : {dept, std::string("*")}) {
                    durations[k].first += months;
                    durations[k].second += 1;
                }
            }
        }
        if (In(p.exit_date, w)) {
            Count(exits, dept, p.exit_reason);
            for (auto& [result, key] : exit_outcomes) {
                // A code of the list, else (free text of older exits, nothing) "unknown".
                auto it = p.exit_outcome.begin();
                while (it != p.exit_outcome.end() && it->first != key) ++it;
                bool listed = it != p.exit_outcome.end() && result->keys.count(it->second);
                Count(*result, dept, listed ? it->second : "unknown");
            }
        }
        if (p.afis_granted && In(p.afis_granted_on, w)) {
            Count(afis_granted, dept, "");
            for (const std::string& k : {dept, std::string("*")}) {
                afis_sums[k].first += p.afis_amount_cents;
                afis_sums[k].second += 1;
            }
        }
        for (std::size_t i = 0; i < p.aps_issued.size(); ++i) {
            if (In(p.aps_issued[i], w)) Count(aps, dept, i == 0 ? "first" : "renewal");
        }
    }
    trafficking.Into(b.Add("trafficking_share"));
    auto& amounts = b.Add("afis_monthly_amount");
    for (const auto& [dept, cn] : afis_sums) {
        Figure fig;
        fig.value = static_cast<double>(cn.first) / 100.0;
        fig.denominator = cn.second;
        amounts.figures[dept] = fig;
    }
    auto& mean = b.Add("mean_duration");
    for (const auto& [dept, sn] : durations) {
        Figure fig;
        fig.value = std::round(10.0 * sn.first / static_cast<double>(sn.second)) / 10.0;
        fig.denominator = sn.second;
        mean.figures[dept] = fig;
    }

    auto& installed = b.Add("commissions_installed");
    auto& held = b.Add("seances_held");
    auto& idle = b.Add("commissions_idle");
    auto& expired = b.Add("members_term_expired");
    for (const auto& c : f.commissions) {
        if (!c.installed_on || *c.installed_on > w.at) continue;
        Count(installed, c.departement, "");
        std::optional<Date> last;
        for (Date s : c.seances) {
            if (In(s, w) && s <= w.at) Count(held, c.departement, "");
            if (s <= w.at && (!last || s > *last)) last = s;
        }
        if (CommissionIdleAlert(0, c.departement, c.installed_on, last, w.at)) {
            Count(idle, c.departement, "");
        }
        for (const auto& m : c.members) {
            if (m.term_end < w.at && !m.ended_on) Count(expired, c.departement, "");
        }
    }
    auto& approved = b.Add("approved_associations");
    std::set<std::pair<std::string, long long>> seen;
    for (const auto& a : f.agrements) {
        bool valid = a.valid_from && *a.valid_from <= w.at && a.valid_until &&
                     w.at <= *a.valid_until && (!a.withdrawn_on || *a.withdrawn_on > w.at);
        if (valid && seen.insert({a.departement, a.association_id}).second) {
            Count(approved, a.departement, "");
        }
    }
    // The catalogue's order.
    std::vector<IndicatorResult> ordered;
    for (const auto& def : IndicatorCatalogue()) {
        for (auto& r : b.out) {
            if (r.def == &def) ordered.push_back(std::move(r));
        }
    }
    return ordered;
}

}  // namespace parcours::domain
