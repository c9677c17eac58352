// Demandes: draft, submission, the commission's avis and the préfet's decision (R121-12-9,
// R121-12-10, CASF L121-9 II).
#include "usecases/audit_log.hpp"
#include "usecases/case_support.hpp"
#include "usecases/case_views.hpp"
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
        if (d.state != "draft")
            throw Invalid{Conflict("Seul un brouillon de demande peut être modifié.")};
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
        auto uow = ports.storage.Begin();
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
        if (d.state != "draft") throw Invalid{Conflict("Cette demande a déjà été déposée.")};
        auto kind = d.kind == "initiale" ? domain::DemandeKind::kInitiale
                                         : domain::DemandeKind::kRenouvellement;
        auto next =
            domain::Next(*domain::FindState(p.state), domain::Transition::kSubmitDemande, kind);
        if (!next) throw Invalid{next.error()};
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
        auto document = uow->Cases().FindDocument(p.id, std::nullopt);
        d.document_version = document->version;
        d.state = "submitted";
        d.submitted_at = FormatInstant(now);
        d.updated_at = *d.submitted_at;
        uow->Cases().UpdateDemande(d);
        SetState(*uow, who, p, next.value(), "demande_submitted", "demande " + std::to_string(d.id),
                 "", domain::FormatIsoDate(TodayOf(now)), now);
        AppendAudit(*uow, ports.crypto,
                    {who.user.id, "demande.submit", "demande", std::to_string(d.id)}, meta, now);
        uow->Commit();
        return DemandeJson(ports, *uow, d);
    });
}

domain::Result<Json> RecordAvis(Ports& ports,
                                const Principal& who,
                                long long demande_id,
                                const Json& input,
                                const RequestMeta& meta,
                                domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.Begin();
        auto [d, p] = LoadDemande(*uow, who, demande_id, Action::kRecordAvis);
        std::string outcome = TextField(input, "outcome", "outcome", true, 20);
        if (outcome != "favorable" && outcome != "defavorable" && outcome != "ajourne") {
            Reject("outcome", "Avis attendu : favorable, defavorable ou ajourne.");
        }
        std::string reasons = TextField(input, "reasons", "reasons", outcome != "favorable", 8000);
        domain::Date date = DateField(input, "date", "date", false, TodayOf(now));
        if (!input.contains("date")) date = TodayOf(now);
        auto next = domain::Next(*domain::FindState(p.state), domain::Transition::kRecordAvis);
        if (!next || d.state != "submitted") {
            throw Invalid{next ? Conflict("Cette demande n'attend pas d'avis.") : next.error()};
        }
        d.avis_outcome = outcome;
        d.avis_reasons = reasons;
        d.avis_date = domain::FormatIsoDate(date);
        d.state = "avis_given";
        d.updated_at = FormatInstant(now);
        uow->Cases().UpdateDemande(d);
        SetState(*uow, who, p, next.value(), "avis_" + outcome, "demande " + std::to_string(d.id),
                 reasons, *d.avis_date, now);
        AppendAudit(*uow, ports.crypto,
                    {who.user.id, "avis.record", "demande", std::to_string(d.id)}, meta, now);
        uow->Commit();
        return DemandeJson(ports, *uow, d);
    });
}

domain::Result<Json> RecordDecision(Ports& ports,
                                    const Principal& who,
                                    long long demande_id,
                                    const Json& input,
                                    const RequestMeta& meta,
                                    domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.Begin();
        auto [d, p] = LoadDemande(*uow, who, demande_id, Action::kRecordDecision);
        std::string outcome = TextField(input, "outcome", "outcome", true, 20);
        if (outcome != "autorise" && outcome != "refuse") {
            Reject("outcome", "Décision attendue : autorise ou refuse.");
        }
        // A refusal is reasoned and notified, so that it can be appealed (PRODUCT.md §3).
        std::string reasons = TextField(input, "reasons", "reasons", outcome == "refuse", 8000);
        auto notified = OptionalDateField(input, "notified_on", "notified_on");
        if (outcome == "refuse" && !notified) {
            Reject("notified_on", "La date de notification d'un refus est obligatoire.");
        }
        auto start = OptionalDateField(input, "start_date", "start_date");
        auto transition =
            outcome == "autorise" ? domain::Transition::kAuthorise : domain::Transition::kRefuse;
        auto next = domain::Next(*domain::FindState(p.state), transition);
        if (!next) throw Invalid{next.error()};
        if (d.state != "avis_given")
            throw Invalid{Conflict("Cette demande n'attend pas de décision.")};
        std::string date =
            notified ? domain::FormatIsoDate(*notified) : domain::FormatIsoDate(TodayOf(now));
        if (outcome == "autorise") {
            auto period = domain::NextPeriod(PeriodsOf(*uow, p.id), start);
            if (!period) throw Invalid{period.error()};
            PeriodRecord record{p.id,
                                period.value().number,
                                domain::FormatIsoDate(period.value().start),
                                domain::FormatIsoDate(period.value().end),
                                period.value().gap_days_before,
                                d.id};
            uow->Cases().InsertPeriod(record);
            d.decision_start = record.start_date;
            d.decision_end = record.end_date;
            date = record.start_date;
        }
        d.decision_outcome = outcome;
        d.decision_reasons = reasons;
        if (notified) d.decision_notified_on = domain::FormatIsoDate(*notified);
        d.state = "decided";
        d.updated_at = FormatInstant(now);
        uow->Cases().UpdateDemande(d);
        SetState(*uow, who, p, next.value(), "decision_" + outcome,
                 "demande " + std::to_string(d.id), reasons, date, now);
        AppendAudit(*uow, ports.crypto,
                    {who.user.id, "decision.record", "demande", std::to_string(d.id)}, meta, now);
        uow->Commit();
        return DemandeJson(ports, *uow, d);
    });
}

}  // namespace parcours::usecases
