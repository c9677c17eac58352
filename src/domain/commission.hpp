#pragma once
// The departmental commission (CASF R121-12-6 to R121-12-8) and the préfet's decision
// (R121-12-10): member categories and terms, convocation, quorum, the members' access window,
// recusal, votes, and which decision may follow which avis. Pure: dates are parameters.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/case_rules.hpp"
#include "domain/dates.hpp"
#include "domain/result.hpp"
#include "domain/rights.hpp"

namespace parcours::domain {

Date AddDays(Date date, int days);
int DaysBetween(Date from, Date to);  // to − from, in days

// ---- Members (R121-12-7) ----

// The categories of R121-12-7 as a versioned code list: the version in force on `date`
// (the police items changed on 1 December 2023).
struct MemberCategoryList {
    std::string_view version;  // "2021-01-01" or "2023-12-01"
    std::vector<Code> categories;
};
MemberCategoryList MemberCategoriesOn(Date date);
// Categories 1°, 9°, 10° and 11°: the préfet names the members by arrêté.
bool CategoryNeedsArrete(std::string_view category);
// Category 11° (approved associations): the member represents an association.
bool CategoryIsAssociation(std::string_view category);

inline constexpr int kMemberTermYears = 3;
// The last day of a 3-year term that starts on `appointed_on`.
Date MemberTermEnd(Date appointed_on);
bool MemberInOffice(Date appointed_on, Date term_end, std::optional<Date> ended_on, Date on);

// ---- Sessions ----

inline constexpr int kConvocationMinDays = 5;
inline constexpr int kMemberAccessDaysAfter = 30;
// A convocation sent fewer than 5 days before the session is allowed but flagged.
bool ConvocationLate(Date convocation_sent_on, Date seance_date);
// Members see the tabled files from the convocation until 30 days after the session.
bool MemberWindowOpen(std::optional<Date> convocation_sent_on, Date seance_date, Date today);
// Quorum: strictly more than `percent` % of the members in office, present or represented.
bool QuorumReached(int in_office, int present_or_represented, int percent);

// ---- Avis and decisions ----

enum class AvisOutcome { kFavorable, kDefavorable, kAjourne };
std::optional<AvisOutcome> FindAvisOutcome(std::string_view code);
std::string_view AvisLabel(std::string_view code);

struct VoteCount {
    int pour = 0;
    int contre = 0;
    int abstention = 0;
};
// The outcome must follow the vote (majority of votes cast; a tie follows the chair's casting
// vote, which the instructor records as the outcome). An ajournement may be decided either way.
Status CheckAvisAgainstVotes(AvisOutcome outcome, const VoteCount& votes, bool chair_casting_vote);

enum class DecisionOutcome { kAutorise, kRefuse, kRenouvele, kNonRenouvele, kFinAnticipee };
std::optional<DecisionOutcome> FindDecisionOutcome(std::string_view code);
std::string_view DecisionCode(DecisionOutcome outcome);
std::string_view DecisionLabel(DecisionOutcome outcome);
bool DecisionIsNegative(DecisionOutcome outcome);
// Whether `outcome` departs from the commission's avis (favourable → negative, or the reverse).
bool DepartsFromAvis(AvisOutcome avis, DecisionOutcome outcome);
// The outcomes allowed on a demande: autorise/refuse for an initial demande,
// renouvele/non_renouvele for a renewal (fin_anticipee is decided on a parcours).
Status CheckDecisionForDemande(DecisionOutcome outcome, bool renewal);

// ---- Alerts on the commission's and the agréments' dates (docs/domain §6.7) ----

inline constexpr int kAgrementExpiryAlertDays = 90;
inline constexpr int kMemberTermAlertDays = 60;
inline constexpr int kCommissionIdleMonths = 12;

// An agrément ending within 90 days with no renewal file filed.
std::optional<Alert> AgrementExpiryAlert(long long agrement_id,
                                         const std::string& association,
                                         Date valid_until,
                                         bool renewal_filed,
                                         Date today);
// A member whose 3-year term ends within 60 days.
std::optional<Alert> MemberTermAlert(long long member_id,
                                     const std::string& name,
                                     Date term_end,
                                     Date today);
// A commission that has not met for 12 months (it must meet at least once a year), counted from
// its last séance held, or from its installation when it never met.
std::optional<Alert> CommissionIdleAlert(long long commission_id,
                                         const std::string& departement,
                                         std::optional<Date> installed_on,
                                         std::optional<Date> last_seance,
                                         Date today);
// A séance within 5 days whose convocation has not been sent.
std::optional<Alert> ConvocationMissingAlert(long long seance_id,
                                             Date seance_date,
                                             std::optional<Date> convocation_sent_on,
                                             Date today);

// ---- Appeals ----
std::vector<Code> AppealKindCodes();
std::vector<Code> AppealOutcomeCodes();
std::vector<Code> NotificationChannelCodes();

}  // namespace parcours::domain
