#pragma once
// The parcours: opening, its document, follow-ups, demandes, avis, decisions and exit.
#include <nlohmann/json.hpp>

#include "domain/result.hpp"
#include "usecases/context.hpp"

namespace parcours::usecases {

using Json = nlohmann::json;

domain::Result<Json> OpenParcours(Ports& ports,
                                  const Principal& who,
                                  const Json& input,
                                  const RequestMeta& meta,
                                  domain::Instant now);
domain::Result<Json> GetParcours(
    Ports& ports, const Principal& who, long long id, const RequestMeta& meta, domain::Instant now);
domain::Result<Json> PutDocument(Ports& ports,
                                 const Principal& who,
                                 long long parcours_id,
                                 const Json& input,
                                 const RequestMeta& meta,
                                 domain::Instant now);
domain::Result<Json> GetDocument(Ports& ports,
                                 const Principal& who,
                                 long long parcours_id,
                                 std::optional<int> version,
                                 const RequestMeta& meta,
                                 domain::Instant now);
domain::Result<Json> AddFollowup(Ports& ports,
                                 const Principal& who,
                                 long long parcours_id,
                                 const Json& input,
                                 const RequestMeta& meta,
                                 domain::Instant now);
domain::Result<Json> ListFollowups(Ports& ports,
                                   const Principal& who,
                                   long long parcours_id,
                                   const RequestMeta& meta,
                                   domain::Instant now);
// POST /followups/import (text/csv; also `parcours import followups`): follow-ups kept in a
// spreadsheet, one per line, all or nothing (followup_import.cpp).
domain::Result<Json> ImportFollowupsCsv(Ports& ports,
                                        const Principal& who,
                                        bool is_csv,
                                        const std::string& csv,
                                        const RequestMeta& meta,
                                        domain::Instant now);
domain::Result<Json> ExitParcours(Ports& ports,
                                  const Principal& who,
                                  long long parcours_id,
                                  const Json& input,
                                  const RequestMeta& meta,
                                  domain::Instant now);

domain::Result<Json> CreateDemande(Ports& ports,
                                   const Principal& who,
                                   long long parcours_id,
                                   const Json& input,
                                   const RequestMeta& meta,
                                   domain::Instant now);
domain::Result<Json> EditDemande(Ports& ports,
                                 const Principal& who,
                                 long long demande_id,
                                 const Json& input,
                                 const RequestMeta& meta,
                                 domain::Instant now);
domain::Result<Json> GetDemande(Ports& ports,
                                const Principal& who,
                                long long demande_id,
                                const RequestMeta& meta,
                                domain::Instant now);
domain::Result<Json> SubmitDemande(Ports& ports,
                                   const Principal& who,
                                   long long demande_id,
                                   const RequestMeta& meta,
                                   domain::Instant now);
// The demandes in `state` in the caller's scope (the instructor's agenda builder, the
// signatory's decisions to take), oldest parcours first; no identity fields.
domain::Result<Json> ListDemandesInState(Ports& ports,
                                         const Principal& who,
                                         const std::string& state);

}  // namespace parcours::usecases
