#pragma once
// The statistical facts of the whole country, kept in memory between computations and brought up
// to date with only the records written since (docs/architecture.md, Storage).
//
// Reading every record again for each computation after a write took 280 ms on the national
// dataset, 87 ms of which SQLite needed only to read and join the rows (bench/README.md). Every
// record the dashboards count hangs off one person, and the statistics journal (migration 0014)
// names the persons whose records each generation changed: the store reads those persons'
// records again, and nothing else. It holds derived facts only (a département, dates, codes, an
// age's birth date, a nationality), never an identity, as the computations did transiently.
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/stats.hpp"

namespace parcours::usecases {

class UnitOfWork;
struct Ports;

// A fact with what the store needs to keep it: its record's id, the person it hangs off, and the
// association whose record it is (an association's activity report counts only its own).
template <class Fact>
struct Keyed {
    long long id = 0;
    long long person = 0;
    long long owner = 0;
    Fact fact;
};

// The facts of some persons (all of them, or those a write changed), as read from the database.
struct FactBatch {
    std::vector<Keyed<domain::ReferralFact>> referrals;
    std::vector<Keyed<domain::AssessmentFact>> assessments;
    std::vector<Keyed<domain::ParcoursFact>> parcours;
    std::vector<Keyed<domain::DemandeFact>> demandes;
};

// The records of `persons` (every person when null) as facts (statistics_facts.cpp).
FactBatch LoadFactBatch(Ports& ports, UnitOfWork& uow, const std::vector<long long>* persons);

// Every commission and agrément as facts (few rows; read again when the journal says one
// changed).
void LoadCommissionFacts(UnitOfWork& uow, domain::StatsFacts& facts);

// One kind of fact, in a vector of the domain's facts kept in id order, with each fact's id,
// person and owner beside it (found by binary search on the ids: a hash index of 100,000 ids was
// 4 MB more of resident memory). Pure: tested in statistics_store_test.cpp.
template <class Fact>
class FactTable {
  public:
    explicit FactTable(std::vector<Fact>& facts) : facts_(facts) {}

    // Every fact, replaced by `all`.
    void Reset(std::vector<Keyed<Fact>>&& all);
    // The facts of `persons` (sorted), replaced by `fresh` (theirs, as read now): a fact kept is
    // updated in place, a new one added, one no longer read dropped.
    void Replace(const std::vector<long long>& persons, std::vector<Keyed<Fact>>&& fresh);

    std::size_t size() const { return ids_.size(); }
    long long owner(std::size_t i) const { return owners_[i]; }
    const Fact& fact(std::size_t i) const { return facts_[i]; }

  private:
    void Append(Keyed<Fact>&& keyed);
    void Reorder(const std::vector<bool>& drop);
    // The position of `id` among the first `sorted` facts, if there.
    std::optional<std::size_t> Find(long long id, std::size_t sorted) const;

    std::vector<Fact>& facts_;
    std::vector<long long> ids_;
    std::vector<long long> persons_;
    std::vector<long long> owners_;
};

class StatisticsStore {
  public:
    StatisticsStore();
    StatisticsStore(const StatisticsStore&) = delete;
    StatisticsStore& operator=(const StatisticsStore&) = delete;

    // Calls `use` with the facts of the scope (the départements `depts`; for an association's
    // report, its own records) as of data generation `generation`, read in `uow`'s snapshot.
    // `national`: every département, no association (the kept facts themselves, no copy).
    void With(Ports& ports,
              UnitOfWork& uow,
              long long generation,
              const std::set<std::string>& depts,
              std::optional<long long> association,
              bool national,
              const std::function<void(const domain::StatsFacts&)>& use);

    struct Counters {
        std::uint64_t full_loads = 0;        // every record read
        std::uint64_t partial_loads = 0;     // the records of the persons a write changed
        std::uint64_t persons_read = 0;      // persons read again by partial loads
        std::uint64_t commission_loads = 0;  // commission facts read again (after a full load)
    };
    Counters counters() const;

  private:
    void Sync(Ports& ports, UnitOfWork& uow, long long generation);
    void FullLoad(Ports& ports, UnitOfWork& uow, long long generation);

    mutable std::mutex mutex_;
    bool loaded_ = false;
    long long generation_ = 0;
    domain::StatsFacts facts_;
    FactTable<domain::ReferralFact> referrals_;
    FactTable<domain::AssessmentFact> assessments_;
    FactTable<domain::ParcoursFact> parcours_;
    FactTable<domain::DemandeFact> demandes_;
    Counters counters_;
};

}  // namespace parcours::usecases
