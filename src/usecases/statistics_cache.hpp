#pragma once
// The statistics already computed, and the bound on how many are computed at once.
//
// A dashboard reads every record of its scope (seconds and a hundred megabytes on the national
// dataset): computing it again for each of many analysts asking at once exhausted memory
// (bench/README.md). A result is kept under a key that names everything it depends on — the data
// generation (raised by every write of what the statistics read, whichever process), the scope,
// the window, the masking — so a kept result is exactly what a new computation would give.
// Callers asking for the same key at the same time wait for one computation; at most
// `concurrent` different keys are computed at once. The caller still checks the permission and
// audits the read for each request.
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>

#include "usecases/statistics_store.hpp"

namespace parcours::usecases {

class StatisticsCache {
  public:
    explicit StatisticsCache(std::size_t capacity = 8, int concurrent = 2);

    // A result as its JSON text, serialised once: the national dashboard is 387 kB of JSON, and
    // serialising it for each answer was most of a kept answer's cost (bench/README.md). Only the
    // text is kept: the tree it came from held 3 MB more for the national dashboard, and only
    // the exports (rare) read the figures, parsing the text again (3 ms).
    struct Kept {
        std::string text;
        nlohmann::json Parsed() const { return nlohmann::json::parse(text); }
    };
    using Result = std::shared_ptr<const Kept>;
    // The result kept for `key`, or `compute()`'s (then kept). If `compute` throws, its caller gets
    // the exception, nothing is kept, and a caller that was waiting for it computes in its turn.
    // `generation` is the data generation the key names: keeping a result of a newer one drops
    // the results of older ones, which no caller can ask for again (a national dashboard's
    // result holds megabytes).
    Result Get(const std::string& key,
               const std::function<nlohmann::json()>& compute,
               std::uint64_t generation = 0);

    struct Counters {
        std::uint64_t computed = 0;
        std::uint64_t served = 0;  // answered with a kept or shared result
    };
    Counters counters() const;

    // The country's facts, kept between computations (statistics_store.hpp).
    StatisticsStore& store() { return store_; }

  private:
    StatisticsStore store_;
    struct Entry {
        Result result;  // null while being computed
        std::list<std::string>::iterator order;
        std::uint64_t generation = 0;
    };

    const std::size_t capacity_;
    const int concurrent_;
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    std::map<std::string, Entry> entries_;
    std::list<std::string> order_;  // kept results, most recently used first
    int running_ = 0;
    std::uint64_t newest_ = 0;  // the newest generation of a kept result
    Counters counters_;
};

}  // namespace parcours::usecases
