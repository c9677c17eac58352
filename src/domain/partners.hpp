#pragma once
// The partner network's rules (FR-CIDFF report, « Fiche 5 »): kinds of partner, the yearly review
// (an out-of-date directory is worse than none), coordinates, language codes, and the ",a,b,"
// form in which lists of codes are stored.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/case_rules.hpp"
#include "domain/dates.hpp"
#include "domain/rights.hpp"

namespace parcours::domain {

std::vector<Code> PartnerKindCodes();

// A partner is due for review 12 months after it was last verified; one never verified is due.
inline constexpr int kPartnerReviewMonths = 12;
std::optional<Date> PartnerReviewDueOn(std::optional<Date> last_verified);
bool PartnerReviewDue(std::optional<Date> last_verified, Date today);
// "partner_review_due" (low) for the editors of the partner's home département.
std::optional<Alert> PartnerReviewAlert(long long partner_id,
                                        const std::string& name,
                                        std::optional<Date> last_verified,
                                        Date today);

// WGS 84, wide enough for metropolitan France and the overseas départements.
bool LatitudeInFrance(double latitude);
bool LongitudeInFrance(double longitude);

// An ISO 639-1 code: two lowercase ASCII letters.
bool IsLanguageCode(std::string_view code);

// ",a,b," ↔ {a, b}: one LIKE '%,a,%' finds a code, whatever its place in the list.
std::string JoinCodeList(const std::vector<std::string>& codes);
std::vector<std::string> SplitCodeList(std::string_view stored);

// Lowercase ASCII with the French accents folded (é → e, ç → c…), for accent-insensitive search.
std::string FoldForSearch(std::string_view text);

}  // namespace parcours::domain
