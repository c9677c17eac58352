#include "usecases/reference.hpp"

namespace parcours::usecases {

domain::Result<std::vector<DepartementRecord>> ListDepartements(Ports& ports,
                                                                const Principal& who) {
    if (!domain::IsAllowed(who.Subject(), domain::Action::kReadReferenceData, {})) {
        return domain::Fail(domain::ErrorCode::kNotFound, "Ressource introuvable.");
    }
    auto uow = ports.storage.BeginRead();
    return uow->Reference().ListDepartements();
}

}  // namespace parcours::usecases
