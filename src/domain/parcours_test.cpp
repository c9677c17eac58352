#include "domain/parcours.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace parcours::domain {
namespace {

// Rule tables a jurist can read, in tests/rules/.
std::vector<std::vector<std::string>> ReadTable(const std::string& name) {
    std::ifstream in(std::string(PARCOURS_RULES_DIR) + "/" + name);
    EXPECT_TRUE(in) << name;
    std::vector<std::vector<std::string>> rows;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream words(line);
        std::vector<std::string> row;
        for (std::string word; words >> word;) {
            if (word != "->") row.push_back(word);
        }
        rows.push_back(row);
    }
    return rows;
}

Date D(const std::string& iso) {
    return *ParseIsoDate(iso);
}

TEST(PeriodRules, EveryRowOfThePeriodTable) {
    auto rows = ReadTable("periods.txt");
    ASSERT_GE(rows.size(), 10U);
    for (const auto& row : rows) {
        ASSERT_EQ(row.size(), 2U);
        EXPECT_EQ(FormatIsoDate(PeriodEnd(D(row[0]))), row[1]) << "start " << row[0];
    }
}

TEST(TransitionRules, EveryRowOfTheTransitionTable) {
    auto rows = ReadTable("transitions.txt");
    ASSERT_GE(rows.size(), 30U);
    const std::map<std::string, Transition> transitions = {
        {"submit", Transition::kSubmitDemande},         {"avis", Transition::kRecordAvis},
        {"authorise", Transition::kAuthorise},          {"refuse", Transition::kRefuse},
        {"appeal_granted", Transition::kAppealGranted}, {"exit", Transition::kExit}};
    for (const auto& row : rows) {
        ASSERT_EQ(row.size(), 4U);
        auto from = FindState(row[0]);
        ASSERT_TRUE(from) << row[0];
        std::optional<DemandeKind> kind;
        if (row[2] == "initiale") kind = DemandeKind::kInitiale;
        if (row[2] == "renouvellement") kind = DemandeKind::kRenouvellement;
        auto next = Next(*from, transitions.at(row[1]), kind);
        std::string got = next ? std::string(StateName(next.value()))
                               : std::string(ErrorCodeName(next.error().code));
        EXPECT_EQ(got, row[3]) << row[0] << " " << row[1] << " " << row[2];
        if (!next) {
            EXPECT_FALSE(next.error().message.empty());
        }
    }
}

TEST(TransitionRules, EveryStateAndTransitionIsInTheTable) {
    auto rows = ReadTable("transitions.txt");
    std::set<std::string> states;
    for (const auto& row : rows) states.insert(row[0]);
    for (const char* state :
         {"file_in_preparation", "submitted", "opinion_given", "refused", "active",
          "renewal_submitted", "renewal_opinion_given", "not_renewed", "exited"}) {
        EXPECT_TRUE(states.count(state)) << state;
    }
}

std::vector<Period> Periods(int count, const std::string& first_start) {
    std::vector<Period> periods;
    for (int i = 0; i < count; ++i) {
        auto next = NextPeriod(periods, i == 0 ? std::optional(D(first_start)) : std::nullopt);
        EXPECT_TRUE(next);
        periods.push_back(next.value());
    }
    return periods;
}

TEST(Periods, FourPeriodsMakeTwentyFourMonthsWithoutGaps) {
    auto periods = Periods(4, "2026-08-31");
    EXPECT_EQ(FormatIsoDate(periods[0].end), "2027-02-28");
    EXPECT_EQ(FormatIsoDate(periods[1].start), "2027-03-01");
    EXPECT_EQ(FormatIsoDate(periods[1].end), "2027-08-31");
    EXPECT_EQ(FormatIsoDate(periods[3].end), "2028-08-31");
    EXPECT_EQ(MonthsUsed(periods), 24);
    for (const auto& p : periods) EXPECT_EQ(p.gap_days_before, 0);
}

TEST(Periods, AFifthPeriodIsRefused) {
    auto fifth = NextPeriod(Periods(4, "2026-01-01"), std::nullopt);
    ASSERT_FALSE(fifth);
    EXPECT_EQ(fifth.error().code, ErrorCode::kMaxDurationReached);
}

TEST(Periods, OverlapIsRefusedAndALaterStartRecordsTheGap) {
    auto periods = Periods(1, "2026-01-15");  // ends 2026-07-14
    auto overlap = NextPeriod(periods, D("2026-07-14"));
    ASSERT_FALSE(overlap);
    EXPECT_EQ(overlap.error().field, "start_date");
    auto late = NextPeriod(periods, D("2026-07-25"));
    ASSERT_TRUE(late);
    EXPECT_EQ(late.value().gap_days_before, 10);
    EXPECT_EQ(late.value().number, 2);
    auto first_without_start = NextPeriod({}, std::nullopt);
    ASSERT_FALSE(first_without_start);
    EXPECT_EQ(first_without_start.error().field, "start_date");
}

TEST(Periods, ARenewalNeedsARunningOrComingPeriod) {
    auto periods = Periods(1, "2026-01-15");
    EXPECT_TRUE(HasActivePeriod(periods, D("2026-07-14")));
    EXPECT_TRUE(HasActivePeriod(periods, D("2026-01-01")));  // authorised, not yet started
    EXPECT_FALSE(HasActivePeriod(periods, D("2026-07-15")));
    EXPECT_FALSE(HasActivePeriod({}, D("2026-01-01")));
}

TEST(Exit, CompletedNeedsTheFourPeriodsOver) {
    auto periods = Periods(4, "2026-01-01");  // last ends 2027-12-31
    EXPECT_TRUE(CheckExit(ParcoursState::kActive, periods, ExitReason::kCompleted, D("2028-01-01"),
                          false, false));
    EXPECT_FALSE(CheckExit(ParcoursState::kActive, periods, ExitReason::kCompleted, D("2027-12-31"),
                           false, false));
    EXPECT_FALSE(CheckExit(ParcoursState::kActive, Periods(3, "2026-01-01"), ExitReason::kCompleted,
                           D("2028-01-01"), false, false));
}

TEST(Exit, AnEarlyEndByThePrefetNeedsReasonsAndANotificationDate) {
    auto periods = Periods(1, "2026-01-01");
    auto no_reasons = CheckExit(ParcoursState::kActive, periods, ExitReason::kEndedEarlyPrefect,
                                D("2026-03-01"), false, true);
    ASSERT_FALSE(no_reasons);
    EXPECT_EQ(no_reasons.error().field, "reasons");
    auto no_date = CheckExit(ParcoursState::kActive, periods, ExitReason::kEndedEarlyPrefect,
                             D("2026-03-01"), true, false);
    ASSERT_FALSE(no_date);
    EXPECT_EQ(no_date.error().field, "notified_on");
    EXPECT_TRUE(CheckExit(ParcoursState::kActive, periods, ExitReason::kEndedEarlyPrefect,
                          D("2026-03-01"), true, true));
    EXPECT_FALSE(CheckExit(ParcoursState::kActive, periods, ExitReason::kNotRenewed,
                           D("2026-03-01"), false, false));
    EXPECT_FALSE(CheckExit(ParcoursState::kExited, periods, ExitReason::kMoved, D("2026-03-01"),
                           false, false));
}

}  // namespace
}  // namespace parcours::domain
