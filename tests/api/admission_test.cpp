// The gate in front of the requests' work (http/admission.hpp): never more at work than its
// slots, turns given in arrival order, and a request that waited too long leaves the line.
#include "http/admission.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

namespace parcours::http {
namespace {

using namespace std::chrono_literals;

TEST(AdmissionTest, NeverMoreAtWorkThanItsSlots) {
    Admission gate(3);
    std::atomic<int> inside{0};
    std::atomic<int> most{0};
    std::vector<std::thread> requests;
    for (int i = 0; i < 24; ++i) {
        requests.emplace_back([&] {
            auto turn = gate.Enter(10s);
            ASSERT_TRUE(turn.has_value());
            int now = ++inside;
            int seen = most.load();
            while (now > seen && !most.compare_exchange_weak(seen, now)) {
            }
            std::this_thread::sleep_for(2ms);
            --inside;
        });
    }
    for (auto& r : requests) r.join();
    EXPECT_EQ(most.load(), 3);
    // Every slot came back: three more at once get in without waiting.
    auto a = gate.Enter(0ms), b = gate.Enter(0ms), c = gate.Enter(0ms);
    EXPECT_TRUE(a && b && c);
    EXPECT_FALSE(gate.Enter(0ms).has_value());
}

// Gives a request started just now the time to take its place in line.
void LetThemQueue() {
    std::this_thread::sleep_for(50ms);
}

TEST(AdmissionTest, TurnsComeInArrivalOrder) {
    Admission gate(1);
    auto first = gate.Enter(1s);
    ASSERT_TRUE(first);
    std::mutex mutex;
    std::vector<int> order;
    std::vector<std::thread> requests;
    for (int i = 0; i < 6; ++i) {
        requests.emplace_back([&, i] {
            auto turn = gate.Enter(10s);
            ASSERT_TRUE(turn.has_value());
            std::lock_guard lock(mutex);
            order.push_back(i);
        });
        LetThemQueue();  // request i is in line before request i + 1 arrives
    }
    first.reset();  // each leaving hands its slot to the first in line, never to a newcomer
    for (auto& r : requests) r.join();
    EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3, 4, 5}));
}

TEST(AdmissionTest, ARequestOutOfPatienceLeavesTheLine) {
    Admission gate(1);
    auto held = gate.Enter(1s);
    ASSERT_TRUE(held);
    auto start = std::chrono::steady_clock::now();
    EXPECT_FALSE(gate.Enter(30ms).has_value());
    EXPECT_GE(std::chrono::steady_clock::now() - start, 30ms);
    // The slot, once given back, goes to the next request, not to the one that left.
    held.reset();
    EXPECT_TRUE(gate.Enter(0ms).has_value());
}

}  // namespace
}  // namespace parcours::http
