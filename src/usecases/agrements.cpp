// Agréments of associations, one file per association × département (CASF R121-12-1 to
// R121-12-5): filing, request for missing documents, documents received, express decision,
// withdrawal. The state and the clocks are computed by domain::AgrementStatusOn, never stored.
#include "domain/agrement.hpp"
#include "usecases/audit_log.hpp"
#include "usecases/case_support.hpp"
#include "usecases/commission.hpp"
#include "usecases/commission_support.hpp"

namespace parcours::usecases {

namespace {

using domain::Action;
using domain::FormatIsoDate;

Json OptDate(const std::optional<domain::Date>& d) {
    return d ? Json(FormatIsoDate(*d)) : Json(nullptr);
}

Json AgrementJson(const AgrementRecord& a,
                  const std::string& association_name,
                  domain::Date today) {
    auto status = domain::AgrementStatusOn(FactsOf(a), today);
    const auto& c = status.clocks;
    return {{"id", a.id},
            {"association_id", a.association_id},
            {"association_name", association_name},
            {"departement", a.departement},
            {"filed_on", a.filed_on},
            {"state", status.code},
            {"state_label", status.label},
            {"missing_documents", a.missing_requested_on
                                      ? Json{{"requested_on", *a.missing_requested_on},
                                             {"items", OrNull(a.missing_items)},
                                             {"received_on", OrNull(a.documents_completed_on)}}
                                      : Json(nullptr)},
            {"decision", a.decision ? Json{{"outcome", *a.decision},
                                           {"decided_on", OrNull(a.decided_on)},
                                           {"reasons", OrNull(a.decision_reasons)},
                                           {"arrete_ref", OrNull(a.arrete_ref)}}
                                    : Json(nullptr)},
            {"withdrawal", a.withdrawn_on ? Json{{"date", *a.withdrawn_on},
                                                 {"reasons", OrNull(a.withdrawal_reasons)}}
                                          : Json(nullptr)},
            {"renews_id", a.renews_id ? Json(*a.renews_id) : Json(nullptr)},
            {"clocks",
             {{"complete_on", OptDate(c.complete_on)},
              {"complete_basis", c.complete_basis},
              {"tacit_approval_on", OptDate(c.tacit_approval_on)},
              {"approved_on", OptDate(c.approved_on)},
              {"approval_basis", c.approval_basis},
              {"valid_until", OptDate(c.valid_until)}}},
            {"valid_today", status.state == domain::AgrementState::kApproved}};
}

domain::Target TargetOf(const AgrementRecord& a) {
    return {std::nullopt, a.association_id, a.departement, std::nullopt};
}

std::string NameOf(UnitOfWork& uow, long long association_id) {
    auto a = uow.Cases().FindAssociation(association_id);
    return a ? a->name : "";
}

AgrementRecord LoadAgrement(UnitOfWork& uow, const Principal& who, long long id, Action action) {
    auto a = uow.Commission().FindAgrement(id);
    if (!a || !domain::IsAllowed(who.Subject(), action, TargetOf(*a))) NotFoundError();
    return *a;
}

}  // namespace

bool AssociationApprovedIn(UnitOfWork& uow,
                           long long association_id,
                           const std::string& departement,
                           domain::Date date) {
    for (const auto& a : uow.Commission().ListAgrements(association_id, departement)) {
        if (domain::AgrementValidOn(FactsOf(a), date)) return true;
    }
    return false;
}

domain::Result<Json> FileAgrement(Ports& ports,
                                  const Principal& who,
                                  long long association_id,
                                  const Json& input,
                                  const RequestMeta& meta,
                                  domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.Begin();
        auto association = uow->Cases().FindAssociation(association_id);
        if (!association || !domain::WidestScope(who.user.role, Action::kManageAgrement)) {
            NotFoundError();
        }
        std::string departement = TextField(input, "departement", "departement", true, 3);
        domain::Target target{std::nullopt, association_id, departement, std::nullopt};
        if (!domain::IsAllowed(who.Subject(), Action::kManageAgrement, target)) {
            throw Invalid{domain::Fail(domain::ErrorCode::kForbidden,
                                       "Vous n'instruisez que les agréments de votre département.",
                                       "departement")};
        }
        if (!uow->Reference().FindDepartement(departement)) {
            Reject("departement", "Ce code de département n'existe pas.");
        }
        domain::Date today = TodayOf(now);
        AgrementRecord a;
        a.association_id = association_id;
        a.departement = departement;
        a.filed_on = FormatIsoDate(DateField(input, "filed_on", "filed_on", true, today));
        // One file at a time per association × département; a file while an agrément is valid
        // is its renewal.
        for (const auto& other : uow->Commission().ListAgrements(association_id, departement)) {
            auto status = domain::AgrementStatusOn(FactsOf(other), today);
            using enum domain::AgrementState;
            if (status.state == kFiled || status.state == kIncomplete ||
                status.state == kUnderReview) {
                ConflictError(
                    "Une demande d'agrément est déjà en cours d'instruction pour ce "
                    "département.");
            }
            if (status.state == kApproved) a.renews_id = other.id;
        }
        a.created_by = who.user.id;
        a.created_at = a.updated_at = domain::FormatInstant(now);
        a.id = uow->Commission().InsertAgrement(a);
        AppendAudit(*uow, ports.crypto,
                    {who.user.id, "agrement.file", "agrement", std::to_string(a.id)}, meta, now);
        uow->Commit();
        return AgrementJson(a, association->name, today);
    });
}

domain::Result<Json> RecordExistingAgrement(Ports& ports,
                                            long long association_id,
                                            const Json& input,
                                            const RequestMeta& meta,
                                            domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.Begin();
        auto association = uow->Cases().FindAssociation(association_id);
        if (!association) Reject("association", "Cette association n'existe pas.");
        domain::Date today = TodayOf(now);
        AgrementRecord a;
        a.association_id = association_id;
        a.departement = TextField(input, "departement", "departement", true, 3);
        if (!uow->Reference().FindDepartement(a.departement)) {
            Reject("departement", "Ce code de département n'existe pas.");
        }
        domain::Date approved = DateField(input, "approved_on", "approved_on", true, today);
        auto filed = OptionalDateField(input, "filed_on", "filed_on");
        if (filed && *filed > approved) Reject("filed_on", "Le dépôt précède la décision.");
        a.filed_on = FormatIsoDate(filed.value_or(approved));
        a.decision = "approved";
        a.decided_on = FormatIsoDate(approved);
        a.arrete_ref = TextField(input, "arrete_ref", "arrete_ref", true, 200);
        a.created_by = 0;
        a.created_at = a.updated_at = domain::FormatInstant(now);
        a.id = uow->Commission().InsertAgrement(a);
        AppendAudit(*uow, ports.crypto, {0, "agrement.record", "agrement", std::to_string(a.id)},
                    meta, now);
        uow->Commit();
        return AgrementJson(a, association->name, today);
    });
}

domain::Result<Json> ListAgrements(Ports& ports,
                                   const Principal& who,
                                   long long association_id,
                                   domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.BeginRead();
        auto association = uow->Cases().FindAssociation(association_id);
        if (!association) NotFoundError();
        Json items = Json::array();
        for (const auto& a : uow->Commission().ListAgrements(association_id, std::nullopt)) {
            if (!domain::IsAllowed(who.Subject(), Action::kReadAgrement, TargetOf(a))) continue;
            items.push_back(AgrementJson(a, association->name, TodayOf(now)));
        }
        // An association with no file yet: visible to whoever may read its agréments.
        domain::Target seat{std::nullopt, association_id, association->departement, std::nullopt};
        if (items.empty() && !domain::IsAllowed(who.Subject(), Action::kReadAgrement, seat)) {
            NotFoundError();
        }
        return Json{{"items", items}};
    });
}

domain::Result<Json> GetAgrement(Ports& ports,
                                 const Principal& who,
                                 long long id,
                                 domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.BeginRead();
        AgrementRecord a = LoadAgrement(*uow, who, id, Action::kReadAgrement);
        return AgrementJson(a, NameOf(*uow, a.association_id), TodayOf(now));
    });
}

domain::Result<Json> UpdateAgrement(Ports& ports,
                                    const Principal& who,
                                    long long id,
                                    const std::string& action,
                                    const Json& input,
                                    const RequestMeta& meta,
                                    domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.Begin();
        AgrementRecord a = LoadAgrement(*uow, who, id, Action::kManageAgrement);
        domain::Date today = TodayOf(now);
        auto status = domain::AgrementStatusOn(FactsOf(a), today);
        using enum domain::AgrementState;
        domain::Date filed = *domain::ParseIsoDate(a.filed_on);
        auto not_before_filing = [&](domain::Date d, const std::string& field) {
            if (d < filed) Reject(field, "La date ne peut pas précéder le dépôt du dossier.");
        };
        if (action == "missing_documents") {
            domain::Date on = DateField(input, "requested_on", "requested_on", true, today);
            std::string items = TextField(input, "items", "items", true, 4000);
            not_before_filing(on, "requested_on");
            if (a.missing_requested_on) ConflictError("Des pièces ont déjà été demandées.");
            if (domain::AgrementStatusOn(FactsOf(a), on).state != kFiled) {
                // After two months the file is deemed complete (R121-12-3).
                ConflictError(
                    "Le dossier est réputé complet : des pièces ne peuvent plus être "
                    "demandées (deux mois après le dépôt, CASF R121-12-3).");
            }
            a.missing_requested_on = FormatIsoDate(on);
            a.missing_items = items;
        } else if (action == "documents_received") {
            domain::Date on = DateField(input, "received_on", "received_on", true, today);
            if (status.state != kIncomplete)
                ConflictError("Aucune pièce n'est attendue pour ce dossier.");
            if (on < *domain::ParseIsoDate(*a.missing_requested_on)) {
                Reject("received_on", "La date ne peut pas précéder la demande de pièces.");
            }
            a.documents_completed_on = FormatIsoDate(on);
        } else if (action == "decision") {
            std::string outcome = TextField(input, "outcome", "outcome", true, 20);
            if (outcome != "approved" && outcome != "refused") {
                Reject("outcome", "Décision attendue : approved (agrément) ou refused (refus).");
            }
            std::string reasons =
                TextField(input, "reasons", "reasons", outcome == "refused", 8000);
            domain::Date on = DateField(input, "decided_on", "decided_on", true, today);
            not_before_filing(on, "decided_on");
            std::string arrete = TextField(input, "arrete_ref", "arrete_ref", false, 200);
            if (a.decision)
                ConflictError("Ce dossier a déjà fait l'objet d'une décision expresse.");
            if (status.state == kApproved || status.state == kExpired) {
                ConflictError(
                    "L'agrément est déjà acquis tacitement : une décision expresse ne peut "
                    "plus le refuser (CASF R121-12-3) ; il peut être retiré.");
            }
            if (status.state == kWithdrawn) ConflictError("Ce dossier est clos.");
            a.decision = outcome;
            a.decided_on = FormatIsoDate(on);
            if (!reasons.empty()) a.decision_reasons = reasons;
            if (!arrete.empty()) a.arrete_ref = arrete;
        } else if (action == "withdrawal") {
            domain::Date on = DateField(input, "date", "date", true, today);
            std::string reasons = TextField(input, "reasons", "reasons", true, 8000);
            if (status.state != kApproved)
                ConflictError("Seul un agrément en cours peut être retiré.");
            a.withdrawn_on = FormatIsoDate(on);
            a.withdrawal_reasons = reasons;
        } else {
            NotFoundError();
        }
        a.updated_at = domain::FormatInstant(now);
        uow->Commission().UpdateAgrement(a);
        AppendAudit(*uow, ports.crypto,
                    {who.user.id, "agrement." + action, "agrement", std::to_string(a.id)}, meta,
                    now);
        uow->Commit();
        return AgrementJson(a, NameOf(*uow, a.association_id), today);
    });
}

}  // namespace parcours::usecases
