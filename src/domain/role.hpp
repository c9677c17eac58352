#pragma once
// The roles of PRODUCT.md §2. Scope attributes (association, département, region) live on the user.
#include <array>
#include <optional>
#include <string_view>

namespace parcours::domain {

enum class Role {
    kAssociationWorker,
    kAssociationAdmin,
    kPrefectureInstructor,
    kCommissionMember,
    kSignatory,
    kAnalystRegional,
    kAnalystNational,
    kAdmin,
};

inline constexpr std::array kAllRoles = {
    Role::kAssociationWorker,
    Role::kAssociationAdmin,
    Role::kPrefectureInstructor,
    Role::kCommissionMember,
    Role::kSignatory,
    Role::kAnalystRegional,
    Role::kAnalystNational,
    Role::kAdmin,
};

std::string_view RoleName(Role role);   // "association_worker"
std::string_view RoleLabel(Role role);  // French label shown to users
std::optional<Role> FindRole(std::string_view name);

// TOTP is mandatory for these roles (ARCHITECTURE §4).
bool RequiresTotp(Role role);
// Which scope attribute a user of this role must carry.
bool NeedsAssociation(Role role);
bool NeedsDepartement(Role role);
bool NeedsRegion(Role role);

}  // namespace parcours::domain
