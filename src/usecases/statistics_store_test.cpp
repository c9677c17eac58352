// The kept facts of one kind (FactTable): replaced person by person, always in id order.
#include <gtest/gtest.h>

#include "usecases/statistics_store.hpp"

namespace parcours::usecases {
namespace {

using domain::ReferralFact;

Keyed<ReferralFact> Referral(long long id, long long person, const std::string& source) {
    return {id, person, 7, {"33", domain::Date{std::chrono::year{2026} / 11 / 20}, source}};
}

std::vector<std::string> Sources(const std::vector<ReferralFact>& facts) {
    std::vector<std::string> out;
    for (const auto& f : facts) out.push_back(f.source);
    return out;
}

TEST(FactTableTest, ResetKeepsTheFactsInIdOrder) {
    std::vector<ReferralFact> facts;
    FactTable<ReferralFact> table(facts);
    table.Reset({Referral(3, 30, "c"), Referral(1, 10, "a"), Referral(2, 20, "b")});
    EXPECT_EQ(Sources(facts), (std::vector<std::string>{"a", "b", "c"}));
    EXPECT_EQ(table.size(), 3u);
    EXPECT_EQ(table.owner(0), 7);
}

TEST(FactTableTest, APersonsFactsAreUpdatedAddedAndDroppedAsReadNow) {
    std::vector<ReferralFact> facts;
    FactTable<ReferralFact> table(facts);
    table.Reset(
        {Referral(1, 10, "a"), Referral(2, 20, "b"), Referral(3, 20, "c"), Referral(4, 30, "d")});
    // Person 20: record 2 changed, record 3 gone, record 5 new.
    table.Replace({20}, {Referral(2, 20, "b2"), Referral(5, 20, "e")});
    EXPECT_EQ(Sources(facts), (std::vector<std::string>{"a", "b2", "d", "e"}));
    // A record now someone else's: read with its new person, dropped from nobody.
    table.Replace({10, 30}, {Referral(1, 30, "a2"), Referral(4, 30, "d")});
    EXPECT_EQ(Sources(facts), (std::vector<std::string>{"a2", "b2", "d", "e"}));
    // A new record with a lower id than the last (another process's transaction committed
    // later): still in id order.
    table.Replace({40}, {Referral(6, 40, "f")});
    table.Replace({10}, {Referral(0, 10, "z")});
    EXPECT_EQ(Sources(facts), (std::vector<std::string>{"z", "a2", "b2", "d", "e", "f"}));
    // Every record of a person gone (deleted): its facts go too, and the index follows.
    table.Replace({20}, {});
    EXPECT_EQ(Sources(facts), (std::vector<std::string>{"z", "a2", "d", "f"}));
    table.Replace({30}, {Referral(1, 30, "a3"), Referral(4, 30, "d2")});
    EXPECT_EQ(Sources(facts), (std::vector<std::string>{"z", "a3", "d2", "f"}));
    // Record 1 is person 30's now: gone when person 30's records no longer include it.
    table.Replace({30}, {Referral(4, 30, "d2")});
    EXPECT_EQ(Sources(facts), (std::vector<std::string>{"z", "d2", "f"}));
    EXPECT_EQ(table.size(), 3u);
}

}  // namespace
}  // namespace parcours::usecases
