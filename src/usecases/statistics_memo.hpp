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
#include <array>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/dates.hpp"
#include "usecases/ports.hpp"

namespace parcours::usecases {

// An open-addressing table in one block of memory: the values stay in place between
// computations, where a node per value scattered through the heap kept glibc from giving the
// transient memory of each computation back to the system (RSS under load 53 → 72 MB).
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
            if (Slot* slot = Find(version)) {
                slot->used = std::max(slot->used, Epoch(epoch));
                return slot->value;
            }
        }
        Value value = derive();
        std::lock_guard lock(mutex_);
        // Only national computations drop what they did not use: a bound for the rest.
        if (count_ >= kMaxValues) Reset(0);
        if (Slot* slot = Find(version)) {
            slot->value = value;
            slot->used = std::max(slot->used, Epoch(epoch));
            return value;
        }
        if ((count_ + 1) * 4 > slots_.size() * 3)
            Rehash(std::max<std::size_t>(64, slots_.size() * 2));
        Place(Slot{version, Epoch(epoch), value});
        return value;
    }

    // Drops the values no computation used since `epoch`.
    void DropUnusedSince(std::uint64_t epoch) {
        std::lock_guard lock(mutex_);
        std::size_t kept = 0;
        for (const auto& slot : slots_) kept += slot.used != 0 && slot.used >= Epoch(epoch);
        if (kept == count_) return;  // the usual case: a few values were added, none dropped
        std::vector<Slot> old = std::move(slots_);
        Reset(CapacityFor(kept));
        for (auto& slot : old) {
            if (slot.used != 0 && slot.used >= Epoch(epoch)) Place(std::move(slot));
        }
    }

    std::size_t size() const {
        std::lock_guard lock(mutex_);
        return count_;
    }

  private:
    struct Slot {
        SealedVersion version{};
        std::uint32_t used = 0;  // the latest computation that used it; 0: an empty slot
        Value value{};
    };

    // Computations are numbered from 1 (StatisticsMemo::Begin); 2^32 of them is decades.
    static std::uint32_t Epoch(std::uint64_t epoch) {
        return static_cast<std::uint32_t>(std::clamp<std::uint64_t>(epoch, 1, UINT32_MAX));
    }
    static std::size_t CapacityFor(std::size_t values) {
        std::size_t capacity = 64;
        while (capacity * 3 < values * 4) capacity *= 2;
        return capacity;
    }
    // Random bytes: any eight of them spread well.
    std::size_t Home(const SealedVersion& v) const {
        std::size_t h = 0;
        std::memcpy(&h, v.data(), sizeof h);
        return h & (slots_.size() - 1);
    }
    Slot* Find(const SealedVersion& v) {
        if (slots_.empty()) return nullptr;
        for (std::size_t i = Home(v);; i = (i + 1) & (slots_.size() - 1)) {
            Slot& slot = slots_[i];
            if (slot.used == 0) return nullptr;
            if (slot.version == v) return &slot;
        }
    }
    void Place(Slot&& slot) {
        std::size_t i = Home(slot.version);
        while (slots_[i].used != 0) i = (i + 1) & (slots_.size() - 1);
        slots_[i] = std::move(slot);
        ++count_;
    }
    void Rehash(std::size_t capacity) {
        std::vector<Slot> old = std::move(slots_);
        Reset(capacity);
        for (auto& slot : old) {
            if (slot.used != 0) Place(std::move(slot));
        }
    }
    void Reset(std::size_t capacity) {
        slots_.assign(capacity, Slot{});
        count_ = 0;
    }

    mutable std::mutex mutex_;
    std::vector<Slot> slots_;
    std::size_t count_ = 0;
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

// From an exit's outcome: for each of domain::ExitOutcomeLists(), the index of its code in the
// list, kNone when absent or not one of the list's codes (notes left out).
struct ExitStats {
    static constexpr std::uint8_t kNone = 0xff;
    std::array<std::uint8_t, 4> codes{kNone, kNone, kNone, kNone};
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
