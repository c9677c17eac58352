#include "domain/role.hpp"

namespace parcours::domain {

std::string_view RoleName(Role role) {
    switch (role) {
        case Role::kAssociationWorker:
            return "association_worker";
        case Role::kAssociationAdmin:
            return "association_admin";
        case Role::kPrefectureInstructor:
            return "prefecture_instructor";
        case Role::kCommissionMember:
            return "commission_member";
        case Role::kSignatory:
            return "signatory";
        case Role::kAnalystRegional:
            return "analyst_regional";
        case Role::kAnalystNational:
            return "analyst_national";
        case Role::kAdmin:
            return "admin";
    }
    return "";
}

std::string_view RoleLabel(Role role) {
    switch (role) {
        case Role::kAssociationWorker:
            return "Travailleur·se social·e (association)";
        case Role::kAssociationAdmin:
            return "Administrateur·rice d'association";
        case Role::kPrefectureInstructor:
            return "Instructeur·rice de la préfecture";
        case Role::kCommissionMember:
            return "Membre de la commission";
        case Role::kSignatory:
            return "Signataire (préfet)";
        case Role::kAnalystRegional:
            return "Analyste régional·e";
        case Role::kAnalystNational:
            return "Analyste national·e";
        case Role::kAdmin:
            return "Administrateur·rice de l'instance";
    }
    return "";
}

std::optional<Role> FindRole(std::string_view name) {
    for (Role role : kAllRoles) {
        if (RoleName(role) == name) return role;
    }
    return std::nullopt;
}

bool RequiresTotp(Role role) {
    return role == Role::kAdmin || role == Role::kSignatory;
}

bool NeedsAssociation(Role role) {
    return role == Role::kAssociationWorker || role == Role::kAssociationAdmin;
}

bool NeedsDepartement(Role role) {
    return role == Role::kPrefectureInstructor || role == Role::kCommissionMember ||
           role == Role::kSignatory;
}

bool NeedsRegion(Role role) {
    return role == Role::kAnalystRegional;
}

}  // namespace parcours::domain
