#pragma once
// The commission's criteria grid and eligibility assessments.
#include <nlohmann/json.hpp>

#include "domain/result.hpp"
#include "usecases/context.hpp"

namespace parcours::usecases {

domain::Result<nlohmann::json> GetCriteriaGrid(Ports& ports,
                                               const Principal& who,
                                               const std::string& departement,
                                               std::optional<std::string> date,
                                               domain::Instant now);
domain::Result<nlohmann::json> PutCriteriaGrid(Ports& ports,
                                               const Principal& who,
                                               const std::string& departement,
                                               const nlohmann::json& input,
                                               const RequestMeta& meta,
                                               domain::Instant now);
domain::Result<nlohmann::json> CreateAssessment(Ports& ports,
                                                const Principal& who,
                                                long long person_id,
                                                const nlohmann::json& input,
                                                const RequestMeta& meta,
                                                domain::Instant now);

nlohmann::json AssessmentJson(Ports& ports, const AssessmentRecord& a);

}  // namespace parcours::usecases
