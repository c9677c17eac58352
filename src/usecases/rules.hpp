#pragma once
// The legal parameters and the AFIS scale (public information).
#include <nlohmann/json.hpp>

#include "domain/result.hpp"
#include "usecases/context.hpp"

namespace parcours::usecases {

// No login: the amount of the AFIS is public information.
domain::Result<nlohmann::json> SimulateAfis(Ports& ports,
                                            const std::string& date,
                                            int children,
                                            const std::string& territory);
domain::Result<nlohmann::json> ListLegalParameters(Ports& ports, const Principal& who);
// Adds a row for a new decree; past rows are never changed (409 on the same date).
domain::Result<nlohmann::json> AddLegalParameter(Ports& ports,
                                                 const Principal& who,
                                                 const nlohmann::json& input,
                                                 const RequestMeta& meta,
                                                 domain::Instant now);

}  // namespace parcours::usecases
