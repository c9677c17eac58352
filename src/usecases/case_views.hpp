#pragma once
// The JSON views of the parcours records (what the API answers).
#include <nlohmann/json.hpp>

#include "domain/case_rules.hpp"
#include "usecases/context.hpp"

namespace parcours::usecases {

nlohmann::json DocumentJson(Ports& ports, const DocumentRecord& d);
nlohmann::json FollowupJson(Ports& ports, const FollowupRecord& f);
// `missing` is computed for drafts: what still prevents submission.
nlohmann::json DemandeJson(Ports& ports, UnitOfWork& uow, const DemandeRecord& d);
nlohmann::json ParcoursJson(Ports& ports,
                            UnitOfWork& uow,
                            const ParcoursRecord& p,
                            domain::Date today);
domain::DemandeContent ContentOf(Ports& ports, UnitOfWork& uow, const DemandeRecord& d);

}  // namespace parcours::usecases
