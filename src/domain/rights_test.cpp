#include "domain/rights.hpp"

#include <gtest/gtest.h>

#include <functional>

namespace parcours::domain {
namespace {

Date D(const char* iso) {
    return *ParseIsoDate(iso);
}

std::vector<LegalParameter> Rows() {
    return {{"afis_base", "metropole", D("2022-07-01"), 34320, "cents", "décret 2022-1340"},
            {"afis_per_child", "metropole", D("2022-07-01"), 10608, "cents", "décret 2022-1340"},
            {"rsa_single", "metropole", D("2025-04-01"), 64652, "cents", "décret 2025-293"}};
}

std::vector<Period> OnePeriod(const char* start) {
    Date s = D(start);
    return {Period{1, s, PeriodEnd(s), 0}};
}

AfisApplication Eligible() {
    return AfisApplication{D("2026-01-10"), 1, 20000, false, "aps_with_work"};
}

TEST(AfisEligibility, AllConditionsMetGivesTheAmount) {
    auto result = CheckAfisEligibility(Rows(), Eligible(), OnePeriod("2026-01-01"), D("1998-03-14"),
                                       "metropole");
    EXPECT_TRUE(result.eligible);
    ASSERT_TRUE(result.amount);
    EXPECT_EQ(result.amount->cents, 44928);
}

// Each condition of CASF R121-12-13-1 failing alone.
TEST(AfisEligibility, EachConditionFailingAlone) {
    struct Case {
        const char* failing;
        std::function<void(AfisApplication&, std::vector<Period>&, Date&)> change;
    };
    std::vector<Case> cases = {
        {"in_period",
         [](AfisApplication& a, auto&, Date&) { a.application_date = D("2025-12-31"); }},
        {"adult", [](AfisApplication&, auto&, Date& birth) { birth = D("2008-01-11"); }},
        {"lawful_stay", [](AfisApplication& a, auto&, Date&) { a.residence_document = "none"; }},
        {"resources_below_rsa",
         [](AfisApplication& a, auto&, Date&) { a.resources_cents = 64652; }},
        {"no_rsa_or_ada", [](AfisApplication& a, auto&, Date&) { a.rsa_or_ada_entitled = true; }},
    };
    for (const auto& c : cases) {
        AfisApplication a = Eligible();
        auto periods = OnePeriod("2026-01-01");
        Date birth = D("1998-03-14");
        c.change(a, periods, birth);
        auto result = CheckAfisEligibility(Rows(), a, periods, birth, "metropole");
        EXPECT_FALSE(result.eligible) << c.failing;
        for (const auto& condition : result.conditions) {
            EXPECT_EQ(condition.met, condition.code != c.failing)
                << c.failing << " / " << condition.code;
        }
    }
    // 64 651 cents is below the ceiling: eligible.
    AfisApplication a = Eligible();
    a.resources_cents = 64651;
    EXPECT_TRUE(
        CheckAfisEligibility(Rows(), a, OnePeriod("2026-01-01"), D("1998-03-14"), "metropole")
            .eligible);
}

TEST(AfisEntitlement, StopsFromTheMonthAfterAnEarlyEnd) {
    auto periods = OnePeriod("2026-01-15");
    auto normal = AfisEntitlementOf(periods, std::nullopt);
    EXPECT_EQ(FormatIsoDate(*normal.until), "2026-07-14");
    auto early = AfisEntitlementOf(periods, D("2026-03-10"));
    EXPECT_EQ(*early.stopped_from, "2026-04");
    EXPECT_EQ(FormatIsoDate(*early.until), "2026-03-31");
    EXPECT_EQ(*AfisEntitlementOf(periods, D("2026-12-20")).stopped_from, "2027-01");
}

ParcoursSnapshot Active(const char* start) {
    ParcoursSnapshot s;
    s.id = 7;
    s.pseudonym = "P-TEST-0001";
    s.state = ParcoursState::kActive;
    s.periods = OnePeriod(start);  // 2026-01-01 → 2026-06-30
    s.afis_applied = true;
    s.has_housing_action = true;
    s.has_employment_or_training_action = true;
    return s;
}

std::vector<std::string> Codes(const ParcoursSnapshot& s, const char* today) {
    std::vector<std::string> codes;
    for (const auto& a : ParcoursAlerts(s, D(today))) codes.push_back(a.code);
    return codes;
}

using Codes_ = std::vector<std::string>;

// Every rule at its boundary: the day before, the day of, the day after.
TEST(Alerts, PeriodEndsInSixtyDaysWithoutRenewal) {
    auto s = Active("2026-01-01");                                     // ends 2026-06-30
    EXPECT_EQ(Codes(s, "2026-04-30"), Codes_{});                       // 61 days left
    EXPECT_EQ(Codes(s, "2026-05-01"), Codes_{"renewal_not_started"});  // 60 days
    EXPECT_EQ(Codes(s, "2026-05-02"), Codes_{"renewal_not_started"});
    s.renewal_state = "draft";
    EXPECT_EQ(Codes(s, "2026-05-02"), Codes_{});
}

TEST(Alerts, PeriodEndsInThirtyDaysNotSubmitted) {
    auto s = Active("2026-01-01");
    s.renewal_state = "draft";
    EXPECT_EQ(Codes(s, "2026-05-30"), Codes_{});  // 31 days left
    EXPECT_EQ(Codes(s, "2026-05-31"), Codes_{"renewal_not_submitted"});
    EXPECT_EQ(Codes(s, "2026-06-01"), Codes_{"renewal_not_submitted"});
    s.renewal_state.reset();
    EXPECT_EQ(Codes(s, "2026-05-31"), Codes_{"renewal_not_submitted"});
    s.renewal_state = "submitted";
    EXPECT_EQ(Codes(s, "2026-06-01"), Codes_{});
    // Sent back to the association, it is no longer submitted.
    s.renewal_state = "incomplete";
    EXPECT_EQ(Codes(s, "2026-06-01"), Codes_{"renewal_not_submitted"});
    s.renewal_state = "ajourne";
    EXPECT_EQ(Codes(s, "2026-06-01"), Codes_{"renewal_not_submitted"});
}

TEST(Alerts, RenewalSubmittedButNotTabledFifteenDaysBefore) {
    auto s = Active("2026-01-01");
    s.state = ParcoursState::kRenewalSubmitted;
    s.renewal_state = "submitted";
    EXPECT_EQ(Codes(s, "2026-06-14"), Codes_{});  // 16 days left
    EXPECT_EQ(Codes(s, "2026-06-15"), Codes_{"renewal_not_examined"});
    EXPECT_EQ(Codes(s, "2026-06-16"), Codes_{"renewal_not_examined"});
    s.renewal_state = "tabled";
    EXPECT_EQ(Codes(s, "2026-06-16"), Codes_{});
    s.renewal_state = "avis_given";
    EXPECT_EQ(Codes(s, "2026-06-16"), Codes_{});
}

TEST(Alerts, ApsExpiringBeforeThePeriodEnds) {
    auto s = Active("2026-01-01");
    s.renewal_state = "submitted";
    s.aps_validity_end = D("2026-06-30");
    EXPECT_EQ(Codes(s, "2026-03-01"), Codes_{});  // the same day: covered
    s.aps_validity_end = D("2026-06-29");
    EXPECT_EQ(Codes(s, "2026-03-01"), Codes_{"aps_expires_before_period_end"});
}

TEST(Alerts, AfisNotAppliedThirtyDaysAfterTheAuthorisation) {
    auto s = Active("2026-01-01");
    s.afis_applied = false;
    EXPECT_EQ(Codes(s, "2026-01-30"), Codes_{});
    EXPECT_EQ(Codes(s, "2026-01-31"), Codes_{"afis_not_applied"});
    EXPECT_EQ(Codes(s, "2026-02-01"), Codes_{"afis_not_applied"});
}

TEST(Alerts, NoExitPlanSixMonthsBeforeTheCap) {
    auto s = Active("2026-01-01");
    for (int i = 0; i < 3; ++i) s.periods.push_back(NextPeriod(s.periods, std::nullopt).value());
    s.has_employment_or_training_action = false;  // cap: 2027-12-31
    EXPECT_EQ(Codes(s, "2027-06-29"), Codes_{});  // six months before: 2027-06-30
    EXPECT_EQ(Codes(s, "2027-06-30"), Codes_{"no_exit_plan"});
    EXPECT_EQ(Codes(s, "2027-07-01"), Codes_{"no_exit_plan"});
    s.has_employment_or_training_action = true;
    EXPECT_EQ(Codes(s, "2027-07-01"), Codes_{});
}

TEST(Alerts, NoneOnceThePeriodIsOverOrTheParcoursClosed) {
    auto s = Active("2026-01-01");
    EXPECT_EQ(Codes(s, "2026-07-01"), Codes_{});
    s.state = ParcoursState::kExited;
    EXPECT_EQ(Codes(s, "2026-06-01"), Codes_{});
    auto alerts = ParcoursAlerts(Active("2026-01-01"), D("2026-06-01"));
    ASSERT_EQ(alerts.size(), 1U);
    EXPECT_EQ(alerts[0].message.rfind("P-TEST-0001 : ", 0), 0U);
    EXPECT_EQ(FormatIsoDate(alerts[0].due), "2026-06-30");
}

}  // namespace
}  // namespace parcours::domain
