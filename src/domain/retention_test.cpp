#include "domain/retention.hpp"

#include <gtest/gtest.h>

#include "domain/policy.hpp"

namespace parcours::domain {
namespace {

Date D(const char* iso) {
    return *ParseIsoDate(iso);
}

std::string Iso(const std::optional<Date>& date) {
    return date ? FormatIsoDate(*date) : "none";
}

RetentionFacts ExitedOn(const char* exit) {
    RetentionFacts facts;
    facts.parcours_ends = {D(exit)};
    facts.last_activity = D("2012-01-10");  // the referral, before every exit below
    return facts;
}

TEST(Retention, NothingWhileAParcoursIsOpen) {
    RetentionFacts facts;
    facts.parcours_ends = {D("2015-03-01"), std::nullopt};
    facts.last_activity = D("2015-01-01");
    RetentionDue due = RetentionDueOn(facts, {}, D("2040-01-01"));
    EXPECT_EQ(due.action, RetentionAction::kNone);
    EXPECT_FALSE(due.due_on);
}

TEST(Retention, ArchivedTheDayAfterTwentyFourMonthsFromTheExit) {
    RetentionFacts facts = ExitedOn("2022-05-15");
    EXPECT_EQ(RetentionDueOn(facts, {}, D("2024-05-15")).action, RetentionAction::kNone);
    EXPECT_EQ(Iso(RetentionDueOn(facts, {}, D("2024-05-15")).due_on), "2024-05-16");
    RetentionDue due = RetentionDueOn(facts, {}, D("2024-05-16"));
    EXPECT_EQ(due.action, RetentionAction::kArchive);
    EXPECT_EQ(Iso(due.due_on), "2024-05-16");
}

TEST(Retention, TheThirtyFirstFollowsAddMonths) {
    // 31 August + 6 months = 28 February: archived from 1 March.
    EXPECT_EQ(Iso(RetentionDueOn(ExitedOn("2022-08-31"), {6, 36}, D("2023-01-01")).due_on),
              "2023-03-01");
    RetentionSettings short_archive{11, 36};
    RetentionDue due = RetentionDueOn(ExitedOn("2025-03-31"), short_archive, D("2026-01-01"));
    EXPECT_EQ(Iso(due.due_on), "2026-03-01");  // the day after 2026-02-28
    RetentionFacts leap = ExitedOn("2024-02-29");
    EXPECT_EQ(Iso(RetentionDueOn(leap, {}, D("2025-01-01")).due_on), "2026-03-01");
}

TEST(Retention, AnonymisedThirtySixMonthsAfterTheArchive) {
    RetentionFacts facts = ExitedOn("2022-05-15");
    facts.archived_on = D("2024-06-01");  // archived late: the clock still runs from the exit
    RetentionDue waiting = RetentionDueOn(facts, {}, D("2027-05-15"));
    EXPECT_EQ(waiting.action, RetentionAction::kNone);
    EXPECT_EQ(Iso(waiting.due_on), "2027-05-16");
    RetentionDue due = RetentionDueOn(facts, {}, D("2027-05-16"));
    EXPECT_EQ(due.action, RetentionAction::kAnonymise);
    facts.anonymised_on = D("2027-05-16");
    EXPECT_EQ(RetentionDueOn(facts, {}, D("2035-01-01")).action, RetentionAction::kNone);
}

TEST(Retention, AFilePastBothDurationsIsAnonymisedAtOnce) {
    RetentionDue due = RetentionDueOn(ExitedOn("2015-01-01"), {}, D("2026-11-25"));
    EXPECT_EQ(due.action, RetentionAction::kAnonymise);
    EXPECT_EQ(Iso(due.due_on), "2020-01-02");
}

TEST(Retention, LaterActivityPostponesTheArchive) {
    // A follow-up after the exit is still accompaniment: the clock starts from it.
    RetentionFacts facts = ExitedOn("2022-05-15");
    facts.last_activity = D("2023-02-01");
    EXPECT_EQ(Iso(AccompanimentEnd(facts)), "2023-02-01");
    EXPECT_EQ(RetentionDueOn(facts, {}, D("2024-06-01")).action, RetentionAction::kNone);
    EXPECT_EQ(RetentionDueOn(facts, {}, D("2025-02-02")).action, RetentionAction::kArchive);
}

TEST(Retention, APersonNeverPresentedEndsAtHerLastRecord) {
    RetentionFacts facts;
    facts.last_activity = D("2023-03-10");  // a referral, an assessment "not eligible"
    EXPECT_EQ(RetentionDueOn(facts, {}, D("2025-03-10")).action, RetentionAction::kNone);
    EXPECT_EQ(RetentionDueOn(facts, {}, D("2025-03-11")).action, RetentionAction::kArchive);
    EXPECT_EQ(RetentionDueOn(RetentionFacts{}, {}, D("2040-01-01")).action,
              RetentionAction::kNone);  // nothing dated: nothing decided
}

TEST(Retention, TheDurationsAreSettings) {
    RetentionSettings settings{6, 12};
    RetentionFacts facts = ExitedOn("2024-01-10");
    EXPECT_EQ(RetentionDueOn(facts, settings, D("2024-07-11")).action, RetentionAction::kArchive);
    EXPECT_EQ(RetentionDueOn(facts, settings, D("2025-07-11")).action, RetentionAction::kAnonymise);
    EXPECT_TRUE(CheckRetentionSettings(settings).ok());
    auto bad = CheckRetentionSettings({0, 36});
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().field, "retention.archive_after_months");
    EXPECT_EQ(CheckRetentionSettings({24, 1201}).error().field, "retention.anonymise_after_months");
}

TEST(Retention, BirthDateKeptOnlyAsPreciseAsTheAgeBandsNeed) {
    // Counted from 2019-01-01 to 2020-06-30: born 1990-03-14, 28 to 30 years old, one band.
    EXPECT_EQ(Iso(CoarsenedBirthDate(D("1990-03-14"), D("2019-01-01"), D("2020-06-30"))),
              "1990-07-01");
    // Turns 25 on 2020-03-14, inside the counted days: mid-year would move the change to July,
    // the 1st of the month moves it by 13 days: the date itself is kept.
    EXPECT_EQ(Iso(CoarsenedBirthDate(D("1995-03-14"), D("2019-01-01"), D("2020-06-30"))),
              "1995-03-14");
    // Turns 25 on 2020-03-01, inside the counted days: the 1st of the month is the date itself.
    EXPECT_EQ(Iso(CoarsenedBirthDate(D("1995-03-01"), D("2019-01-01"), D("2020-06-30"))),
              "1995-03-01");
    // Turns 25 after the counted days end on 2020-02-29, and mid-year gives the same bands.
    EXPECT_EQ(Iso(CoarsenedBirthDate(D("1995-03-14"), D("2019-01-01"), D("2020-02-29"))),
              "1995-07-01");
    // Never counted (no period): nothing kept.
    EXPECT_FALSE(CoarsenedBirthDate(D("1990-03-14"), std::nullopt, std::nullopt));
}

TEST(RetentionPolicy, OnlyTheOwnAssociationAdminReadsAnArchiveAndNobodyWritesIt) {
    Target archived{std::nullopt, 7, "33", std::nullopt, true};
    Subject admin{Role::kAssociationAdmin, 1, 7, std::nullopt, std::nullopt};
    Subject other_admin{Role::kAssociationAdmin, 2, 8, std::nullopt, std::nullopt};
    Subject worker{Role::kAssociationWorker, 3, 7, std::nullopt, std::nullopt};
    Subject instructor{Role::kPrefectureInstructor, 4, std::nullopt, "33", std::nullopt};
    Subject instance_admin{Role::kAdmin, 5, std::nullopt, std::nullopt, std::nullopt};
    EXPECT_TRUE(IsAllowed(admin, Action::kReadPerson, archived));
    EXPECT_TRUE(IsAllowed(admin, Action::kReadPersonIdentity, archived));
    EXPECT_FALSE(IsAllowed(admin, Action::kEditCase, archived));
    for (const Subject& s : {other_admin, worker, instructor, instance_admin}) {
        EXPECT_FALSE(IsAllowed(s, Action::kReadPerson, archived));
        EXPECT_FALSE(IsAllowed(s, Action::kEditCase, archived));
    }
    // The same file before the archive: the worker and the instructor read it.
    Target active = archived;
    active.archived = false;
    EXPECT_TRUE(IsAllowed(worker, Action::kReadPerson, active));
    EXPECT_TRUE(IsAllowed(instructor, Action::kReadPerson, active));
    // Anonymised: nobody, not even the admin.
    Target anonymised = archived;
    anonymised.anonymised = true;
    EXPECT_FALSE(IsAllowed(admin, Action::kReadPerson, anonymised));
    EXPECT_FALSE(ArchiveReadable(admin, anonymised));
}

}  // namespace
}  // namespace parcours::domain
