#include "domain/partners.hpp"

#include <gtest/gtest.h>

namespace parcours::domain {
namespace {

Date D(int y, int m, int d) {
    return *ParseIsoDate(std::to_string(y) + "-" + (m < 10 ? "0" : "") + std::to_string(m) + "-" +
                         (d < 10 ? "0" : "") + std::to_string(d));
}

TEST(PartnerReview, DueTwelveMonthsAfterTheLastVerificationAndAtOnceWhenNeverVerified) {
    EXPECT_FALSE(PartnerReviewDue(D(2025, 11, 26), D(2026, 11, 25)));
    EXPECT_TRUE(PartnerReviewDue(D(2025, 11, 25), D(2026, 11, 25)));
    EXPECT_TRUE(PartnerReviewDue(std::nullopt, D(2026, 11, 25)));
    EXPECT_EQ(FormatIsoDate(*PartnerReviewDueOn(D(2024, 2, 29))), "2025-02-28");
}

TEST(PartnerReview, TheAlertComesOnTheDueDayAndNamesTheLastVerification) {
    EXPECT_FALSE(PartnerReviewAlert(7, "CHRS Les Tilleuls", D(2025, 11, 26), D(2026, 11, 25)));
    auto alert = PartnerReviewAlert(7, "CHRS Les Tilleuls", D(2025, 11, 25), D(2026, 11, 25));
    ASSERT_TRUE(alert);
    EXPECT_EQ(alert->code, "partner_review_due");
    EXPECT_EQ(alert->record_type, "partner");
    EXPECT_EQ(alert->record_id, 7);
    EXPECT_NE(alert->message.find("25/11/2025"), std::string::npos);
}

TEST(PartnerFields, CoordinatesCoverMetropolitanAndOverseasFrance) {
    EXPECT_TRUE(LatitudeInFrance(44.84) && LongitudeInFrance(-0.58));   // Bordeaux
    EXPECT_TRUE(LatitudeInFrance(-20.88) && LongitudeInFrance(55.45));  // Saint-Denis (974)
    EXPECT_TRUE(LatitudeInFrance(16.24) && LongitudeInFrance(-61.53));  // Pointe-à-Pitre
    EXPECT_FALSE(LatitudeInFrance(60.0));
    EXPECT_FALSE(LongitudeInFrance(120.0));
}

TEST(PartnerFields, LanguageCodesAreTwoLowercaseLetters) {
    EXPECT_TRUE(IsLanguageCode("ro"));
    EXPECT_FALSE(IsLanguageCode("RO"));
    EXPECT_FALSE(IsLanguageCode("rum"));
    EXPECT_FALSE(IsLanguageCode("r1"));
}

TEST(PartnerFields, CodeListsRoundTripAndAreFoundByOneLike) {
    EXPECT_EQ(JoinCodeList({"33", "24"}), ",33,24,");
    EXPECT_EQ(SplitCodeList(",33,24,"), (std::vector<std::string>{"33", "24"}));
    EXPECT_TRUE(SplitCodeList(",").empty());
}

TEST(PartnerFields, SearchFoldsCaseAndFrenchAccents) {
    EXPECT_EQ(FoldForSearch("Hébergement CHRS Émile-Zola, Besançon"),
              "hebergement chrs emile-zola, besancon");
}

}  // namespace
}  // namespace parcours::domain
