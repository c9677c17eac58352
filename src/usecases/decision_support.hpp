#pragma once
// Shared by the préfet's decisions (decisions.cpp) and what follows them (decision_notices.cpp:
// the letter, the notifications, the appeals): scoped loading, signing, opening a period.
#include <optional>
#include <string>

#include "domain/commission.hpp"
#include "usecases/context.hpp"

namespace parcours::usecases {

struct LoadedDecision {
    DecisionRecord decision;
    ParcoursRecord parcours;
};

// The decision and its parcours when `action` is allowed on the parcours; otherwise a 404.
LoadedDecision LoadDecision(UnitOfWork& uow,
                            const Principal& who,
                            long long id,
                            domain::Action action);

// The display name of the signatory, "" when the account is gone.
std::string SignerName(UnitOfWork& uow, long long user_id);

// Inserts the decision and its event; moves the parcours (same transaction).
DecisionRecord Sign(Ports& ports,
                    UnitOfWork& uow,
                    const Principal& who,
                    ParcoursRecord& p,
                    DecisionRecord d,
                    domain::ParcoursState to,
                    const std::string& reasons,
                    domain::Instant now);

// Opens the next period for an authorisation or a renewal.
PeriodRecord OpenPeriod(UnitOfWork& uow,
                        const ParcoursRecord& p,
                        long long demande_id,
                        std::optional<domain::Date> start);

}  // namespace parcours::usecases
