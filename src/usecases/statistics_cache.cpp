#include "usecases/statistics_cache.hpp"

namespace parcours::usecases {

StatisticsCache::StatisticsCache(std::size_t capacity, int concurrent)
    : capacity_(capacity), concurrent_(concurrent < 1 ? 1 : concurrent) {}

StatisticsCache::Result StatisticsCache::Get(const std::string& key,
                                             const std::function<nlohmann::json()>& compute,
                                             std::uint64_t generation) {
    std::unique_lock lock(mutex_);
    for (;;) {
        auto it = entries_.find(key);
        if (it != entries_.end() && it->second.result) {
            order_.splice(order_.begin(), order_, it->second.order);
            ++counters_.served;
            return it->second.result;
        }
        // Being computed by another caller, or every computing turn taken: wait for a change.
        if (it != entries_.end() || running_ >= concurrent_) {
            changed_.wait(lock);
            continue;
        }
        break;
    }
    entries_[key].order = order_.end();
    ++running_;
    lock.unlock();
    Result result;
    try {
        std::string text = compute().dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        result = std::make_shared<const Kept>(Kept{std::move(text)});
    } catch (...) {
        lock.lock();
        --running_;
        entries_.erase(key);
        changed_.notify_all();
        throw;
    }
    lock.lock();
    --running_;
    ++counters_.computed;
    if (generation > newest_) {
        newest_ = generation;
        for (auto it = order_.begin(); it != order_.end();) {
            auto kept = entries_.find(*it);
            if (kept->second.generation < generation) {
                entries_.erase(kept);
                it = order_.erase(it);
            } else {
                ++it;
            }
        }
    }
    Entry& entry = entries_[key];
    entry.result = result;
    entry.generation = generation;
    order_.push_front(key);
    entry.order = order_.begin();
    while (order_.size() > capacity_) {
        entries_.erase(order_.back());
        order_.pop_back();
    }
    changed_.notify_all();
    return result;
}

StatisticsCache::Counters StatisticsCache::counters() const {
    std::lock_guard lock(mutex_);
    return counters_;
}

}  // namespace parcours::usecases
