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
// The active files in the caller's scope; with `archived`, the association admin's list of her
// association's archived files (docs/retention.md), 404 for every other role.
domain::Result<Json> ListPersons(Ports& ports,
                                 const Principal& who,
                                 const std::string& query,
                                 bool archived,
                                 int limit,
                                 int offset,
                                 const RequestMeta& meta,
                                 domain::Instant now);
domain::Result<Json> GetPerson(
    Ports& ports, const Principal& who, long long id, const RequestMeta& meta, domain::Instant now);
// A person's whole file for a subject-access request (GDPR art. 15): the person, and for each
// parcours its history, every document version, follow-ups, demandes and rights. Audited.
domain::Result<Json> ExportPerson(
    Ports& ports, const Principal& who, long long id, const RequestMeta& meta, domain::Instant now);
// The person as GET /persons/{id} shows it; the identity only when `with_identity`.
Json PersonJson(
    Ports& ports, UnitOfWork& uow, const PersonRecord& p, bool with_identity, domain::Date today);
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
