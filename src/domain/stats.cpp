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

const std::vector<IndicatorDef> kCatalogue = {
    {"referrals", "demandes", "Orientations", kFlow, kCount,
     "Personnes orientées vers une association agréée, comptées à la date de l'orientation, "
     "par source de l'orientation."},
    {"assessments", "demandes", "Évaluations d'éligibilité", kFlow, kCount,
     "Évaluations d'éligibilité réalisées par les associations sur la grille de la commission, à "
     "leur date, par issue."},
    {"eligible_not_presented", "demandes", "Personnes éligibles non présentées", kFlow, kCount,
     "Évaluations concluant à un report ou au refus de la personne (personne éligible qui n'est "
     "pas présentée à la commission), par motif."},
    {"demandes_submitted", "demandes", "Demandes déposées", kFlow, kCount,
     "Demandes déposées par les associations auprès de la préfecture (premier dépôt), par type."},
    {"demandes_tabled", "demandes", "Demandes inscrites à l'ordre du jour", kFlow, kCount,
     "Demandes inscrites à l'ordre du jour d'une séance de la commission, à la date de "
     "l'inscription, par type."},
    {"avis", "demandes", "Avis de la commission", kFlow, kCount,
     "Avis rendus par la commission départementale en séance, à la date de la séance, par sens."},
    {"decisions", "demandes", "Décisions du préfet", kFlow, kCount,
     "Décisions signées par le préfet sur les demandes (hors corrections), à la date de "
     "signature, par sens."},
    {"acceptance_rate", "demandes", "Taux d'acceptation des demandes initiales", kFlow, kRate,
     "Demandes initiales autorisées ÷ demandes initiales ayant reçu une décision (autorisation ou "
     "refus) pendant la période, en %. Le dénominateur est indiqué."},
    {"renewal_rate", "demandes", "Taux de renouvellement", kFlow, kRate,
     "Renouvellements accordés ÷ demandes de renouvellement ayant reçu une décision pendant la "
     "période, en %."},
    {"validated_requests_rate", "demandes", "Taux de demandes validées (amendement II-220)", kFlow,
     kRate,
     "Demandes initiales autorisées pendant la période ÷ demandes initiales déposées pendant la "
     "période, en % : rapporte l'offre de parcours au besoin exprimé (proposition du Sénat, "
     "amendement II-220 au PLF 2025)."},
    {"delay_submission_to_tabling", "delais", "Délai du dépôt à l'inscription en séance", kFlow,
     kDays,
     "Jours entre le dépôt d'une demande et son inscription à l'ordre du jour, pour les demandes "
     "inscrites pendant la période : médiane et 90e centile."},
    {"delay_submission_to_avis", "delais", "Délai du dépôt à l'avis", kFlow, kDays,
     "Jours entre le dépôt d'une demande et l'avis de la commission, pour les avis rendus pendant "
     "la période : médiane et 90e centile."},
    {"delay_submission_to_decision", "delais", "Délai du dépôt à la décision", kFlow, kDays,
     "Jours entre le dépôt d'une demande et la décision du préfet, pour les décisions signées "
     "pendant la période : médiane et 90e centile."},
    {"delay_decision_to_notification", "delais", "Délai de la décision à sa notification", kFlow,
     kDays,
     "Jours entre la signature d'une décision et sa première notification enregistrée, pour les "
     "décisions signées pendant la période : médiane et 90e centile."},
    {"delay_decision_to_aps", "delais", "Délai de l'autorisation à la délivrance de l'APS", kFlow,
     kDays,
     "Jours entre une autorisation ou un renouvellement et la délivrance de l'autorisation "
     "provisoire de séjour qui suit, pour les décisions signées pendant la période : médiane et "
     "90e centile."},
    {"delay_decision_to_afis", "delais", "Délai de l'autorisation au premier versement de l'AFIS",
     kFlow, kDays,
     "Jours entre une autorisation et le premier versement de l'AFIS qui suit, pour les "
     "décisions signées pendant la période : médiane et 90e centile."},
    {"parcours_in_progress", "parcours", "Parcours en cours (indicateur 3.1 du programme 137)",
     kStock, kCount,
     "Parcours dont une période autorisée couvre la date d'observation : c'est l'indicateur 3.1 "
     "du programme budgétaire 137."},
    {"entries", "parcours", "Entrées en parcours", kFlow, kCount,
     "Parcours dont la première période commence pendant la période."},
    {"renewals", "parcours", "Renouvellements", kFlow, kCount,
     "Périodes 2 à 4 commençant pendant la période."},
    {"exits", "parcours", "Sorties de parcours", kFlow, kCount,
     "Parcours clos pendant la période, par motif de sortie."},
    {"exits_by_housing", "parcours", "Sorties de parcours selon le logement", kFlow, kCount,
     "Parcours clos pendant la période, selon la situation de logement de la personne à la "
     "sortie."},
    {"exits_by_activity", "parcours", "Sorties de parcours selon l'activité", kFlow, kCount,
     "Parcours clos pendant la période, selon l'activité de la personne à la sortie (emploi, "
     "formation, recherche d'emploi)."},
    {"exits_by_residence_title", "parcours", "Sorties de parcours selon le droit au séjour", kFlow,
     kCount,
     "Parcours clos pendant la période, selon le droit au séjour de la personne à la sortie."},
    {"exits_by_income", "parcours", "Sorties de parcours selon les ressources", kFlow, kCount,
     "Parcours clos pendant la période, selon la principale source de revenus de la personne à "
     "la sortie."},
    {"mean_duration", "parcours", "Durée moyenne des parcours clos", kFlow, kMonths,
     "Durée moyenne, en mois, entre le début de la première période et la sortie, des parcours "
     "clos pendant la période après au moins une période."},
    {"entered_since_2017", "parcours", "Personnes entrées en parcours depuis 2017", kCumulative,
     kCount,
     "Parcours dont la première période a commencé entre le 01/01/2017 et la date "
     "d'observation."},
    {"persons_by_sex", "personnes", "Personnes en parcours selon le sexe ou le genre", kStock,
     kCount, "Personnes dont un parcours est en cours à la date d'observation, par sexe ou genre."},
    {"persons_by_age", "personnes", "Personnes en parcours selon l'âge", kStock, kCount,
     "Personnes dont un parcours est en cours à la date d'observation, par tranche d'âge à cette "
     "date."},
    {"persons_by_nationality", "personnes", "Personnes en parcours selon la nationalité", kStock,
     kCount,
     "Personnes dont un parcours est en cours à la date d'observation, par groupe de "
     "nationalité (France, Union européenne, hors Union européenne)."},
    {"trafficking_share", "personnes",
     "Part des victimes de traite des êtres humains parmi les personnes en parcours", kStock, kRate,
     "Personnes dont un parcours est en cours à la date d'observation et dont la situation est "
     "renseignée : part de celles qui sont victimes de traite des êtres humains aux fins "
     "d'exploitation sexuelle. Le dénominateur ne compte que les situations renseignées (ce "
     "renseignement n'est jamais obligatoire)."},
    {"afis_recipients", "droits", "Bénéficiaires de l'AFIS", kStock, kCount,
     "Parcours en cours à la date d'observation dont l'AFIS a été accordée par la MSA."},
    {"afis_granted", "droits", "AFIS accordées", kFlow, kCount,
     "Aides financières à l'insertion sociale et professionnelle accordées par la MSA pendant la "
     "période (date du premier versement)."},
    {"afis_monthly_amount", "droits", "Montant mensuel des AFIS accordées", kFlow, kEuros,
     "Somme des montants mensuels des AFIS accordées par la MSA pendant la période (date du "
     "premier versement), en euros ; le dénominateur est le nombre d'AFIS accordées."},
    {"aps_issued", "droits", "Autorisations provisoires de séjour délivrées", kFlow, kCount,
     "APS délivrées pendant la période, premières délivrances et renouvellements."},
    {"commissions_installed", "commission", "Commissions installées", kStock, kCount,
     "Commissions départementales installées à la date d'observation."},
    {"seances_held", "commission", "Séances tenues", kFlow, kCount,
     "Séances de commission tenues pendant la période."},
    {"commissions_idle", "commission", "Commissions sans séance depuis 12 mois", kStock, kCount,
     "Commissions installées qui ne se sont pas réunies dans les 12 mois précédant la date "
     "d'observation (la commission se réunit au moins une fois par an)."},
    {"approved_associations", "commission", "Associations agréées", kStock, kCount,
     "Associations titulaires d'un agrément en cours de validité dans le département à la date "
     "d'observation (R121-12-3)."},
    {"members_term_expired", "commission", "Membres au mandat expiré", kStock, kCount,
     "Membres de commission dont le mandat de trois ans a pris fin sans renouvellement ni "
     "remplacement enregistré, à la date d'observation."},
};

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

std::string_view KindName(IndicatorKind kind) {
    switch (kind) {
        case kStock:
            return "stock";
        case kFlow:
            return "flow";
        case kCumulative:
            return "cumulative";
    }
    return "";
}

const std::vector<IndicatorDef>& IndicatorCatalogue() {
    return kCatalogue;
}

const IndicatorDef* FindIndicator(std::string_view code) {
    for (const auto& d : kCatalogue) {
        if (d.code == code) return &d;
    }
    return nullptr;
}

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
                auto it = p.exit_outcome.find(key);
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
    for (const auto& def : kCatalogue) {
        for (auto& r : b.out) {
            if (r.def == &def) ordered.push_back(std::move(r));
        }
    }
    return ordered;
}

MaskedTable Mask(const std::vector<std::vector<long long>>& cells, int threshold) {
    MaskedTable t;
    t.cells = cells;
    std::size_t rows = cells.size();
    std::size_t cols = rows ? cells[0].size() : 0;
    auto small = [&](long long v) { return v > 0 && v < threshold; };
    t.hidden.assign(rows, std::vector<bool>(cols, false));
    t.row_totals.assign(rows, 0);
    t.column_totals.assign(cols, 0);
    for (std::size_t r = 0; r < rows; ++r) {
        for (std::size_t c = 0; c < cols; ++c) {
            t.row_totals[r] += cells[r][c];
            t.column_totals[c] += cells[r][c];
            t.total += cells[r][c];
            t.hidden[r][c] = small(cells[r][c]);
        }
    }
    t.row_total_hidden.resize(rows);
    t.column_total_hidden.resize(cols);
    for (std::size_t r = 0; r < rows; ++r) t.row_total_hidden[r] = small(t.row_totals[r]);
    for (std::size_t c = 0; c < cols; ++c) t.column_total_hidden[c] = small(t.column_totals[c]);
    t.total_hidden = small(t.total);
    // Secondary suppression: a line (its cells and its total) must never hold exactly one hidden
    // value; hide the smallest other non-zero value of the line until it does not.
    // (std::vector<bool> has no addressable elements: the flags are chars while we work.)
    using Line = std::vector<std::pair<long long, char*>>;
    auto fix = [&](Line line) -> bool {
        int hidden = 0;
        for (auto& [value, flag] : line) hidden += *flag ? 1 : 0;
        if (hidden != 1) return false;
        char* pick = nullptr;
        long long best = 0;
        for (auto& [value, flag] : line) {
            if (*flag || value == 0) continue;
            if (!pick || value < best) {
                pick = flag;
                best = value;
            }
        }
        if (!pick) return false;
        *pick = 1;
        return true;
    };
    std::vector<std::vector<char>> h(rows, std::vector<char>(cols));
    std::vector<char> rh(rows), ch(cols);
    char th = t.total_hidden ? 1 : 0;
    for (std::size_t r = 0; r < rows; ++r) {
        rh[r] = t.row_total_hidden[r];
        for (std::size_t c = 0; c < cols; ++c) h[r][c] = t.hidden[r][c];
    }
    for (std::size_t c = 0; c < cols; ++c) ch[c] = t.column_total_hidden[c];
    for (bool changed = true; changed;) {
        changed = false;
        for (std::size_t r = 0; r < rows; ++r) {
            Line line;
            for (std::size_t c = 0; c < cols; ++c) line.push_back({cells[r][c], &h[r][c]});
            line.push_back({t.row_totals[r], &rh[r]});
            changed = fix(line) || changed;
        }
        for (std::size_t c = 0; c < cols; ++c) {
            Line line;
            for (std::size_t r = 0; r < rows; ++r) line.push_back({cells[r][c], &h[r][c]});
            line.push_back({t.column_totals[c], &ch[c]});
            changed = fix(line) || changed;
        }
        Line totals_row;
        for (std::size_t c = 0; c < cols; ++c) totals_row.push_back({t.column_totals[c], &ch[c]});
        totals_row.push_back({t.total, &th});
        changed = fix(totals_row) || changed;
        Line totals_column;
        for (std::size_t r = 0; r < rows; ++r) totals_column.push_back({t.row_totals[r], &rh[r]});
        totals_column.push_back({t.total, &th});
        changed = fix(totals_column) || changed;
    }
    for (std::size_t r = 0; r < rows; ++r) {
        t.row_total_hidden[r] = rh[r];
        for (std::size_t c = 0; c < cols; ++c) t.hidden[r][c] = h[r][c];
    }
    for (std::size_t c = 0; c < cols; ++c) t.column_total_hidden[c] = ch[c];
    t.total_hidden = th;
    return t;
}

}  // namespace parcours::domain
