#pragma once
// Associations, persons and referrals.
#include <nlohmann/json.hpp>

#include "domain/result.hpp"
#include "usecases/context.hpp"

namespace parcours::usecases {

using Json = nlohmann::json;

// Associations: `who` empty for the CLI.
domain::Result<Json> CreateAssociation(Ports& ports,
                                       const std::optional<Principal>& who,
                                       const Json& input,
                                       const RequestMeta& meta,
                                       domain::Instant now);
domain::Result<Json> ListAssociations(Ports& ports, const Principal& who);
domain::Result<Json> GetAssociation(Ports& ports, const Principal& who, long long id);

domain::Result<Json> CreatePerson(Ports& ports,
                                  const Principal& who,
                                  const Json& input,
                                  const RequestMeta& meta,
                                  domain::Instant now);
domain::Result<Json> ListPersons(Ports& ports,
                                 const Principal& who,
                                 const std::string& query,
                                 int limit,
                                 int offset,
                                 const RequestMeta& meta,
                                 domain::Instant now);
domain::Result<Json> GetPerson(
    Ports& ports, const Principal& who, long long id, const RequestMeta& meta, domain::Instant now);
domain::Result<Json> UpdatePerson(Ports& ports,
                                  const Principal& who,
                                  long long id,
                                  const Json& input,
                                  const RequestMeta& meta,
                                  domain::Instant now);
domain::Result<Json> AddReferral(Ports& ports,
                                 const Principal& who,
                                 long long person_id,
                                 const Json& input,
                                 const RequestMeta& meta,
                                 domain::Instant now);

}  // namespace parcours::usecases
