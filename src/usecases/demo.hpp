#pragma once
// A synthetic dataset for demonstrations and benchmarks (`parcours demo`): fictitious persons
// taken through the same use cases as the API — referrals, assessments, parcours, documents,
// demandes, commissions and séances, avis, decisions, renewals, rights, exits — with dates spread
// over the years, deterministic for a given seed.
#include <nlohmann/json.hpp>
#include <string>

#include "domain/result.hpp"
#include "usecases/context.hpp"

namespace parcours::usecases {

struct DemoSettings {
    std::string scale = "small";  // small | national | stress
    unsigned seed = 1;
    int first_year = 0;  // 0: from the scale (small: last two years; national: 2017)
};

// → {"departements", "associations", "persons", "parcours", "demandes", "decisions",
//    "seances", "accounts": [{email, role, password}]}. Stops at the first refusal by a use case
// (a generator bug), naming it.
domain::Result<nlohmann::json> GenerateDemo(Ports& ports,
                                            const DemoSettings& settings,
                                            domain::Instant now);

}  // namespace parcours::usecases
