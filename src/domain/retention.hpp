#pragma once
// Retention of personal data (CNIL): when a person's file moves to the restricted archive, and
// when it is anonymised. Pure rules: the caller gives the dates it read and the day to judge on.
//
// Source: CNIL, référentiel « durées de conservation » du secteur social et médico-social
// (délibération n° 2023-095 du 14 septembre 2023), « accueil, hébergement et accompagnement
// social »: active base for 2 years from the last contact with the person; then an intermediate
// archive, open to a few authorised people only, for as long as a legal need lasts (evidence,
// within the applicable limitation period); then deletion or anonymisation. The durations below
// are this instance's defaults; the operator's DPO fixes them in the configuration ([retention]).
#include <optional>
#include <string_view>
#include <vector>

#include "domain/dates.hpp"
#include "domain/result.hpp"

namespace parcours::domain {

struct RetentionSettings {
    int archive_after_months = 24;    // after the end of the accompaniment
    int anonymise_after_months = 36;  // after the archive date
};

// Both durations from 1 to 1200 months; the message names the configuration key.
Status CheckRetentionSettings(const RetentionSettings& settings);

// What is known of one person's file.
struct RetentionFacts {
    // One entry per parcours: the day it ended (its exit, or the refusal that closed it), or
    // nothing while it is still open.
    std::vector<std::optional<Date>> parcours_ends;
    // The latest dated record of the person: creation, referral, assessment, follow-up (also
    // after the exit), parcours event. A person never presented (no parcours) ends here.
    std::optional<Date> last_activity;
    std::optional<Date> archived_on;
    std::optional<Date> anonymised_on;
};

enum class RetentionAction { kNone, kArchive, kAnonymise };
std::string_view RetentionActionName(RetentionAction action);  // "none" | "archive" | "anonymise"

struct RetentionDue {
    RetentionAction action = RetentionAction::kNone;
    // The first day the action was due (kept for the report); for kNone, the next one if any.
    std::optional<Date> due_on;
};

// The end of the accompaniment: the latest of the parcours ends and of the activity; nothing
// while a parcours is open or when nothing is dated.
std::optional<Date> AccompanimentEnd(const RetentionFacts& facts);

// Archive "more than archive_after_months" after the end: due on the day after
// AddMonths(end, archive_after_months) (AddMonths' rule for the 31st: the last day of a shorter
// month). Anonymise anonymise_after_months after the archive became due, on the same rule;
// a file past both (a first run years later) is anonymised at once. Done files stay done.
RetentionDue RetentionDueOn(const RetentionFacts& facts,
                            const RetentionSettings& settings,
                            Date today);

// The birth date kept after anonymisation, as coarse as the statistics allow: 1 July of the
// birth year, else the 1st of the birth month, else the date itself — the first that gives the
// same age band (AgeBand) as the real date on every day from `counted_from` to `counted_to`, the
// days a statistic can count the person (her periods). Nothing when she was never counted.
std::optional<Date> CoarsenedBirthDate(Date birth,
                                       std::optional<Date> counted_from,
                                       std::optional<Date> counted_to);

}  // namespace parcours::domain
