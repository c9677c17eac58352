// What follows a préfet's decision: the decision letter (with the appeal notice for a negative
// one), its notifications to the person, and the appeals (CE 440802: full jurisdiction).
#include "domain/commission.hpp"
#include "usecases/audit_log.hpp"
#include "usecases/case_support.hpp"
#include "usecases/case_views.hpp"
#include "usecases/commission.hpp"
#include "usecases/commission_support.hpp"
#include "usecases/decision_support.hpp"

namespace parcours::usecases {

using domain::Action;
using domain::Date;
using domain::DecisionOutcome;
using domain::FormatFrenchDate;
using domain::FormatIsoDate;
using domain::ParcoursState;

namespace {

const char* kAppealNotice =
    "Cette décision peut être contestée dans un délai de deux mois à compter de sa "
    "notification : par un recours gracieux adressé au préfet, ou par un recours contentieux "
    "devant le tribunal administratif territorialement compétent (code de justice "
    "administrative, article R421-1), y compris par l'application « Télérecours citoyens » "
    "(www.telerecours.fr). Le juge statue en plein contentieux et peut accorder lui-même le "
    "bénéfice du parcours (Conseil d'État, 19 novembre 2021, n° 440802). L'association qui vous "
    "accompagne peut vous aider dans ces démarches.";

}  // namespace

domain::Result<PdfFile> DecisionLetter(Ports& ports,
                                       const Principal& who,
                                       long long decision_id,
                                       const RequestMeta& meta,
                                       domain::Instant now) {
    return Guard([&]() -> domain::Result<PdfFile> {
        auto uow = ports.storage.BeginRead();
        LoadedDecision l = LoadDecision(*uow, who, decision_id, Action::kReadPersonIdentity);
        const DecisionRecord& d = l.decision;
        auto outcome = *domain::FindDecisionOutcome(d.outcome);
        auto person = uow->Cases().FindPerson(l.parcours.person_id);
        Json identity = Open(ports.crypto, person->identity_enc);
        auto departement = uow->Reference().FindDepartement(l.parcours.departement);
        auto association = uow->Cases().FindAssociation(l.parcours.association_id);
        DecisionLetterData letter;
        letter.prefecture = "Préfecture — " + (departement ? departement->name : "") + " (" +
                            l.parcours.departement + ")";
        letter.city_date = "Le " + FormatFrenchDate(StoredDate(d.signed_on));
        letter.reference =
            "Décision n° " + std::to_string(d.id) +
            (d.corrects_id ? " (corrige la décision n° " + std::to_string(*d.corrects_id) + ")"
                           : "");
        letter.recipient_name =
            identity.value("first_names", "") + " " + identity.value("last_name", "");
        letter.association = association ? association->name : "";
        letter.subject =
            "Objet : parcours de sortie de la prostitution et d'insertion sociale et "
            "professionnelle (code de l'action sociale et des familles, articles L121-9 et "
            "R121-12-9 à R121-12-13) — " +
            std::string(domain::DecisionLabel(outcome));
        letter.outcome = d.outcome;
        switch (outcome) {
            case DecisionOutcome::kAutorise:
                letter.outcome_sentence =
                    "Votre engagement dans le parcours de sortie de la prostitution est autorisé "
                    "pour une durée de six mois.";
                break;
            case DecisionOutcome::kRenouvele:
                letter.outcome_sentence =
                    "Votre parcours de sortie de la prostitution est renouvelé pour une durée de "
                    "six mois.";
                break;
            case DecisionOutcome::kRefuse:
                letter.outcome_sentence =
                    "Votre demande d'engagement dans le parcours de sortie de la prostitution est "
                    "refusée.";
                break;
            case DecisionOutcome::kNonRenouvele:
                letter.outcome_sentence =
                    "Votre parcours de sortie de la prostitution n'est pas renouvelé.";
                break;
            case DecisionOutcome::kFinAnticipee:
                letter.outcome_sentence =
                    "Il est mis fin à votre parcours de sortie de la prostitution à compter du " +
                    FormatFrenchDate(StoredDate(d.period_end.value_or(d.signed_on))) + ".";
                break;
        }
        if (d.period_start && d.period_end) {
            letter.period = "du " + FormatFrenchDate(StoredDate(*d.period_start)) + " au " +
                            FormatFrenchDate(StoredDate(*d.period_end));
        }
        if (d.demande_id) {
            if (auto avis = LatestAvis(*uow, *d.demande_id)) {
                auto seance = uow->Commission().FindSeance(avis->seance_id);
                letter.avis =
                    "Avis " + std::string(domain::AvisLabel(*avis->avis_outcome)) +
                    " de la commission départementale" +
                    (seance ? " réunie le " + FormatFrenchDate(StoredDate(seance->date)) : "") +
                    ".";
            }
        }
        letter.reasons = Open(ports.crypto, d.reasons_enc).get<std::string>();
        if (domain::DecisionIsNegative(outcome)) letter.appeal_notice = kAppealNotice;
        letter.signatory = "Pour le préfet et par délégation, " + SignerName(*uow, d.signed_by);
        PdfFile file{"decision-" + std::to_string(d.id) + ".pdf",
                     ports.documents.DecisionLetterPdf(letter)};
        // The letter carries the person's identity: its reading is audited like the identity's.
        AppendAudit(*uow, ports.crypto,
                    {who.user.id, "decision.letter", "decision", std::to_string(d.id)}, meta, now);
        uow->Commit();
        return file;
    });
}

domain::Result<Json> RecordNotification(Ports& ports,
                                        const Principal& who,
                                        long long decision_id,
                                        const Json& input,
                                        const RequestMeta& meta,
                                        domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.Begin();
        LoadedDecision l = LoadDecision(*uow, who, decision_id, Action::kNotifyDecision);
        Date today = TodayOf(now);
        NotificationRecord n;
        n.decision_id = l.decision.id;
        Date date = DateField(input, "date", "date", true, today);
        if (date < StoredDate(l.decision.signed_on)) {
            Reject("date", "La notification ne peut pas précéder la signature de la décision.");
        }
        n.date = FormatIsoDate(date);
        n.channel =
            CodeField(input, "channel", "channel", domain::NotificationChannelCodes(), true);
        if (auto ack = OptionalDateField(input, "acknowledged_on", "acknowledged_on")) {
            if (*ack < date || *ack > today) {
                Reject("acknowledged_on",
                       "L'accusé de réception suit la notification et n'est pas dans le futur.");
            }
            n.acknowledged_on = FormatIsoDate(*ack);
        }
        n.created_by = who.user.id;
        n.created_at = domain::FormatInstant(now);
        n.id = uow->Commission().InsertNotification(n);
        AppendEvent(*uow, who, l.parcours, "decision_notified", l.parcours.state, l.parcours.state,
                    "décision " + std::to_string(l.decision.id),
                    std::string(*domain::LabelOf(domain::NotificationChannelCodes(), n.channel)),
                    n.date, now);
        AppendAudit(*uow, ports.crypto,
                    {who.user.id, "decision.notify", "decision", std::to_string(l.decision.id)},
                    meta, now);
        uow->Commit();
        return DecisionJson(ports, *uow, l.decision);
    });
}

domain::Result<Json> FileAppeal(Ports& ports,
                                const Principal& who,
                                long long decision_id,
                                const Json& input,
                                const RequestMeta& meta,
                                domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.Begin();
        LoadedDecision l = LoadDecision(*uow, who, decision_id, Action::kNotifyDecision);
        Date today = TodayOf(now);
        AppealRecord a;
        a.decision_id = l.decision.id;
        a.kind = CodeField(input, "kind", "kind", domain::AppealKindCodes(), true);
        Date filed = DateField(input, "filed_on", "filed_on", true, today);
        if (filed < StoredDate(l.decision.signed_on)) {
            Reject("filed_on", "Le recours ne peut pas précéder la décision.");
        }
        a.filed_on = FormatIsoDate(filed);
        a.notes_enc = Seal(ports.crypto, Json(TextField(input, "notes", "notes", false, 8000)));
        if (!domain::DecisionIsNegative(*domain::FindDecisionOutcome(l.decision.outcome))) {
            ConflictError(
                "Seule une décision défavorable fait l'objet d'un recours enregistré ici.");
        }
        a.created_by = who.user.id;
        a.created_at = a.updated_at = domain::FormatInstant(now);
        a.id = uow->Commission().InsertAppeal(a);
        AppendEvent(*uow, who, l.parcours, "appeal_filed", l.parcours.state, l.parcours.state,
                    "décision " + std::to_string(l.decision.id),
                    std::string(*domain::LabelOf(domain::AppealKindCodes(), a.kind)), a.filed_on,
                    now);
        AppendAudit(*uow, ports.crypto,
                    {who.user.id, "appeal.file", "appeal", std::to_string(a.id)}, meta, now);
        uow->Commit();
        return DecisionJson(ports, *uow, l.decision);
    });
}

domain::Result<Json> RecordAppealOutcome(Ports& ports,
                                         const Principal& who,
                                         long long appeal_id,
                                         const Json& input,
                                         const RequestMeta& meta,
                                         domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.Begin();
        auto a = uow->Commission().FindAppeal(appeal_id);
        if (!a) NotFoundError();
        LoadedDecision l = LoadDecision(*uow, who, a->decision_id, Action::kNotifyDecision);
        Date today = TodayOf(now);
        std::string outcome =
            CodeField(input, "outcome", "outcome", domain::AppealOutcomeCodes(), true);
        Date on = DateField(input, "outcome_on", "outcome_on", true, today);
        if (on < StoredDate(a->filed_on))
            Reject("outcome_on", "L'issue ne peut pas précéder le recours.");
        auto start = OptionalDateField(input, "start_date", "start_date");
        if (input.contains("notes")) {
            a->notes_enc =
                Seal(ports.crypto, Json(TextField(input, "notes", "notes", false, 8000)));
        }
        if (a->outcome) ConflictError("L'issue de ce recours est déjà enregistrée.");
        a->outcome = outcome;
        a->outcome_on = FormatIsoDate(on);
        a->updated_at = domain::FormatInstant(now);
        uow->Commission().UpdateAppeal(*a);
        auto refused = *domain::FindDecisionOutcome(l.decision.outcome);
        if (outcome == "accorde" && refused != DecisionOutcome::kFinAnticipee) {
            // The request granted on appeal: a new authorisation (or renewal) with its period.
            auto next = domain::Next(*domain::FindState(l.parcours.state),
                                     domain::Transition::kAppealGranted);
            if (!next) throw Invalid{next.error()};
            DecisionRecord d;
            d.demande_id = l.decision.demande_id;
            d.outcome = refused == DecisionOutcome::kRefuse ? "autorise" : "renouvele";
            d.signed_on = a->outcome_on.value();
            d.appeal_id = a->id;
            PeriodRecord period =
                OpenPeriod(*uow, l.parcours, l.decision.demande_id.value_or(0), start.value_or(on));
            d.period_start = period.start_date;
            d.period_end = period.end_date;
            std::string kind = std::string(*domain::LabelOf(domain::AppealKindCodes(), a->kind));
            d = Sign(ports, *uow, who, l.parcours, d, next.value(),
                     "Accordé sur recours (" + kind + ") le " + FormatFrenchDate(on) + ".", now);
            if (l.decision.demande_id) {
                if (auto demande = uow->Cases().FindDemande(*l.decision.demande_id)) {
                    demande->decision_outcome = d.outcome;
                    demande->decision_start = d.period_start;
                    demande->decision_end = d.period_end;
                    demande->updated_at = domain::FormatInstant(now);
                    uow->Cases().UpdateDemande(*demande);
                }
            }
        } else {
            AppendEvent(*uow, who, l.parcours, "appeal_" + outcome, l.parcours.state,
                        l.parcours.state, "recours " + std::to_string(a->id), "",
                        a->outcome_on.value(), now);
        }
        AppendAudit(*uow, ports.crypto,
                    {who.user.id, "appeal.outcome", "appeal", std::to_string(a->id)}, meta, now);
        uow->Commit();
        return DecisionJson(ports, *uow, l.decision);
    });
}

}  // namespace parcours::usecases
