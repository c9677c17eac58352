#include "domain/retention.hpp"

#include <algorithm>
#include <chrono>

#include "domain/case_rules.hpp"

namespace parcours::domain {

namespace {

constexpr int kMaxMonths = 1200;

Date NextDay(Date date) {
    return Date{std::chrono::sys_days{date} + std::chrono::days{1}};
}

bool SameBandsThroughout(Date real, Date candidate, Date from, Date to) {
    for (auto day = std::chrono::sys_days{from}; day <= std::chrono::sys_days{to};
         day += std::chrono::days{1}) {
        if (AgeBand(real, Date{day}) != AgeBand(candidate, Date{day})) return false;
    }
    return true;
}

}  // namespace

Status CheckRetentionSettings(const RetentionSettings& settings) {
    if (settings.archive_after_months < 1 || settings.archive_after_months > kMaxMonths) {
        return Fail(ErrorCode::kValidationFailed,
                    "La durée avant archivage doit être comprise entre 1 et 1200 mois.",
                    "retention.archive_after_months");
    }
    if (settings.anonymise_after_months < 1 || settings.anonymise_after_months > kMaxMonths) {
        return Fail(ErrorCode::kValidationFailed,
                    "La durée d'archivage avant anonymisation doit être comprise entre 1 et "
                    "1200 mois.",
                    "retention.anonymise_after_months");
    }
    return Ok{};
}

std::string_view RetentionActionName(RetentionAction action) {
    switch (action) {
        case RetentionAction::kNone:
            return "none";
        case RetentionAction::kArchive:
            return "archive";
        case RetentionAction::kAnonymise:
            return "anonymise";
    }
    return "none";
}

std::optional<Date> AccompanimentEnd(const RetentionFacts& facts) {
    std::optional<Date> end = facts.last_activity;
    for (const auto& parcours_end : facts.parcours_ends) {
        if (!parcours_end) return std::nullopt;  // a parcours is still open
        if (!end || *parcours_end > *end) end = parcours_end;
    }
    return end;
}

RetentionDue RetentionDueOn(const RetentionFacts& facts,
                            const RetentionSettings& settings,
                            Date today) {
    if (facts.anonymised_on) return {};
    auto end = AccompanimentEnd(facts);
    if (!end) return {};
    Date archive_limit = AddMonths(*end, settings.archive_after_months);
    Date archive_due = NextDay(archive_limit);
    Date anonymise_due = NextDay(AddMonths(archive_limit, settings.anonymise_after_months));
    if (today >= anonymise_due) return {RetentionAction::kAnonymise, anonymise_due};
    if (facts.archived_on) return {RetentionAction::kNone, anonymise_due};
    if (today >= archive_due) return {RetentionAction::kArchive, archive_due};
    return {RetentionAction::kNone, archive_due};
}

std::optional<Date> CoarsenedBirthDate(Date birth,
                                       std::optional<Date> counted_from,
                                       std::optional<Date> counted_to) {
    if (!counted_from || !counted_to) return std::nullopt;
    Date from = std::min(*counted_from, *counted_to);
    Date to = std::max(*counted_from, *counted_to);
    const Date candidates[] = {
        Date{birth.year(), std::chrono::July, std::chrono::day{1}},
        Date{birth.year(), birth.month(), std::chrono::day{1}},
    };
    for (const Date& candidate : candidates) {
        if (SameBandsThroughout(birth, candidate, from, to)) return candidate;
    }
    return birth;
}

}  // namespace parcours::domain
