#pragma once
// What the pieces of the statistics share (statistics.cpp, statistics_facts.cpp,
// statistics_export.cpp).
#include <cstdint>
#include <optional>
#include <set>
#include <string>

#include "domain/stats.hpp"
#include "usecases/context.hpp"
#include "usecases/statistics_memo.hpp"

namespace parcours::usecases {

// Every record of the départements `depts` (and, for an association's report, of
// `association`) as the domain's facts; `epoch` is the computation's number in `memo`.
domain::StatsFacts LoadFacts(Ports& ports,
                             UnitOfWork& uow,
                             const std::set<std::string>& depts,
                             std::optional<long long> association,
                             StatisticsMemo& memo,
                             std::uint64_t epoch);

// "1 234,5": a French decimal with `decimals` digits after the comma.
std::string FrenchNumber(double value, int decimals);

}  // namespace parcours::usecases
