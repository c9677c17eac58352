#include "domain/interned.hpp"

#include <gtest/gtest.h>

#include <set>
#include <thread>
#include <vector>

namespace parcours::domain {
namespace {

TEST(Interned, SameTextIsTheSameCodeWhateverItCameFrom) {
    std::string text = "autorise";
    Interned a = text;
    Interned b = std::string_view("autorise");
    Interned c = "autorise";
    EXPECT_EQ(a, b);
    EXPECT_EQ(b, c);
    EXPECT_EQ(&a.str(), &c.str());  // one text for all of them
    EXPECT_FALSE(Interned("refuse") == a);
    EXPECT_TRUE(a == "autorise");
    EXPECT_TRUE(a != "refuse");
    EXPECT_TRUE(a == std::string("autorise"));
    EXPECT_EQ(sizeof(Interned), sizeof(void*));
}

TEST(Interned, EmptyByDefault) {
    Interned none;
    EXPECT_TRUE(none.empty());
    EXPECT_EQ(none, Interned(""));
    EXPECT_EQ(none.str(), "");
    EXPECT_FALSE(Interned("33").empty());
}

TEST(Interned, StandsWhereATextWas) {
    Interned dept = "2A";
    const std::string& text = dept;
    EXPECT_EQ(text, "2A");
    std::set<Interned> sorted{"75", "13", "2A", "13"};
    EXPECT_EQ(sorted.size(), 3u);
    EXPECT_EQ(sorted.begin()->str(), "13");
}

TEST(Interned, InternedFromManyThreadsAtOnce) {
    std::vector<std::thread> threads;
    std::vector<const std::string*> seen(8);
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([t, &seen] {
            for (int i = 0; i < 1000; ++i) Interned(std::to_string(i));
            seen[t] = &Interned("thread-race").str();
        });
    }
    for (auto& thread : threads) thread.join();
    for (const auto* text : seen) EXPECT_EQ(text, seen[0]);
    EXPECT_EQ(Interned("999"), Interned(std::to_string(999)));
}

}  // namespace
}  // namespace parcours::domain
