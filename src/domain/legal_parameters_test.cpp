#include "domain/legal_parameters.hpp"

#include <gtest/gtest.h>

namespace parcours::domain {
namespace {

Date D(const char* iso) {
    return *ParseIsoDate(iso);
}

std::vector<LegalParameter> Rows() {
    return {{"afis_base", "metropole", D("2017-05-01"), 33000, "cents", "décret 2017-542"},
            {"afis_per_child", "metropole", D("2017-05-01"), 10200, "cents", "décret 2017-542"},
            {"afis_base", "metropole", D("2022-07-01"), 34320, "cents", "décret 2022-1340"},
            {"afis_per_child", "metropole", D("2022-07-01"), 10608, "cents", "décret 2022-1340"},
            {"afis_base", "mayotte", D("2017-05-01"), 16500, "cents", "décret 2017-542"},
            {"afis_per_child", "mayotte", D("2017-05-01"), 5100, "cents", "décret 2017-542"},
            {"psp_period_months", "all", D("2016-10-30"), 6, "months", "R121-12-10"}};
}

TEST(Afis, TheRowInForceOnTheDayIsUsed) {
    auto before = ComputeAfis(Rows(), D("2022-06-30"), 1, "metropole");
    ASSERT_TRUE(before);
    EXPECT_EQ(before.value().cents, 43200);
    EXPECT_EQ(before.value().base.source, "décret 2017-542");
    auto after = ComputeAfis(Rows(), D("2022-07-01"), 1, "metropole");
    EXPECT_EQ(after.value().cents, 44928);
    EXPECT_EQ(after.value().per_child.source, "décret 2022-1340");
    EXPECT_EQ(ComputeAfis(Rows(), D("2022-07-01"), 2, "mayotte").value().cents, 26700);
}

TEST(Afis, NoScaleBeforeMay2017AndBadInputsNameTheirField) {
    EXPECT_EQ(ComputeAfis(Rows(), D("2017-04-30"), 0, "metropole").error().field, "date");
    EXPECT_EQ(ComputeAfis(Rows(), D("2020-01-01"), -1, "metropole").error().field, "children");
    EXPECT_EQ(ComputeAfis(Rows(), D("2020-01-01"), 0, "guyane").error().field, "territory");
}

TEST(LegalParameters, TerritoryFallsBackToAll) {
    auto row = InForce(Rows(), "psp_period_months", "mayotte", D("2026-01-01"));
    ASSERT_TRUE(row);
    EXPECT_EQ(row->value, 6);
    EXPECT_FALSE(InForce(Rows(), "psp_period_months", "metropole", D("2016-01-01")));
}

TEST(Money, EurosWithTwoDecimals) {
    EXPECT_EQ(FormatEuros(44928), "449.28");
    EXPECT_EQ(FormatEuros(5), "0.05");
    EXPECT_EQ(FormatEurosFrench(34320), "343,20 €");
}

TEST(LegalParameters, ANewRowNamesItsSource) {
    LegalParameter row{"afis_base", "metropole", D("2027-01-01"),
                       63571,       "cents",     "Décret n° 2026-xx"};
    EXPECT_TRUE(CheckNewParameter(row));
    row.source = "";
    EXPECT_EQ(CheckNewParameter(row).error().field, "source");
    row.source = "Décret n° 2026-xx";
    row.name = "afis_bonus";
    EXPECT_EQ(CheckNewParameter(row).error().field, "name");
}

}  // namespace
}  // namespace parcours::domain
