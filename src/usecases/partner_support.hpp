#pragma once
// Shared by the partner use cases: who sees which partner, who edits it, the checked input, the
// JSON shape. A partner outside the caller's region is a 404; visible but not editable, a 403.
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>

#include "domain/dates.hpp"
#include "usecases/context.hpp"
#include "usecases/partner_ports.hpp"

namespace parcours::usecases {

// The départements whose partners the caller reads (every département for the instance scope).
struct PartnerReader {
    bool instance = false;
    std::set<std::string> departements;
    bool Sees(const PartnerRecord& p) const;
};

PartnerReader ReaderOf(UnitOfWork& uow, const Principal& who);

// The partner when it exists and the caller reads it; otherwise 404 (Invalid).
PartnerRecord LoadPartner(UnitOfWork& uow, const Principal& who, long long id);
// 403 naming `departement` unless the caller may edit the partners of that département.
void RequireManage(const Principal& who, const std::string& departement);

// Checks a partner's editable fields (the shape of POST /partners) into `p`. Throws Invalid
// naming the field.
void ApplyPartnerInput(UnitOfWork& uow, const nlohmann::json& input, PartnerRecord& p);

nlohmann::json PartnerJson(UnitOfWork& uow, const PartnerRecord& p, domain::Date today);

// The name of a partner a parcours action may link to: one the document links to already (even
// archived since), or a new one visible to the caller and not archived; otherwise rejects `field`.
std::string LinkablePartnerName(UnitOfWork& uow,
                                const Principal& who,
                                long long id,
                                const std::string& field,
                                const std::vector<long long>& already_linked);

// Marks the partner verified today by the caller.
void MarkVerified(PartnerRecord& p, const Principal& who, domain::Instant now);

}  // namespace parcours::usecases
