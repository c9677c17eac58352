// Demandes prepared by the association (R121-12-9): draft, edit, submission, and the
// resubmission of a demande sent back (incomplete, or ajournée by the commission). The avis is
// given at a séance (seances.cpp) and the decision signed by the préfet (decisions.cpp).
#include <algorithm>

#include "usecases/audit_log.hpp"
#include "usecases/case_support.hpp"
#include "usecases/case_views.hpp"
#include "usecases/commission.hpp"
#include "usecases/parcours_cases.hpp"

namespace parcours::usecases {

namespace {

using domain::Action;
using domain::FormatInstant;
using domain::ParcoursState;

// The draft's content from the request body (shared by create and edit).
void FillDraft(Crypto& crypto, const Json& input, DemandeRecord& d) {
    Json content;
    if (input.contains("association_opinion")) {
        const Json& opinion = input["association_opinion"];
        if (!opinion.is_object()) Reject("association_opinion", "Objet attendu.");
        d.association_favourable =
            BoolField(opinion, "favourable", "association_opinion.favourable");
        content["opinion_text"] =
            TextField(opinion, "text", "association_opinion.text", false, 8000);
    } else {
        content["opinion_text"] = "";
    }
    content["expected_results"] =
        TextField(input, "expected_results", "expected_results", false, 8000);
    content["achieved_results"] =
        TextField(input, "achieved_results", "achieved_results", false, 8000);
    content["difficulties"] = TextField(input, "difficulties", "difficulties", false, 8000);
    content["attachments"] = Json::array();
    const Json& attachments = ArrayField(input, "attachments", "attachments", 30);
    for (std::size_t i = 0; i < attachments.size(); ++i) {
        std::string at = "attachments[" + std::to_string(i) + "]";
        if (!attachments[i].is_object()) Reject(at, "Objet attendu.");
        content["attachments"].push_back(
            {{"kind",
              CodeField(attachments[i], "kind", at + ".kind", domain::AttachmentKindCodes(), true)},
             {"label", TextField(attachments[i], "label", at + ".label", false, 200)}});
    }
    d.sworn_statement = BoolField(input, "sworn_statement_declared", "sworn_statement_declared");
    d.content_enc = Seal(crypto, content);
}

struct Loaded {
    DemandeRecord demande;
    ParcoursRecord parcours;
};

Loaded LoadDemande(UnitOfWork& uow, const Principal& who, long long id, Action action) {
    auto d = uow.Cases().FindDemande(id);
    if (!d) NotFoundError();
    ParcoursRecord p = LoadParcours(uow, who, d->parcours_id, action);
    return {*d, p};
}

domain::Error Conflict(const std::string& message) {
    return domain::Fail(domain::ErrorCode::kTransitionNotAllowed, message);
}

// A draft, or a demande sent back to the association: incomplete, or ajournée by the commission.
bool Editable(const DemandeRecord& d) {
    return d.state == "draft" || d.state == "incomplete" || d.state == "ajourne";
}

}  // namespace

domain::Result<Json> CreateDemande(Ports& ports,
                                   const Principal& who,
                                   long long parcours_id,
                                   const Json& input,
                                   const RequestMeta& meta,
                                   domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.Begin();
        ParcoursRecord p = LoadParcours(*uow, who, parcours_id, Action::kEditCase);
        std::string kind = TextField(input, "kind", "kind", true, 20);
        if (kind != "initiale" && kind != "renouvellement") {
            Reject("kind", "Type de demande attendu : initiale ou renouvellement.");
        }
        DemandeRecord d;
        d.kind = kind;
        FillDraft(ports.crypto, input, d);
        auto periods = PeriodsOf(*uow, p.id);
        for (const auto& other : uow->Cases().ListDemandes(p.id)) {
            if (other.state != "decided") {
                throw Invalid{Conflict("Une demande est déjà en cours pour ce parcours.")};
            }
        }
        ParcoursState state = *domain::FindState(p.state);
        bool initial_ok = kind == "initiale" && state == ParcoursState::kFileInPreparation;
        bool renewal_ok = kind == "renouvellement" && state == ParcoursState::kActive;
        if (!initial_ok && !renewal_ok) {
            throw Invalid{Conflict(kind == "initiale"
                                       ? "Une demande initiale suppose un dossier en préparation."
                                       : "Un renouvellement suppose un parcours en cours.")};
        }
        if (renewal_ok && static_cast<int>(periods.size()) >= domain::kMaxPeriods) {
            throw Invalid{domain::Fail(domain::ErrorCode::kMaxDurationReached,
                                       "La durée maximale du parcours est atteinte : 4 périodes "
                                       "de 6 mois, soit 24 mois (CASF R121-12-10).")};
        }
        d.parcours_id = p.id;
        d.number = static_cast<int>(periods.size()) + 1;
        d.state = "draft";
        d.created_by = who.user.id;
        d.created_at = d.updated_at = FormatInstant(now);
        d.id = uow->Cases().InsertDemande(d);
        AppendAudit(*uow, ports.crypto,
                    {who.user.id, "demande.create", "demande", std::to_string(d.id)}, meta, now);
        uow->Commit();
        return DemandeJson(ports, *uow, d);
    });
}

domain::Result<Json> EditDemande(Ports& ports,
                                 const Principal& who,
                                 long long demande_id,
                                 const Json& input,
                                 const RequestMeta& meta,
                                 domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.Begin();
        auto [d, p] = LoadDemande(*uow, who, demande_id, Action::kEditCase);
        if (!Editable(d)) {
            throw Invalid{
                Conflict("Seul un brouillon, ou une demande renvoyée à l'association, "
                         "peut être modifié.")};
        }
        if (input.contains("kind") && input["kind"] != d.kind) {
            Reject("kind", "Le type d'une demande ne change pas : créez-en une autre.");
        }
        FillDraft(ports.crypto, input, d);
        d.updated_at = FormatInstant(now);
        uow->Cases().UpdateDemande(d);
        AppendAudit(*uow, ports.crypto,
                    {who.user.id, "demande.update", "demande", std::to_string(d.id)}, meta, now);
        uow->Commit();
        return DemandeJson(ports, *uow, d);
    });
}

domain::Result<Json> GetDemande(Ports& ports,
                                const Principal& who,
                                long long demande_id,
                                const RequestMeta& meta,
                                domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.BeginRead();
        auto [d, p] = LoadDemande(*uow, who, demande_id, Action::kReadPerson);
        Json out = DemandeJson(ports, *uow, d);
        AppendAudit(*uow, ports.crypto,
                    {who.user.id, "demande.read", "demande", std::to_string(d.id)}, meta, now);
        uow->Commit();
        return out;
    });
}

domain::Result<Json> SubmitDemande(Ports& ports,
                                   const Principal& who,
                                   long long demande_id,
                                   const RequestMeta& meta,
                                   domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.Begin();
        auto [d, p] = LoadDemande(*uow, who, demande_id, Action::kEditCase);
        if (!Editable(d)) throw Invalid{Conflict("Cette demande a déjà été déposée.")};
        bool resubmission = d.state != "draft";
        auto kind = d.kind == "initiale" ? domain::DemandeKind::kInitiale
                                         : domain::DemandeKind::kRenouvellement;
        domain::Result<ParcoursState> next = *domain::FindState(p.state);
        if (!resubmission) {
            next =
                domain::Next(*domain::FindState(p.state), domain::Transition::kSubmitDemande, kind);
            if (!next) throw Invalid{next.error()};
        }
        if (kind == domain::DemandeKind::kRenouvellement &&
            !domain::HasActivePeriod(PeriodsOf(*uow, p.id), TodayOf(now))) {
            throw Invalid{
                Conflict("Un renouvellement ne peut être déposé que pendant une période "
                         "en cours (CASF R121-12-9).")};
        }
        auto missing = domain::MissingForSubmission(ContentOf(ports, *uow, d));
        if (!missing.empty()) {
            auto error = domain::Fail(domain::ErrorCode::kDemandeIncomplete,
                                      "La demande est incomplète : complétez les éléments listés.");
            error.missing = missing;
            throw Invalid{error};
        }
        // Only an association approved in the département prepares demandes there (R121-12-1).
        if (!AssociationApprovedIn(*uow, p.association_id, p.departement, TodayOf(now))) {
            throw Invalid{domain::Fail(
                domain::ErrorCode::kAgrementMissing,
                "L'association ne dispose pas d'un agrément en cours de validité dans ce "
                "département (CASF R121-12-1) : la demande ne peut pas être déposée.")};
        }
        auto document = uow->Cases().FindDocument(p.id, std::nullopt);
        d.document_version = document->version;
        d.state = "submitted";
        d.submitted_at = FormatInstant(now);
        d.updated_at = *d.submitted_at;
        uow->Cases().UpdateDemande(d);
        std::string basis = "demande " + std::to_string(d.id);
        std::string today = domain::FormatIsoDate(TodayOf(now));
        if (resubmission) {
            AppendEvent(*uow, who, p, "demande_resubmitted", p.state, p.state, basis, "", today,
                        now);
        } else {
            SetState(*uow, who, p, next.value(), "demande_submitted", basis, "", today, now);
        }
        AppendAudit(*uow, ports.crypto,
                    {who.user.id, "demande.submit", "demande", std::to_string(d.id)}, meta, now);
        uow->Commit();
        return DemandeJson(ports, *uow, d);
    });
}

domain::Result<Json> ListDemandesInState(Ports& ports,
                                         const Principal& who,
                                         const std::string& state) {
    return Guard([&]() -> domain::Result<Json> {
        auto scope = domain::WidestScope(who.user.role, Action::kReadPerson);
        ParcoursFilter filter;
        if (!scope) NotFoundError();
        static const std::vector<std::string> kStates = {"draft",      "submitted", "tabled",
                                                         "incomplete", "ajourne",   "avis_given"};
        if (std::find(kStates.begin(), kStates.end(), state) == kStates.end()) {
            Reject("state",
                   "État attendu : draft, submitted, tabled, incomplete, ajourne ou avis_given.");
        }
        if (*scope == domain::Scope::kOwnAssociation)
            filter.association_id = who.user.association_id;
        if (*scope == domain::Scope::kOwnDepartement)
            filter.departement = who.Subject().departement;
        if (*scope != domain::Scope::kInstance && !filter.association_id && !filter.departement) {
            return Json{{"items", Json::array()}};
        }
        auto uow = ports.storage.BeginRead();
        Json items = Json::array();
        for (const auto& p : uow->Cases().ListOpenParcours(filter)) {
            for (const auto& d : uow->Cases().ListDemandes(p.id)) {
                if (d.state != state) continue;
                auto person = uow->Cases().FindPerson(p.person_id);
                auto association = uow->Cases().FindAssociation(p.association_id);
                items.push_back(
                    {{"id", d.id},
                     {"parcours_id", p.id},
                     {"pseudonym", person ? person->pseudonym : ""},
                     {"kind", d.kind},
                     {"number", d.number},
                     {"state", d.state},
                     {"association_id", p.association_id},
                     {"association_name", association ? association->name : ""},
                     {"association_favourable", d.association_favourable},
                     {"departement", p.departement},
                     {"submitted_at", d.submitted_at ? Json(*d.submitted_at) : Json(nullptr)},
                     {"avis_outcome", d.avis_outcome ? Json(*d.avis_outcome) : Json(nullptr)},
                     {"avis_date", d.avis_date ? Json(*d.avis_date) : Json(nullptr)}});
            }
        }
        return Json{{"items", items}};
    });
}

}  // namespace parcours::usecases
