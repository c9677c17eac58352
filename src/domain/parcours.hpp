#pragma once
// The parcours state machine and its periods (PRODUCT.md §3; CASF L121-9 II, R121-12-9 to
// R121-12-13). Pure: dates come in as parameters.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/dates.hpp"
#include "domain/result.hpp"

namespace parcours::domain {

enum class ParcoursState {
    kFileInPreparation,
    kSubmitted,
    kOpinionGiven,
    kRefused,
    kActive,
    kRenewalSubmitted,
    kRenewalOpinionGiven,
    kNotRenewed,
    kExited,
};

std::string_view StateName(ParcoursState state);
std::string_view StateLabel(ParcoursState state);
std::optional<ParcoursState> FindState(std::string_view name);

inline constexpr int kPeriodMonths = 6;  // R121-12-10: authorisation for six months
inline constexpr int kMaxPeriods = 4;    // renewable up to 24 months in total

struct Period {
    int number = 0;
    Date start;
    Date end;                 // inclusive
    int gap_days_before = 0;  // days without rights between the previous period and this one
};

// A period covers six calendar months: it ends the day before the same day-number six months
// later; when that day does not exist (a start on 29–31 August: there is no 29–31 February) it
// ends on the last day of that month.
Date PeriodEnd(Date start);

int MonthsUsed(const std::vector<Period>& periods);

enum class DemandeKind { kInitiale, kRenouvellement };

// The events that move a parcours (each one an event row).
enum class Transition {
    kSubmitDemande,
    kRecordAvis,
    kAuthorise,
    kRefuse,
    kAppealGranted,  // a court (or the préfet on a recours gracieux) grants what was refused
    kExit,
};

std::string_view TransitionName(Transition transition);

// The state after `transition` from `from`, or an error "transition_not_allowed" / "avis_missing".
Result<ParcoursState> Next(ParcoursState from,
                           Transition transition,
                           std::optional<DemandeKind> kind = std::nullopt);

// A renewal can be submitted only while a period is running or still to come (R121-12-9).
bool HasActivePeriod(const std::vector<Period>& periods, Date today);

// The next period for an authorisation starting on `start` (default: the day after the last
// period). Refuses a 5th period (max_duration_reached) and an overlap (field start_date).
Result<Period> NextPeriod(const std::vector<Period>& periods, std::optional<Date> start);

enum class ExitReason {
    kCompleted,
    kNotRenewed,
    kEndedEarlyPrefect,
    kEndedEarlyPerson,
    kPersonWithdrew,
    kMoved,
    kLostContact,
    kDeceased,
};

std::optional<ExitReason> FindExitReason(std::string_view name);
std::string_view ExitReasonName(ExitReason reason);

// Whether a parcours in `state` with `periods` may exit for `reason` on `date`; an early end by
// the préfet needs written reasons and a notification date (PRODUCT.md §3).
Status CheckExit(ParcoursState state,
                 const std::vector<Period>& periods,
                 ExitReason reason,
                 Date date,
                 bool has_reasons,
                 bool has_notification);

}  // namespace parcours::domain
