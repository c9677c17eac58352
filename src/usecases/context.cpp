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

}  // namespace parcours::usecases
