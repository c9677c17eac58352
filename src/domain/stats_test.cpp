#include "domain/stats.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <set>
#include <stdexcept>

namespace parcours::domain {
namespace {

Date D(const char* iso) {
    return *ParseIsoDate(iso);
}

const IndicatorResult& Find(const std::vector<IndicatorResult>& all, std::string_view code) {
    for (const auto& r : all) {
        if (r.def->code == code) return r;
    }
    throw std::runtime_error("no indicator " + std::string(code));
}

long long Total(const IndicatorResult& r, const std::string& key = "") {
    long long n = 0;
    for (const auto& [dept, by] : r.counts) {
        for (const auto& [k, v] : by) {
            if (key.empty() || k == key) n += v;
        }
    }
    return n;
}

TEST(Stats, EveryIndicatorHasADefinitionAndAKind) {
    std::set<std::string_view> codes;
    for (const auto& def : IndicatorCatalogue()) {
        EXPECT_TRUE(codes.insert(def.code).second) << def.code;
        EXPECT_GT(def.definition.size(), 40U) << def.code;
        EXPECT_FALSE(KindName(def.kind).empty());
    }
    EXPECT_TRUE(FindIndicator("parcours_in_progress"));
    EXPECT_NE(std::string(FindIndicator("parcours_in_progress")->label).find("3.1"),
              std::string::npos);
    EXPECT_NE(std::string(FindIndicator("validated_requests_rate")->label).find("II-220"),
              std::string::npos);
}

TEST(Stats, EveryIndicatorIsDefinedInTheDocs) {
    std::ifstream in(std::string(PARCOURS_RULES_DIR) + "/../../docs/indicators.md");
    ASSERT_TRUE(in);
    std::string doc((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (const auto& def : IndicatorCatalogue()) {
        EXPECT_NE(doc.find("(`" + std::string(def.code) + "`)"), std::string::npos) << def.code;
        EXPECT_NE(doc.find(std::string(def.definition)), std::string::npos) << def.code;
    }
}

TEST(Stats, PercentilesByNearestRank) {
    EXPECT_FALSE(Percentile({}, 50));
    EXPECT_EQ(Percentile({7}, 50), 7);
    EXPECT_EQ(Percentile({10, 2, 30, 4}, 50), 4);
    EXPECT_EQ(Percentile({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 90), 9);
    EXPECT_EQ(Percentile({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 90), 10);
}

TEST(Stats, FlowsCountWithinThePeriodAndStocksOnTheDate) {
    StatsFacts f;
    auto parcours = [](const char* dept, const char* start, std::optional<const char*> exit) {
        ParcoursFact p;
        p.departement = dept;
        p.sex_or_gender = "female";
        p.birth_date = D("1995-06-01");
        p.nationality = "NGA";
        p.periods.push_back({1, D(start), PeriodEnd(D(start)), 0});
        if (exit) {
            p.exit_date = D(*exit);
            p.exit_reason = "lost_contact";
        }
        return p;
    };
    f.parcours.push_back(parcours("33", "2026-01-01", std::nullopt));  // in progress on 31/03
    f.parcours.push_back(parcours("33", "2025-12-31", std::nullopt));  // entered before
    f.parcours.push_back(parcours("13", "2026-02-01", "2026-03-01"));  // exited before 31/03
    f.parcours.back().exit_outcome = {{"housing", "logement social"},  // free text of older exits
                                      {"activity", "training"}};
    f.parcours.push_back(parcours("13", "2016-12-01", "2017-01-15"));  // before 2017
    f.parcours[0].afis_granted = true;
    f.parcours[0].afis_granted_on = D("2026-02-05");
    f.parcours[0].afis_amount_cents = 34320;
    f.parcours[1].afis_granted = true;
    f.parcours[1].afis_granted_on = D("2026-01-20");
    f.parcours[1].afis_amount_cents = 44928;
    DemandeFact d;
    d.departement = "33";
    d.kind = "initiale";
    d.submitted = D("2026-01-10");
    d.tabled = D("2026-01-20");
    d.avis = D("2026-02-01");
    d.avis_outcome = "favorable";
    d.decided = D("2026-02-11");
    d.decision = "autorise";
    d.notified = D("2026-02-13");
    f.demandes.push_back(d);
    d.decision = "refuse";
    d.submitted = D("2025-12-01");
    f.demandes.push_back(d);
    StatsWindow w{D("2026-01-01"), D("2026-03-31"), D("2026-03-31")};
    auto all = ComputeIndicators(f, w);
    EXPECT_EQ(Total(Find(all, "parcours_in_progress")), 2);
    EXPECT_EQ(Total(Find(all, "entries")), 2);  // 2026-01-01 and 2026-02-01
    EXPECT_EQ(Total(Find(all, "exits")), 1);
    // Every exit is in each outcome breakdown: a code of the list, else "unknown".
    EXPECT_EQ(Find(all, "exits_by_housing").counts.at("13").at("unknown"), 1);
    EXPECT_EQ(Find(all, "exits_by_activity").counts.at("13").at("training"), 1);
    EXPECT_EQ(Find(all, "exits_by_income").counts.at("13").at("unknown"), 1);
    EXPECT_EQ(Total(Find(all, "entered_since_2017")), 3);
    EXPECT_EQ(Total(Find(all, "persons_by_age"), "25-34"), 2);
    EXPECT_EQ(Total(Find(all, "persons_by_nationality"), "non_eu"), 2);
    EXPECT_EQ(Total(Find(all, "demandes_submitted")), 1);
    EXPECT_EQ(Total(Find(all, "decisions"), "autorise"), 1);
    EXPECT_EQ(Total(Find(all, "decisions"), "refuse"), 1);
    const auto& rate = Find(all, "acceptance_rate").figures.at("*");
    EXPECT_EQ(rate.numerator, 1);
    EXPECT_EQ(rate.denominator, 2);
    EXPECT_DOUBLE_EQ(*rate.value, 50.0);
    const auto& validated = Find(all, "validated_requests_rate").figures.at("33");
    EXPECT_EQ(validated.denominator, 1);  // only the demande submitted in the period
    EXPECT_DOUBLE_EQ(*validated.value, 100.0);
    const auto& delay = Find(all, "delay_submission_to_decision").figures.at("*");
    EXPECT_EQ(delay.denominator, 2);
    EXPECT_EQ(*delay.value, 32);  // 2026-01-10 → 2026-02-11
    EXPECT_EQ(*delay.p90, 72);    // 2025-12-01 → 2026-02-11
    EXPECT_EQ(*Find(all, "delay_decision_to_notification").figures.at("*").value, 2);
    EXPECT_EQ(Total(Find(all, "afis_recipients")), 2);
    const auto& amount = Find(all, "afis_monthly_amount").figures.at("33");
    EXPECT_EQ(amount.denominator, 2);
    EXPECT_DOUBLE_EQ(*amount.value, 792.48);  // 343,20 € + 449,28 €
}

TEST(Stats, CommissionsAndAgrementsOnTheDate) {
    StatsFacts f;
    CommissionFact c;
    c.departement = "33";
    c.installed_on = D("2024-01-10");
    c.seances = {D("2025-02-01"), D("2026-02-01")};
    c.members.push_back({D("2022-01-01"), D("2024-12-31"), std::nullopt});  // expired
    c.members.push_back({D("2022-01-01"), D("2024-12-31"), D("2024-12-31")});
    f.commissions.push_back(c);
    c.departement = "13";
    c.seances = {D("2024-06-01")};
    f.commissions.push_back(c);
    f.agrements.push_back({"33", 1, D("2024-01-01"), D("2026-12-31"), std::nullopt});
    f.agrements.push_back({"33", 1, D("2026-06-01"), D("2029-05-31"), std::nullopt});  // renewal
    f.agrements.push_back({"33", 2, D("2024-01-01"), D("2026-12-31"), D("2026-03-01")});
    StatsWindow w{D("2026-01-01"), D("2026-12-31"), D("2026-06-30")};
    auto all = ComputeIndicators(f, w);
    EXPECT_EQ(Total(Find(all, "commissions_installed")), 2);
    EXPECT_EQ(Total(Find(all, "seances_held")), 1);
    EXPECT_EQ(Total(Find(all, "commissions_idle")), 1);  // 13: last séance 2024-06-01
    EXPECT_EQ(Total(Find(all, "members_term_expired")), 2);
    EXPECT_EQ(Total(Find(all, "approved_associations")), 1);  // 1 counted once; 2 withdrawn
}

// No published cell, total included, is between 1 and threshold − 1, and no hidden cell can be
// recomputed: every line holds zero or at least two hidden values.
void ExpectSafe(const MaskedTable& t, int threshold) {
    auto visible_small = [&](long long v, bool hidden) {
        return !hidden && v > 0 && v < threshold;
    };
    std::size_t rows = t.cells.size();
    std::size_t cols = rows ? t.cells[0].size() : 0;
    for (std::size_t r = 0; r < rows; ++r) {
        int hidden = t.row_total_hidden[r] ? 1 : 0;
        for (std::size_t c = 0; c < cols; ++c) {
            EXPECT_FALSE(visible_small(t.cells[r][c], t.hidden[r][c])) << r << "," << c;
            hidden += t.hidden[r][c] ? 1 : 0;
        }
        EXPECT_NE(hidden, 1) << "row " << r;
        EXPECT_FALSE(visible_small(t.row_totals[r], t.row_total_hidden[r]));
    }
    for (std::size_t c = 0; c < cols; ++c) {
        int hidden = t.column_total_hidden[c] ? 1 : 0;
        for (std::size_t r = 0; r < rows; ++r) hidden += t.hidden[r][c] ? 1 : 0;
        EXPECT_NE(hidden, 1) << "column " << c;
        EXPECT_FALSE(visible_small(t.column_totals[c], t.column_total_hidden[c]));
    }
    EXPECT_FALSE(visible_small(t.total, t.total_hidden));
}

TEST(Stats, SmallCellsAreHiddenAndCannotBeRecomputed) {
    // Départements × categories.
    std::vector<std::vector<long long>> cells = {{25, 3, 40}, {12, 15, 0}, {30, 22, 18}};
    auto t = Mask(cells, 11);
    EXPECT_TRUE(t.hidden[0][2] || t.hidden[0][0]);  // the row of the 3 hides a second cell
    EXPECT_TRUE(t.hidden[0][1]);
    EXPECT_FALSE(t.hidden[1][2]);  // zero is never hidden
    ExpectSafe(t, 11);
    EXPECT_FALSE(t.total_hidden);
}

TEST(Stats, MaskingHoldsOnManyTables) {
    // A deterministic sweep of small tables with values around the threshold.
    unsigned seed = 7;
    auto next = [&] {
        seed = seed * 1103515245U + 12345U;
        return static_cast<long long>((seed >> 16) % 30);
    };
    for (int round = 0; round < 500; ++round) {
        std::size_t rows = 1 + static_cast<std::size_t>(next() % 5);
        std::size_t cols = 1 + static_cast<std::size_t>(next() % 5);
        std::vector<std::vector<long long>> cells(rows, std::vector<long long>(cols));
        for (auto& row : cells) {
            for (auto& v : row) v = next() % 3 == 0 ? 0 : next();
        }
        ExpectSafe(Mask(cells, 11), 11);
    }
}

}  // namespace
}  // namespace parcours::domain
