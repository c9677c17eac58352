#include "domain/dates.hpp"

#include <gtest/gtest.h>

namespace parcours::domain {
namespace {

Date D(const char* iso) {
    return *ParseIsoDate(iso);
}

TEST(AddMonths, KeepsTheDayWhenItExists) {
    EXPECT_EQ(FormatIsoDate(AddMonths(D("2026-01-15"), 6)), "2026-07-15");
    EXPECT_EQ(FormatIsoDate(AddMonths(D("2026-11-30"), 3)), "2027-02-28");
}

TEST(AddMonths, The31stBecomesTheLastDayOfAShorterMonth) {
    EXPECT_EQ(FormatIsoDate(AddMonths(D("2026-08-31"), 6)), "2027-02-28");
    EXPECT_EQ(FormatIsoDate(AddMonths(D("2027-08-31"), 6)), "2028-02-29");  // leap year
    EXPECT_EQ(FormatIsoDate(AddMonths(D("2026-03-31"), 1)), "2026-04-30");
    EXPECT_EQ(FormatIsoDate(AddMonths(D("2024-02-29"), 12)), "2025-02-28");
}

TEST(AddMonths, FourPeriodsOfSixMonthsMakeTwentyFourMonths) {
    Date start = D("2025-05-31");
    Date end = start;
    for (int i = 0; i < 4; ++i) end = AddMonths(end, 6);
    EXPECT_EQ(FormatIsoDate(end), "2027-05-30");  // clamped on 30/11 then kept on the 30th
    EXPECT_EQ(FormatIsoDate(AddMonths(start, 24)), "2027-05-31");
}

TEST(Dates, ParseRejectsImpossibleDates) {
    EXPECT_FALSE(ParseIsoDate("2026-02-30"));
    EXPECT_FALSE(ParseIsoDate("2026-13-01"));
    EXPECT_FALSE(ParseIsoDate("26-01-01"));
    EXPECT_FALSE(ParseIsoDate("2026-1-01"));
    EXPECT_FALSE(ParseIsoDate("2026-01-0x"));
}

TEST(Dates, FrenchFormatIsDayMonthYear) {
    EXPECT_EQ(FormatFrenchDate(D("2026-11-05")), "05/11/2026");
}

TEST(Instants, RoundTrip) {
    auto instant = ParseInstant("2026-11-25T03:22:28Z");
    ASSERT_TRUE(instant);
    EXPECT_EQ(FormatInstant(*instant), "2026-11-25T03:22:28Z");
    EXPECT_FALSE(ParseInstant("2026-11-25 03:22:28"));
    EXPECT_FALSE(ParseInstant("2026-11-25T25:00:00Z"));
}

}  // namespace
}  // namespace parcours::domain
