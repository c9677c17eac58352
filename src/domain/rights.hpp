#pragma once
// Rights opened by an authorisation (CASF R121-12-13, R121-12-13-1; CESEDA L425-4) and the alerts
// that keep them from lapsing. Pure: dates and records come in as parameters.
#include <optional>
#include <string>
#include <vector>

#include "domain/legal_parameters.hpp"
#include "domain/parcours.hpp"

namespace parcours::domain {

struct AfisApplication {
    Date application_date;
    int dependent_children = 0;
    long long resources_cents = 0;  // household resources of the month before the application
    bool rsa_or_ada_entitled = false;
    std::string
        residence_document;  // french_or_eu | residence_permit | receipt | aps_with_work | none
};

struct Condition {
    std::string code;
    std::string label;
    bool met = false;
    std::string detail;
};

struct AfisEligibility {
    bool eligible = false;
    std::vector<Condition> conditions;
    std::optional<AfisAmount> amount;  // the expected monthly amount, when a scale is in force
};

// CASF R121-12-13-1: in an authorised period, over 18, lawful stay or APS with the right to work,
// resources of the previous month below the RSA for one person in force on the application date,
// not entitled to the RSA or the ADA.
AfisEligibility CheckAfisEligibility(const std::vector<LegalParameter>& rows,
                                     const AfisApplication& application,
                                     const std::vector<Period>& periods,
                                     Date birth_date,
                                     const std::string& territory);

// The AFIS follows the periods: it ends with the last authorised period; an early end decided by
// the préfet stops it from the month after the decision (décret 2017-1635).
struct AfisEntitlement {
    std::optional<Date> until;
    std::optional<std::string> stopped_from;  // "AAAA-MM"
};
AfisEntitlement AfisEntitlementOf(const std::vector<Period>& periods,
                                  std::optional<Date> early_end_by_prefect);

// Everything the alert rules need to know about one parcours.
struct ParcoursSnapshot {
    long long id = 0;
    std::string pseudonym;
    ParcoursState state = ParcoursState::kFileInPreparation;
    std::vector<Period> periods;
    std::optional<std::string> renewal_state;  // open renewal demande: draft | submitted | tabled |
                                               // incomplete | ajourne | avis_given
    bool afis_applied = false;
    std::optional<Date> aps_validity_end;  // of the latest issued APS
    bool has_housing_action = false;
    bool has_employment_or_training_action = false;
};

struct Alert {
    std::string code;
    std::string severity;  // high | medium | low
    Date due;
    std::string message;
    long long parcours_id = 0;
    std::string pseudonym;
    // Alerts on other records (agrément, commission, member, séance): their type, id and name.
    std::string record_type = "parcours";
    long long record_id = 0;
    std::string label;
    long long owner_id = 0;  // the association of an agrément, the commission of a member
};

std::vector<Alert> ParcoursAlerts(const ParcoursSnapshot& parcours, Date today);

}  // namespace parcours::domain
