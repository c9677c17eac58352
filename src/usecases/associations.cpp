// Approved associations: registered by the administrator (or the CLI), read within one's scope.
#include "usecases/audit_log.hpp"
#include "usecases/case_support.hpp"
#include "usecases/persons.hpp"

namespace parcours::usecases {

namespace {

using domain::Action;
using domain::FormatInstant;

Json AssociationJson(const AssociationRecord& a) {
    auto opt = [](const std::optional<std::string>& v) { return v ? Json(*v) : Json(nullptr); };
    return {{"id", a.id},
            {"name", a.name},
            {"departement", a.departement},
            {"siret", opt(a.siret)},
            {"rna", opt(a.rna)},
            {"declaration_date", opt(a.declaration_date)}};
}

}  // namespace

domain::Result<Json> CreateAssociation(Ports& ports,
                                       const std::optional<Principal>& who,
                                       const Json& input,
                                       const RequestMeta& meta,
                                       domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        if (who) Require(*who, Action::kManageAssociations, {});
        AssociationRecord a;
        a.name = TextField(input, "name", "name", true, 200);
        a.departement = TextField(input, "departement", "departement", true, 3);
        std::string siret = TextField(input, "siret", "siret", false, 14);
        if (!siret.empty()) {
            if (!domain::IsValidSiret(siret)) {
                Reject("siret", "SIRET invalide : 14 chiffres avec une clé de contrôle valide.");
            }
            a.siret = siret;
        }
        std::string rna = TextField(input, "rna", "rna", false, 10);
        if (!rna.empty()) {
            if (!domain::IsValidRna(rna))
                Reject("rna", "Numéro RNA invalide : W suivi de 9 chiffres.");
            a.rna = rna;
        }
        if (auto declared = OptionalDateField(input, "declaration_date", "declaration_date")) {
            a.declaration_date = domain::FormatIsoDate(*declared);
        }
        a.created_at = FormatInstant(now);
        auto uow = ports.storage.Begin();
        if (!uow->Reference().FindDepartement(a.departement)) {
            Reject("departement", "Ce code de département n'existe pas.");
        }
        a.id = uow->Cases().InsertAssociation(a);
        AppendAudit(
            *uow, ports.crypto,
            {who ? who->user.id : 0, "association.create", "association", std::to_string(a.id)},
            meta, now);
        uow->Commit();
        return AssociationJson(a);
    });
}

domain::Result<Json> ListAssociations(Ports& ports, const Principal& who) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.BeginRead();
        Json items = Json::array();
        for (const auto& a : uow->Cases().ListAssociations(who.user.association_id)) {
            domain::Target target{std::nullopt, a.id, a.departement, std::nullopt};
            if (domain::IsAllowed(who.Subject(), Action::kReadAssociation, target)) {
                items.push_back(AssociationJson(a));
            }
        }
        return Json{{"items", items}};
    });
}

domain::Result<Json> GetAssociation(Ports& ports, const Principal& who, long long id) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.BeginRead();
        auto a = uow->Cases().FindAssociation(id);
        if (!a) NotFoundError();
        Require(who, Action::kReadAssociation, {std::nullopt, a->id, a->departement, std::nullopt});
        return AssociationJson(*a);
    });
}

}  // namespace parcours::usecases
