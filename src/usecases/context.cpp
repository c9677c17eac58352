#include "usecases/context.hpp"

namespace parcours::usecases {

domain::Subject Principal::Subject() const {
    return domain::Subject{user.role, user.id, user.association_id,
                           user.departement ? user.departement : association_departement,
                           user.region};
}

bool Principal::SetupPending() const {
    return user.password_change_required || (domain::RequiresTotp(user.role) && !user.totp_enabled);
}

domain::Target TargetOfUser(const UserRecord& user) {
    return domain::Target{user.id, user.association_id, user.departement, user.region};
}

std::optional<std::string> AssociationDepartementOf(UnitOfWork& uow, const UserRecord& user) {
    if (!user.association_id) return std::nullopt;
    auto association = uow.Cases().FindAssociation(*user.association_id);
    if (!association) return std::nullopt;
    return association->departement;
}

}  // namespace parcours::usecases
