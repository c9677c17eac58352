#pragma once
// What the statistics derive from sealed records (an age, a nationality, a situation of
// trafficking, an exit's outcome, an AFIS or APS record), kept in memory by the sealed value's
// version (Crypto::VersionOf), so that a dashboard computed again after a write opens only the
// records written since. Opening and parsing every sealed record was most of a national
// dashboard's computation (bench/README.md). A version names one ciphertext: a record written
// again gets a new one, so a kept value is always what opening the record would give.
//
// Only these few derived values are kept, never a decrypted record; they live in the server's
// memory, as the statistics computed from them do. A national computation (one that sees every
// record) drops the values it did not use: those of records changed or deleted since.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "domain/dates.hpp"
#include "usecases/ports.hpp"

namespace parcours::usecases {

template <class Value>
class VersionMemo {
  public:
    static constexpr std::size_t kMaxValues = std::size_t{1} << 18;

    // The value kept for `version`, or `derive()`'s (then kept). `derive` runs outside the lock;
    // if it throws, nothing is kept.
    template <class Derive>
    Value Get(const SealedVersion& version, std::uint64_t epoch, Derive&& derive) {
        {
            std::lock_guard lock(mutex_);
            auto it = values_.find(version);
            if (it != values_.end()) {
                it->second.used = std::max(it->second.used, epoch);
                return it->second.value;
            }
        }
        Value value = derive();
        std::lock_guard lock(mutex_);
        // Only national computations drop what they did not use: a bound for the rest.
        if (values_.size() >= kMaxValues) values_.clear();
        values_.insert_or_assign(version, Entry{value, epoch});
        return value;
    }

    // Drops the values no computation used since `epoch`.
    void DropUnusedSince(std::uint64_t epoch) {
        std::lock_guard lock(mutex_);
        std::erase_if(values_, [&](const auto& kv) { return kv.second.used < epoch; });
    }

    std::size_t size() const {
        std::lock_guard lock(mutex_);
        return values_.size();
    }

  private:
    struct Hash {
        std::size_t operator()(const SealedVersion& v) const {
            std::size_t h = 0;  // random bytes: any eight of them spread well
            std::memcpy(&h, v.data(), sizeof h);
            return h;
        }
    };
    struct Entry {
        Value value;
        std::uint64_t used = 0;  // the latest computation that used it
    };
    mutable std::mutex mutex_;
    std::unordered_map<SealedVersion, Entry, Hash> values_;
};

// From a person's identity: what the age bands and the nationality groups need.
struct IdentityStats {
    std::optional<domain::Date> birth_date;
    std::string nationality;  // ISO 3166 alpha-3, upper case
};

// From a person's protected situation.
struct SituationStats {
    std::optional<bool> trafficking;
};

// From an exit's outcome: housing, activity, … → code (notes left out).
struct ExitStats {
    std::map<std::string, std::string> outcome;
};

// From an AFIS or APS record.
struct RightStats {
    bool afis_granted = false;
    std::optional<domain::Date> afis_first_payment;
    std::optional<domain::Date> afis_application;
    std::optional<long long> afis_amount_cents;
    std::optional<domain::Date> aps_issued;
};

class StatisticsMemo {
  public:
    VersionMemo<IdentityStats> identities;
    VersionMemo<SituationStats> situations;
    VersionMemo<ExitStats> exits;
    VersionMemo<RightStats> rights;

    // A number for the computation about to run (values it uses are marked with it).
    std::uint64_t Begin() {
        std::lock_guard lock(mutex_);
        return ++epoch_;
    }
    // After a computation that saw every record: what it did not use is gone from the database
    // (or was written again), and is dropped.
    void SawEverything(std::uint64_t epoch) {
        identities.DropUnusedSince(epoch);
        situations.DropUnusedSince(epoch);
        exits.DropUnusedSince(epoch);
        rights.DropUnusedSince(epoch);
    }

  private:
    std::mutex mutex_;
    std::uint64_t epoch_ = 0;
};

}  // namespace parcours::usecases
