#include "domain/case_rules.hpp"

#include <gtest/gtest.h>

namespace parcours::domain {
namespace {

Date D(const char* iso) {
    return *ParseIsoDate(iso);
}

TEST(Siret, LuhnKeyIsChecked) {
    EXPECT_TRUE(IsValidSiret("73282932000074"));
    EXPECT_TRUE(IsValidSiret("35600000000010"));  // La Poste: digit sum multiple of 5
    EXPECT_FALSE(IsValidSiret("35600000000011"));
    EXPECT_FALSE(IsValidSiret("73282932000075"));
    EXPECT_FALSE(IsValidSiret("7328293200007"));
    EXPECT_FALSE(IsValidSiret("7328293200007A"));
}

TEST(Rna, IsWAndNineDigits) {
    EXPECT_TRUE(IsValidRna("W751234567"));
    EXPECT_FALSE(IsValidRna("W75123456"));
    EXPECT_FALSE(IsValidRna("X751234567"));
}

TEST(AgeBand, ComputedOnTheDayNotTheYear) {
    EXPECT_EQ(AgeBand(D("2008-11-26"), D("2026-11-25")), "<18");
    EXPECT_EQ(AgeBand(D("2008-11-25"), D("2026-11-25")), "18-24");
    EXPECT_EQ(AgeBand(D("1992-01-01"), D("2026-11-25")), "25-34");
    EXPECT_EQ(AgeBand(D("1960-01-01"), D("2026-11-25")), "55+");
}

TEST(DuplicateKey, IgnoresCaseAccentsSeparatorsAndNameOrder) {
    auto a = DuplicateKeyMaterial("N'Diaye", "Marie-José", D("1990-05-01"));
    auto b = DuplicateKeyMaterial("ndiaye", "  marie jose ", D("1990-05-01"));
    auto c = DuplicateKeyMaterial("Marie José", "Ndiaye", D("1990-05-01"));
    EXPECT_EQ(a, b);
    EXPECT_EQ(a, c);
    EXPECT_NE(a, DuplicateKeyMaterial("ndiaye", "marie jose", D("1990-05-02")));
}

TEST(CriteriaGrid, TheNationalGridIsValidAndAComplaintIsNeverBlocking) {
    EXPECT_TRUE(CheckGrid(NationalDefaultGrid()));
    auto grid = NationalDefaultGrid();
    grid[4].blocking = true;
    auto refused = CheckGrid(grid);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().field, "criteria[4].blocking");
    std::vector<Criterion> disguised = {{"c1", "Dépôt de PLAINTE effectué", "", false, true}};
    EXPECT_FALSE(CheckGrid(disguised));
    std::vector<Criterion> duplicate = {{"a", "A", "", false, false}, {"a", "B", "", false, false}};
    EXPECT_EQ(CheckGrid(duplicate).error().field, "criteria[1].code");
}

std::vector<CriterionAnswer> AllMet() {
    std::vector<CriterionAnswer> answers;
    for (const auto& c : NationalDefaultGrid()) answers.push_back({c.code, Answer::kMet, ""});
    return answers;
}

TEST(Assessment, PresentNeedsEveryBlockingCriterionMetButNotTheComplaint) {
    auto answers = AllMet();
    answers[4].answer = Answer::kNotMet;  // no complaint filed: still presentable
    EXPECT_TRUE(CheckAssessment(NationalDefaultGrid(), answers, "present", std::nullopt));
    answers[2].answer = Answer::kUnknown;
    EXPECT_EQ(
        CheckAssessment(NationalDefaultGrid(), answers, "present", std::nullopt).error().field,
        "outcome");
}

TEST(Assessment, EveryCriterionAnsweredOnceAndAReasonWhenNotPresented) {
    auto answers = AllMet();
    answers.pop_back();
    EXPECT_EQ(
        CheckAssessment(NationalDefaultGrid(), answers, "present", std::nullopt).error().field,
        "answers");
    answers = AllMet();
    answers.push_back({"victim", Answer::kMet, ""});
    EXPECT_EQ(
        CheckAssessment(NationalDefaultGrid(), answers, "present", std::nullopt).error().field,
        "answers[5].code");
    EXPECT_EQ(
        CheckAssessment(NationalDefaultGrid(), AllMet(), "postpone", std::nullopt).error().field,
        "reason_code");
    EXPECT_TRUE(CheckAssessment(NationalDefaultGrid(), AllMet(), "postpone",
                                std::string("no_commission_session")));
    EXPECT_EQ(CheckAssessment(NationalDefaultGrid(), AllMet(), "maybe", std::nullopt).error().field,
              "outcome");
}

TEST(DemandeCompleteness, ListsWhatIsMissing) {
    DemandeContent content;
    EXPECT_EQ(MissingForSubmission(content).size(), 4U);
    content.renewal = true;
    EXPECT_EQ(MissingForSubmission(content).size(), 5U);
    content = {false, true, true, true, false, true};
    EXPECT_TRUE(MissingForSubmission(content).empty());
}

}  // namespace
}  // namespace parcours::domain
