#pragma once
// Rights of a parcours (AFIS, APS, housing, other rights) and the alerts of the caller's scope.
#include <nlohmann/json.hpp>

#include "domain/result.hpp"
#include "usecases/context.hpp"

namespace parcours::usecases {

using Json = nlohmann::json;

domain::Result<Json> RecordAfis(Ports& ports,
                                const Principal& who,
                                long long parcours_id,
                                const Json& input,
                                const RequestMeta& meta,
                                domain::Instant now);
domain::Result<Json> RecordMsaAnswer(Ports& ports,
                                     const Principal& who,
                                     long long afis_id,
                                     const Json& input,
                                     const RequestMeta& meta,
                                     domain::Instant now);
domain::Result<Json> RecordAps(Ports& ports,
                               const Principal& who,
                               long long parcours_id,
                               const Json& input,
                               const RequestMeta& meta,
                               domain::Instant now);
domain::Result<Json> RecordHousing(Ports& ports,
                                   const Principal& who,
                                   long long parcours_id,
                                   const Json& input,
                                   const RequestMeta& meta,
                                   domain::Instant now);
domain::Result<Json> RecordOtherRight(Ports& ports,
                                      const Principal& who,
                                      long long parcours_id,
                                      const Json& input,
                                      const RequestMeta& meta,
                                      domain::Instant now);
// The rights of a parcours as GET /parcours/{id}/rights shows them.
Json RightsJson(Ports& ports, UnitOfWork& uow, const ParcoursRecord& p);
domain::Result<Json> GetRights(Ports& ports,
                               const Principal& who,
                               long long parcours_id,
                               const RequestMeta& meta,
                               domain::Instant now);

// `who` empty: the CLI, every alert of the instance.
domain::Result<Json> ListAlerts(Ports& ports, const std::optional<Principal>& who, domain::Date on);

}  // namespace parcours::usecases
