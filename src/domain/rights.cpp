#include "domain/rights.hpp"

#include <algorithm>
#include <chrono>

#include "domain/case_rules.hpp"

namespace parcours::domain {

namespace {

int DaysBetween(Date from, Date to) {
    return static_cast<int>((std::chrono::sys_days{to} - std::chrono::sys_days{from}).count());
}

Date PlusDays(Date date, int days) {
    return Date{std::chrono::sys_days{date} + std::chrono::days{days}};
}

}  // namespace

AfisEligibility CheckAfisEligibility(const std::vector<LegalParameter>& rows,
                                     const AfisApplication& a,
                                     const std::vector<Period>& periods,
                                     Date birth_date,
                                     const std::string& territory) {
    AfisEligibility out;
    bool in_period = std::any_of(periods.begin(), periods.end(), [&](const Period& p) {
        return p.start <= a.application_date && a.application_date <= p.end;
    });
    out.conditions.push_back({"in_period", "Parcours autorisé à la date de la demande", in_period,
                              in_period ? "" : "Aucune période autorisée ne couvre cette date."});
    int age = AgeInYears(birth_date, a.application_date);
    out.conditions.push_back({"adult", "Plus de 18 ans", age >= 18,
                              std::to_string(age) + " ans à la date de la demande"});
    bool lawful = a.residence_document == "french_or_eu" ||
                  a.residence_document == "residence_permit" || a.residence_document == "receipt" ||
                  a.residence_document == "aps_with_work";
    out.conditions.push_back(
        {"lawful_stay", "Séjour régulier ou APS autorisant à travailler", lawful,
         lawful ? ""
                : "Un titre de séjour, un récépissé ou une APS avec droit au travail est requis."});
    auto rsa = InForce(rows, "rsa_single", territory, a.application_date);
    bool below = rsa && a.resources_cents < rsa->value;
    out.conditions.push_back(
        {"resources_below_rsa",
         "Ressources du mois précédent inférieures au RSA pour une personne seule", below,
         rsa ? FormatEurosFrench(a.resources_cents) + " pour un plafond de " +
                   FormatEurosFrench(rsa->value) + " (" + rsa->source + ")"
             : "Aucun montant du RSA n'est connu à cette date."});
    out.conditions.push_back(
        {"no_rsa_or_ada", "Pas de droit au RSA ni à l'ADA", !a.rsa_or_ada_entitled,
         a.rsa_or_ada_entitled ? "La personne a droit au RSA ou à l'ADA." : ""});
    out.eligible = std::all_of(out.conditions.begin(), out.conditions.end(),
                               [](const Condition& c) { return c.met; });
    auto amount = ComputeAfis(rows, a.application_date, a.dependent_children, territory);
    if (amount) out.amount = amount.value();
    return out;
}

AfisEntitlement AfisEntitlementOf(const std::vector<Period>& periods,
                                  std::optional<Date> early_end_by_prefect) {
    AfisEntitlement out;
    if (!periods.empty()) out.until = periods.back().end;
    if (early_end_by_prefect) {
        auto next =
            std::chrono::year_month{early_end_by_prefect->year(), early_end_by_prefect->month()} +
            std::chrono::months{1};
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-%02u", static_cast<int>(next.year()),
                      static_cast<unsigned>(next.month()));
        out.stopped_from = buf;
        Date last_day{std::chrono::year_month_day_last{
            early_end_by_prefect->year(),
            std::chrono::month_day_last{early_end_by_prefect->month()}}};
        if (!out.until || last_day < *out.until) out.until = last_day;
    }
    return out;
}

std::vector<Alert> ParcoursAlerts(const ParcoursSnapshot& p, Date today) {
    std::vector<Alert> alerts;
    bool running = p.state == ParcoursState::kActive ||
                   p.state == ParcoursState::kRenewalSubmitted ||
                   p.state == ParcoursState::kRenewalOpinionGiven;
    if (!running || p.periods.empty()) return alerts;
    const Period& current = p.periods.back();
    if (today > current.end) return alerts;
    auto add = [&](const char* code, const char* severity, Date due, const std::string& text) {
        alerts.push_back({code, severity, due, p.pseudonym + " : " + text, p.id, p.pseudonym,
                          "parcours", p.id, p.pseudonym, 0});
    };
    const int days_left = DaysBetween(today, current.end);
    const std::string end_text = FormatFrenchDate(current.end);
    if (static_cast<int>(p.periods.size()) < kMaxPeriods) {
        // Sent back to the association (incomplete, ajournée), a renewal is not submitted.
        bool submitted =
            p.renewal_state && (*p.renewal_state == "submitted" || *p.renewal_state == "tabled" ||
                                *p.renewal_state == "avis_given");
        if (days_left <= 30 && !submitted) {
            add("renewal_not_submitted", "high", current.end,
                "la période " + std::to_string(current.number) + " se termine le " + end_text +
                    " et le renouvellement n'est pas déposé.");
        } else if (days_left <= 60 && !p.renewal_state) {
            add("renewal_not_started", "medium", current.end,
                "la période " + std::to_string(current.number) + " se termine le " + end_text +
                    " : préparez le renouvellement.");
        }
        if (days_left <= 15 && p.renewal_state == std::optional<std::string>("submitted")) {
            add("renewal_not_examined", "high", current.end,
                "le renouvellement déposé n'est inscrit à l'ordre du jour d'aucune séance de la "
                "commission ; la période se termine le " +
                    end_text + ".");
        }
    }
    if (p.aps_validity_end && *p.aps_validity_end < current.end) {
        add("aps_expires_before_period_end", "high", *p.aps_validity_end,
            "l'APS expire le " + FormatFrenchDate(*p.aps_validity_end) +
                ", avant la fin de la période (" + end_text + ") : demandez son renouvellement.");
    }
    const Date authorised = p.periods.front().start;
    if (!p.afis_applied && today >= PlusDays(authorised, 30)) {
        add("afis_not_applied", "medium", PlusDays(authorised, 30),
            "aucune demande d'AFIS enregistrée 30 jours après l'autorisation.");
    }
    const int periods_left = kMaxPeriods - static_cast<int>(p.periods.size());
    const Date cap =
        periods_left == 0 ? current.end : AddMonths(current.end, kPeriodMonths * periods_left);
    // Six calendar months before the cap (AddMonths clamps to the month's last day).
    if (today >= AddMonths(cap, -kPeriodMonths) &&
        !(p.has_housing_action && p.has_employment_or_training_action)) {
        add("no_exit_plan", "medium", cap,
            "les 24 mois s'achèvent le " + FormatFrenchDate(cap) +
                " et le document ne prévoit pas d'action de logement et d'emploi ou de formation.");
    }
    return alerts;
}

}  // namespace parcours::domain
