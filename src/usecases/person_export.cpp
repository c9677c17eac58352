// A person's whole file, for a subject-access request (GDPR art. 15, CNIL): everything Parcours
// holds on the person, decrypted, in one JSON document; the export itself is audited.
#include "usecases/audit_log.hpp"
#include "usecases/case_support.hpp"
#include "usecases/case_views.hpp"
#include "usecases/persons.hpp"
#include "usecases/rights_cases.hpp"

namespace parcours::usecases {

domain::Result<Json> ExportPerson(Ports& ports,
                                  const Principal& who,
                                  long long id,
                                  const RequestMeta& meta,
                                  domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.BeginRead();
        PersonRecord p = LoadPerson(*uow, who, id, domain::Action::kReadPersonIdentity);
        domain::Date today = TodayOf(now);
        Json parcours = Json::array();
        for (const auto& record : uow->Cases().ListParcoursOfPerson(p.id)) {
            Json documents = Json::array();
            for (const auto& d : uow->Cases().ListDocumentVersions(record.id)) {
                documents.push_back(DocumentJson(ports, d));
            }
            Json followups = Json::array();
            for (const auto& f : uow->Cases().ListFollowups(record.id)) {
                followups.push_back(FollowupJson(ports, f));
            }
            Json demandes = Json::array();
            for (const auto& d : uow->Cases().ListDemandes(record.id)) {
                demandes.push_back(DemandeJson(ports, *uow, d));
            }
            parcours.push_back({{"parcours", ParcoursJson(ports, *uow, record, today)},
                                {"documents", documents},
                                {"followups", followups},
                                {"demandes", demandes},
                                {"rights", RightsJson(ports, *uow, record)}});
        }
        Json out = {{"exported_at", domain::FormatInstant(now)},
                    {"notice",
                     "Données détenues par Parcours sur cette personne (RGPD, article 15), "
                     "extraites à sa demande. Document confidentiel."},
                    {"person", PersonJson(ports, *uow, p, true, today)},
                    {"parcours", parcours}};
        AppendAudit(*uow, ports.crypto,
                    {who.user.id, "person.export", "person", std::to_string(p.id)}, meta, now);
        uow->Commit();
        return out;
    });
}

}  // namespace parcours::usecases
