#include "usecases/statistics_cache.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

namespace parcours::usecases {
namespace {

using Json = nlohmann::json;
using namespace std::chrono_literals;

TEST(StatisticsCache, AKeptResultIsServedWithoutComputingAgain) {
    StatisticsCache cache;
    int runs = 0;
    auto compute = [&] { return Json{{"run", ++runs}}; };
    EXPECT_EQ(cache.Get("7|national", compute)->Parsed()["run"], 1);
    EXPECT_EQ(cache.Get("7|national", compute)->Parsed()["run"], 1);
    EXPECT_EQ(cache.Get("8|national", compute)->Parsed()["run"],
              2);  // another generation: computed
    EXPECT_EQ(cache.counters().computed, 2u);
    EXPECT_EQ(cache.counters().served, 1u);
}

TEST(StatisticsCache, AResultKeepsItsJsonTextAsTheApiSendsIt) {
    StatisticsCache cache;
    auto kept = cache.Get("1|departement:2A", [] {
        return Json{{"scope_label", "Corse-du-Sud"}, {"label", "Décisions"}, {"value", 12}};
    });
    EXPECT_EQ(kept->text, R"({"label":"Décisions","scope_label":"Corse-du-Sud","value":12})");
    // Invalid UTF-8 in a label cannot make the answer fail: it is replaced, as WriteJson does.
    auto broken = cache.Get("1|bad", [] { return Json{{"label", std::string("\xC3")}}; });
    EXPECT_EQ(broken->text, "{\"label\":\"\xEF\xBF\xBD\"}");
}

TEST(StatisticsCache, CallersOfOneKeyAtOnceShareOneComputation) {
    StatisticsCache cache;
    std::atomic<int> runs = 0;
    auto compute = [&] {
        ++runs;
        std::this_thread::sleep_for(100ms);
        return Json{{"ok", true}};
    };
    std::vector<std::thread> callers;
    std::atomic<int> answered = 0;
    for (int i = 0; i < 8; ++i) {
        callers.emplace_back([&] {
            if (cache.Get("1|national", compute)->Parsed()["ok"] == true) ++answered;
        });
    }
    for (auto& t : callers) t.join();
    EXPECT_EQ(runs, 1);
    EXPECT_EQ(answered, 8);
    EXPECT_EQ(cache.counters().served, 7u);
}

TEST(StatisticsCache, AtMostTheBoundOfDifferentKeysAreComputedAtOnce) {
    StatisticsCache cache(8, 2);
    std::atomic<int> now = 0;
    std::atomic<int> most = 0;
    std::vector<std::thread> callers;
    for (int i = 0; i < 6; ++i) {
        callers.emplace_back([&, i] {
            cache.Get("1|departement:" + std::to_string(i), [&] {
                int running = ++now;
                int seen = most;
                while (running > seen && !most.compare_exchange_weak(seen, running)) {
                }
                std::this_thread::sleep_for(50ms);
                --now;
                return Json::object();
            });
        });
    }
    for (auto& t : callers) t.join();
    EXPECT_EQ(most, 2);
    EXPECT_EQ(cache.counters().computed, 6u);
}

TEST(StatisticsCache, AFailureIsNotKeptAndTheNextCallerComputes) {
    StatisticsCache cache;
    EXPECT_THROW(cache.Get("1|national", []() -> Json { throw std::runtime_error("disk"); }),
                 std::runtime_error);
    EXPECT_EQ(cache.Get("1|national", [] { return Json{{"ok", true}}; })->Parsed()["ok"], true);
    EXPECT_EQ(cache.counters().computed, 1u);
}

TEST(StatisticsCache, TheLeastRecentlyUsedResultGoesFirst) {
    StatisticsCache cache(2, 2);
    int runs = 0;
    auto compute = [&] { return Json{{"run", ++runs}}; };
    cache.Get("a", compute);
    cache.Get("b", compute);
    cache.Get("a", compute);  // a is now the most recent
    cache.Get("c", compute);  // b goes
    EXPECT_EQ(cache.Get("a", compute)->Parsed()["run"], 1);
    EXPECT_EQ(cache.Get("b", compute)->Parsed()["run"], 4);
    EXPECT_EQ(cache.counters().computed, 4u);
}

TEST(StatisticsCache, AResultOfANewerGenerationDropsTheOlderOnes) {
    StatisticsCache cache;
    int runs = 0;
    auto compute = [&] { return Json{{"run", ++runs}}; };
    auto old_national = cache.Get("7|national", compute, 7);
    cache.Get("7|departement:33", compute, 7);
    cache.Get("8|national", compute, 8);  // a write happened: generation 8
    EXPECT_EQ(runs, 3);
    // Those of generation 7 are gone (a caller still holding one keeps it)...
    EXPECT_EQ(old_national->Parsed()["run"], 1);
    EXPECT_EQ(cache.Get("7|departement:33", compute, 7)->Parsed()["run"], 4);
    // ...and the newest stays.
    EXPECT_EQ(cache.Get("8|national", compute, 8)->Parsed()["run"], 3);
}

}  // namespace
}  // namespace parcours::usecases
