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
// The decisions of the demande's parcours, each with its view, loaded once for a whole page.
using DecisionViews = std::vector<std::pair<DecisionRecord, nlohmann::json>>;
DecisionViews DecisionViewsOf(Ports& ports, UnitOfWork& uow, long long parcours_id);
nlohmann::json DemandeJson(Ports& ports,
                           UnitOfWork& uow,
                           const DemandeRecord& d,
                           const DecisionViews& decisions);
// The same, given the demande's agenda items already loaded (in id order).
nlohmann::json DemandeJson(Ports& ports,
                           UnitOfWork& uow,
                           const DemandeRecord& d,
                           const DecisionViews& decisions,
                           const std::vector<AgendaItemRecord>& agenda);
nlohmann::json ParcoursJson(Ports& ports,
                            UnitOfWork& uow,
                            const ParcoursRecord& p,
                            domain::Date today);
domain::DemandeContent ContentOf(Ports& ports, UnitOfWork& uow, const DemandeRecord& d);

}  // namespace parcours::usecases
