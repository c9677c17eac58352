#include "domain/commission.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace parcours::domain {
namespace {

Date D(const std::string& text) {
    return *ParseIsoDate(text);
}

std::vector<std::string> RuleLines(const std::string& file) {
    std::ifstream in(std::string(PARCOURS_RULES_DIR) + "/" + file);
    EXPECT_TRUE(in) << file;
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line[0] != '#') lines.push_back(line);
    }
    return lines;
}

TEST(CommissionRules, EveryRowOfTheMemberTermTable) {
    int rows = 0;
    for (const auto& line : RuleLines("member_terms.txt")) {
        std::istringstream w(line);
        std::string appointed, ended, on, arrow, term_end, in_office;
        w >> appointed >> ended >> on >> arrow >> term_end >> in_office;
        Date end = MemberTermEnd(D(appointed));
        EXPECT_EQ(FormatIsoDate(end), term_end) << line;
        std::optional<Date> ended_on;
        if (ended != "-") ended_on = D(ended);
        EXPECT_EQ(MemberInOffice(D(appointed), end, ended_on, D(on)), in_office == "yes") << line;
        ++rows;
    }
    EXPECT_GE(rows, 9);
}

TEST(CommissionRules, EveryRowOfTheSeanceTable) {
    int rows = 0;
    for (const auto& line : RuleLines("seances.txt")) {
        std::istringstream w(line);
        std::string kind;
        w >> kind;
        if (kind == "convocation") {
            std::string convocation, date, arrow, late;
            w >> convocation >> date >> arrow >> late;
            EXPECT_EQ(ConvocationLate(D(convocation), D(date)), late == "yes") << line;
        } else if (kind == "window") {
            std::string convocation, date, today, arrow, open;
            w >> convocation >> date >> today >> arrow >> open;
            std::optional<Date> sent;
            if (convocation != "-") sent = D(convocation);
            EXPECT_EQ(MemberWindowOpen(sent, D(date), D(today)), open == "yes") << line;
        } else if (kind == "quorum") {
            int in_office = 0, present = 0, percent = 0;
            std::string arrow, reached;
            w >> in_office >> present >> percent >> arrow >> reached;
            EXPECT_EQ(QuorumReached(in_office, present, percent), reached == "yes") << line;
        } else {
            ADD_FAILURE() << "unknown row: " << line;
        }
        ++rows;
    }
    EXPECT_GE(rows, 19);
}

TEST(CommissionRules, CategoriesAreVersionedAndFourNeedAnArrete) {
    auto before = MemberCategoriesOn(D("2023-11-30"));
    auto after = MemberCategoriesOn(D("2023-12-01"));
    EXPECT_EQ(before.version, "2021-01-01");
    EXPECT_EQ(after.version, "2023-12-01");
    ASSERT_EQ(before.categories.size(), 11u);
    ASSERT_EQ(after.categories.size(), 11u);
    EXPECT_NE(before.categories[2].label, after.categories[2].label);
    int with_arrete = 0;
    for (const auto& c : after.categories) with_arrete += CategoryNeedsArrete(c.code) ? 1 : 0;
    EXPECT_EQ(with_arrete, 4);
    EXPECT_TRUE(CategoryIsAssociation("11"));
    EXPECT_FALSE(CategoryIsAssociation("1"));
}

TEST(CommissionRules, AvisFollowsTheVote) {
    EXPECT_TRUE(CheckAvisAgainstVotes(AvisOutcome::kFavorable, {5, 2, 1}, false));
    EXPECT_FALSE(CheckAvisAgainstVotes(AvisOutcome::kDefavorable, {5, 2, 1}, false));
    EXPECT_TRUE(CheckAvisAgainstVotes(AvisOutcome::kDefavorable, {2, 5, 0}, false));
    // A tie needs the chair's casting vote, which may go either way.
    auto tie = CheckAvisAgainstVotes(AvisOutcome::kFavorable, {3, 3, 0}, false);
    ASSERT_FALSE(tie);
    EXPECT_EQ(tie.error().field, "chair_casting_vote");
    EXPECT_TRUE(CheckAvisAgainstVotes(AvisOutcome::kDefavorable, {3, 3, 0}, true));
    // No vote cast: only an ajournement.
    EXPECT_FALSE(CheckAvisAgainstVotes(AvisOutcome::kFavorable, {0, 0, 4}, false));
    EXPECT_TRUE(CheckAvisAgainstVotes(AvisOutcome::kAjourne, {0, 0, 0}, false));
}

TEST(CommissionRules, DecisionsFollowTheDemandeKindAndDepartFromAvis) {
    using enum DecisionOutcome;
    EXPECT_TRUE(CheckDecisionForDemande(kAutorise, false));
    EXPECT_TRUE(CheckDecisionForDemande(kRefuse, false));
    EXPECT_FALSE(CheckDecisionForDemande(kRenouvele, false));
    EXPECT_TRUE(CheckDecisionForDemande(kNonRenouvele, true));
    EXPECT_FALSE(CheckDecisionForDemande(kAutorise, true));
    EXPECT_FALSE(CheckDecisionForDemande(kFinAnticipee, true));
    EXPECT_TRUE(DepartsFromAvis(AvisOutcome::kFavorable, kRefuse));
    EXPECT_TRUE(DepartsFromAvis(AvisOutcome::kDefavorable, kRenouvele));
    EXPECT_FALSE(DepartsFromAvis(AvisOutcome::kDefavorable, kNonRenouvele));
    EXPECT_FALSE(DepartsFromAvis(AvisOutcome::kFavorable, kAutorise));
    for (auto o : {kAutorise, kRefuse, kRenouvele, kNonRenouvele, kFinAnticipee}) {
        EXPECT_EQ(FindDecisionOutcome(DecisionCode(o)), o);
    }
    EXPECT_FALSE(FindDecisionOutcome("accepte"));
}

// Each alert at its boundary days: the day it appears, the day before, the day it ends.
TEST(CommissionAlerts, AgrementExpiringWithinNinetyDaysWithoutRenewal) {
    Date until = D("2027-03-31");
    EXPECT_FALSE(AgrementExpiryAlert(1, "Asso", until, false, D("2026-12-30")));  // 91 days
    auto a = AgrementExpiryAlert(1, "Asso", until, false, D("2026-12-31"));       // 90 days
    ASSERT_TRUE(a);
    EXPECT_EQ(a->code, "agrement_expiring");
    EXPECT_EQ(a->severity, "medium");
    EXPECT_EQ(a->record_type, "agrement");
    EXPECT_EQ(AgrementExpiryAlert(1, "Asso", until, false, D("2027-03-01"))->severity, "high");
    EXPECT_TRUE(AgrementExpiryAlert(1, "Asso", until, false, D("2027-03-31")));
    EXPECT_FALSE(AgrementExpiryAlert(1, "Asso", until, false, D("2027-04-01")));  // expired
    EXPECT_FALSE(AgrementExpiryAlert(1, "Asso", until, true, D("2027-03-01")));   // renewal filed
}

TEST(CommissionAlerts, MemberTermEndingWithinSixtyDays) {
    Date end = D("2027-01-09");
    EXPECT_FALSE(MemberTermAlert(1, "Mme Garcia", end, D("2026-11-09")));  // 61 days
    auto a = MemberTermAlert(1, "Mme Garcia", end, D("2026-11-10"));       // 60 days
    ASSERT_TRUE(a);
    EXPECT_EQ(a->code, "member_term_ending");
    EXPECT_NE(a->message.find("09/01/2027"), std::string::npos);
    EXPECT_TRUE(MemberTermAlert(1, "Mme Garcia", end, end));
    EXPECT_FALSE(MemberTermAlert(1, "Mme Garcia", end, D("2027-01-10")));
}

TEST(CommissionAlerts, CommissionWithoutASessionForTwelveMonths) {
    auto installed = std::optional(D("2025-02-03"));
    EXPECT_FALSE(CommissionIdleAlert(1, "33", installed, std::nullopt, D("2026-02-03")));
    auto never = CommissionIdleAlert(1, "33", installed, std::nullopt, D("2026-02-04"));
    ASSERT_TRUE(never);
    EXPECT_EQ(never->code, "commission_no_seance");
    EXPECT_NE(never->message.find("installation"), std::string::npos);
    auto last = std::optional(D("2025-12-10"));
    EXPECT_FALSE(CommissionIdleAlert(1, "33", installed, last, D("2026-12-10")));
    EXPECT_TRUE(CommissionIdleAlert(1, "33", installed, last, D("2026-12-11")));
    EXPECT_FALSE(CommissionIdleAlert(1, "33", std::nullopt, std::nullopt, D("2030-01-01")));
}

TEST(CommissionAlerts, SessionWithinFiveDaysWithoutConvocation) {
    Date seance = D("2026-12-10");
    EXPECT_FALSE(ConvocationMissingAlert(1, seance, std::nullopt, D("2026-12-04")));  // 6 days
    auto a = ConvocationMissingAlert(1, seance, std::nullopt, D("2026-12-05"));       // 5 days
    ASSERT_TRUE(a);
    EXPECT_EQ(a->code, "convocation_missing");
    EXPECT_EQ(a->severity, "high");
    EXPECT_TRUE(ConvocationMissingAlert(1, seance, std::nullopt, seance));
    EXPECT_FALSE(ConvocationMissingAlert(1, seance, std::nullopt, D("2026-12-11")));
    EXPECT_FALSE(ConvocationMissingAlert(1, seance, D("2026-12-01"), D("2026-12-08")));
}

}  // namespace
}  // namespace parcours::domain
