// The préfet's decisions (CASF L121-9 II, R121-12-10): on a demande with an avis, or an early
// end of a parcours; immutable once signed (a correction is a new decision referencing the old
// one); the decision letter; notifications; appeals (CE 440802: full jurisdiction).
#include "domain/commission.hpp"
#include "usecases/audit_log.hpp"
#include "usecases/case_support.hpp"
#include "usecases/case_views.hpp"
#include "usecases/commission.hpp"
#include "usecases/commission_support.hpp"

namespace parcours::usecases {

namespace {

using domain::Action;
using domain::Date;
using domain::DecisionOutcome;
using domain::FormatFrenchDate;
using domain::FormatIsoDate;
using domain::ParcoursState;

std::string SignerName(UnitOfWork& uow, long long user_id) {
    auto u = uow.Accounts().FindUserById(user_id);
    return u ? u->display_name : "";
}

const char* kAppealNotice =
    "Cette décision peut être contestée dans un délai de deux mois à compter de sa "
    "notification : par un recours gracieux adressé au préfet, ou par un recours contentieux "
    "devant le tribunal administratif territorialement compétent (code de justice "
    "administrative, article R421-1), y compris par l'application « Télérecours citoyens » "
    "(www.telerecours.fr). Le juge statue en plein contentieux et peut accorder lui-même le "
    "bénéfice du parcours (Conseil d'État, 19 novembre 2021, n° 440802). L'association qui vous "
    "accompagne peut vous aider dans ces démarches.";

struct LoadedDecision {
    DecisionRecord decision;
    ParcoursRecord parcours;
};

LoadedDecision LoadDecision(UnitOfWork& uow, const Principal& who, long long id, Action action) {
    auto d = uow.Commission().FindDecision(id);
    if (!d) NotFoundError();
    return {*d, LoadParcours(uow, who, d->parcours_id, action)};
}

DecisionOutcome OutcomeField(const Json& input) {
    std::string code = TextField(input, "outcome", "outcome", true, 20);
    auto outcome = domain::FindDecisionOutcome(code);
    if (!outcome) {
        Reject("outcome",
               "Décision attendue : autorise, refuse, renouvele, non_renouvele ou fin_anticipee.");
    }
    return *outcome;
}

// Inserts the decision and its event; moves the parcours (same transaction).
DecisionRecord Sign(Ports& ports,
                    UnitOfWork& uow,
                    const Principal& who,
                    ParcoursRecord& p,
                    DecisionRecord d,
                    ParcoursState to,
                    const std::string& reasons,
                    domain::Instant now) {
    d.parcours_id = p.id;
    d.reasons_enc = Seal(ports.crypto, Json(reasons));
    d.signed_by = who.user.id;
    d.created_at = domain::FormatInstant(now);
    d.id = uow.Commission().InsertDecision(d);
    std::string date = d.period_start.value_or(d.signed_on);
    SetState(uow, who, p, to, "decision_" + d.outcome, "décision " + std::to_string(d.id), reasons,
             date, now);
    return d;
}

// Opens the next period for an authorisation or a renewal.
PeriodRecord OpenPeriod(UnitOfWork& uow,
                        const ParcoursRecord& p,
                        long long demande_id,
                        std::optional<Date> start) {
    auto period = domain::NextPeriod(PeriodsOf(uow, p.id), start);
    if (!period) throw Invalid{period.error()};
    PeriodRecord record{p.id,
                        period.value().number,
                        FormatIsoDate(period.value().start),
                        FormatIsoDate(period.value().end),
                        period.value().gap_days_before,
                        demande_id};
    uow.Cases().InsertPeriod(record);
    return record;
}

}  // namespace

Json DecisionJson(Ports& ports, UnitOfWork& uow, const DecisionRecord& d) {
    return DecisionJson(ports, uow, d, uow.Commission().ListDecisionsOfParcours(d.parcours_id));
}

Json DecisionJson(Ports& ports,
                  UnitOfWork& uow,
                  const DecisionRecord& d,
                  const std::vector<DecisionRecord>& of_parcours) {
    auto outcome = *domain::FindDecisionOutcome(d.outcome);
    Json notifications = Json::array();
    for (const auto& n : uow.Commission().ListNotifications(d.id)) {
        notifications.push_back(
            {{"id", n.id},
             {"date", n.date},
             {"channel", n.channel},
             {"channel_label",
              std::string(*domain::LabelOf(domain::NotificationChannelCodes(), n.channel))},
             {"acknowledged_on", OrNull(n.acknowledged_on)}});
    }
    Json appeals = Json::array();
    for (const auto& a : uow.Commission().ListAppeals(d.id)) {
        appeals.push_back(
            {{"id", a.id},
             {"kind", a.kind},
             {"kind_label", std::string(*domain::LabelOf(domain::AppealKindCodes(), a.kind))},
             {"filed_on", a.filed_on},
             {"outcome", OrNull(a.outcome)},
             {"outcome_on", OrNull(a.outcome_on)},
             {"notes", Open(ports.crypto, a.notes_enc)}});
    }
    std::optional<long long> corrected_by;
    for (const auto& other : of_parcours) {
        if (other.corrects_id && *other.corrects_id == d.id) corrected_by = other.id;
    }
    return {{"id", d.id},
            {"parcours_id", d.parcours_id},
            {"demande_id", d.demande_id ? Json(*d.demande_id) : Json(nullptr)},
            {"outcome", d.outcome},
            {"label", domain::DecisionLabel(outcome)},
            {"negative", domain::DecisionIsNegative(outcome)},
            {"reasons", Open(ports.crypto, d.reasons_enc)},
            {"signed_on", d.signed_on},
            {"signed_by", SignerName(uow, d.signed_by)},
            {"start_date", OrNull(d.period_start)},
            {"end_date", OrNull(d.period_end)},
            {"departs_from_avis", d.departs_from_avis},
            {"corrects_id", d.corrects_id ? Json(*d.corrects_id) : Json(nullptr)},
            {"corrected_by", corrected_by ? Json(*corrected_by) : Json(nullptr)},
            {"appeal_id", d.appeal_id ? Json(*d.appeal_id) : Json(nullptr)},
            {"notifications", notifications},
            {"appeals", appeals}};
}

domain::Result<Json> DecideDemande(Ports& ports,
                                   const Principal& who,
                                   long long demande_id,
                                   const Json& input,
                                   const RequestMeta& meta,
                                   domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.Begin();
        auto demande = uow->Cases().FindDemande(demande_id);
        if (!demande) NotFoundError();
        ParcoursRecord p = LoadParcours(*uow, who, demande->parcours_id, Action::kRecordDecision);
        Date today = TodayOf(now);
        DecisionOutcome outcome = OutcomeField(input);
        bool renewal = demande->kind == "renouvellement";
        auto fits = domain::CheckDecisionForDemande(outcome, renewal);
        if (!fits) throw Invalid{fits.error()};
        std::string reasons = TextField(input, "reasons", "reasons", false, 8000);
        Date signed_on = DateField(input, "signed_on", "signed_on", false, today);
        if (!input.contains("signed_on") || input["signed_on"].is_null()) signed_on = today;
        auto start = OptionalDateField(input, "start_date", "start_date");
        std::optional<long long> corrects;
        if (input.contains("corrects_id") && !input["corrects_id"].is_null()) {
            if (!input["corrects_id"].is_number_integer()) {
                Reject("corrects_id", "Identifiant de décision attendu.");
            }
            corrects = input["corrects_id"].get<long long>();
        }
        auto avis = LatestAvis(*uow, demande->id);
        bool departs =
            avis && domain::DepartsFromAvis(*domain::FindAvisOutcome(*avis->avis_outcome), outcome);
        // Negative decisions, and decisions that depart from the avis, state their reasons
        // (PRODUCT.md §3; CRPA L211-2).
        if (reasons.find_first_not_of(" \t\r\n") == std::string::npos &&
            (domain::DecisionIsNegative(outcome) || departs || corrects)) {
            Reject("reasons", corrects  ? "Indiquez l'objet de la correction."
                              : departs ? "Une décision qui s'écarte de l'avis de la commission "
                                          "doit être motivée."
                                        : "Une décision défavorable doit être motivée.");
        }
        DecisionRecord d;
        d.demande_id = demande->id;
        d.outcome = std::string(domain::DecisionCode(outcome));
        d.signed_on = FormatIsoDate(signed_on);
        d.departs_from_avis = departs;
        if (corrects) {
            // A signed decision never changes: the correction is a new decision that keeps the
            // outcome and the period and amends the reasons or the date.
            auto old = uow->Commission().FindDecision(*corrects);
            if (!old || old->demande_id != demande->id) {
                Reject("corrects_id", "Cette décision ne porte pas sur cette demande.");
            }
            for (const auto& other : uow->Commission().ListDecisionsOfParcours(p.id)) {
                if (other.corrects_id == corrects)
                    ConflictError("Cette décision a déjà été corrigée.");
            }
            if (old->outcome != d.outcome) {
                ConflictError(
                    "Une correction garde le sens de la décision : une décision contraire "
                    "suppose un recours ou une nouvelle demande.");
            }
            d.corrects_id = old->id;
            d.parcours_id = p.id;
            d.period_start = old->period_start;
            d.period_end = old->period_end;
            d.reasons_enc = Seal(ports.crypto, Json(reasons));
            d.signed_by = who.user.id;
            d.created_at = domain::FormatInstant(now);
            d.id = uow->Commission().InsertDecision(d);
            AppendEvent(*uow, who, p, "decision_corrected", p.state, p.state,
                        "décision " + std::to_string(d.id) + " corrigeant la décision " +
                            std::to_string(old->id),
                        reasons, d.signed_on, now);
        } else {
            if (demande->state != "avis_given" || !avis) {
                throw Invalid{domain::Fail(domain::ErrorCode::kAvisMissing,
                                           "La décision ne peut être prise qu'après l'avis de la "
                                           "commission sur cette demande (CASF L121-9 II).")};
            }
            bool positive = !domain::DecisionIsNegative(outcome);
            auto next =
                domain::Next(*domain::FindState(p.state), positive ? domain::Transition::kAuthorise
                                                                   : domain::Transition::kRefuse);
            if (!next) throw Invalid{next.error()};
            if (positive) {
                PeriodRecord period = OpenPeriod(*uow, p, demande->id, start);
                d.period_start = period.start_date;
                d.period_end = period.end_date;
            }
            d = Sign(ports, *uow, who, p, d, next.value(), reasons, now);
            demande->state = "decided";
            demande->decision_outcome = d.outcome;
            demande->decision_start = d.period_start;
            demande->decision_end = d.period_end;
            demande->updated_at = domain::FormatInstant(now);
            uow->Cases().UpdateDemande(*demande);
        }
        AppendAudit(*uow, ports.crypto,
                    {who.user.id, "decision.sign", "decision", std::to_string(d.id)}, meta, now);
        uow->Commit();
        return DecisionJson(ports, *uow, d);
    });
}

domain::Result<Json> EndParcoursEarly(Ports& ports,
                                      const Principal& who,
                                      long long parcours_id,
                                      const Json& input,
                                      const RequestMeta& meta,
                                      domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.Begin();
        ParcoursRecord p = LoadParcours(*uow, who, parcours_id, Action::kRecordDecision);
        Date today = TodayOf(now);
        if (OutcomeField(input) != DecisionOutcome::kFinAnticipee) {
            Reject("outcome",
                   "Sur un parcours, la décision attendue est fin_anticipee ; les "
                   "autres décisions portent sur une demande.");
        }
        std::string reasons = TextField(input, "reasons", "reasons", true, 8000);
        Date signed_on = DateField(input, "signed_on", "signed_on", false, today);
        if (!input.contains("signed_on") || input["signed_on"].is_null()) signed_on = today;
        auto end = OptionalDateField(input, "end_date", "end_date");
        Date exit = end.value_or(signed_on);
        if (exit < signed_on) Reject("end_date", "La fin ne peut pas précéder la décision.");
        if (p.state != "active") {
            ConflictError(p.state == "renewal_submitted" || p.state == "renewal_opinion_given"
                              ? "Une demande de renouvellement est en cours : statuez sur celle-ci."
                              : "Seul un parcours en cours peut prendre fin de manière anticipée.");
        }
        DecisionRecord d;
        d.outcome = "fin_anticipee";
        d.signed_on = FormatIsoDate(signed_on);
        d.period_end = FormatIsoDate(exit);
        p.exit_date = FormatIsoDate(exit);
        p.exit_reason = "ended_early_prefect";
        p.exit_outcome_enc = Seal(ports.crypto, Json::object());
        d = Sign(ports, *uow, who, p, d, ParcoursState::kExited, reasons, now);
        AppendAudit(*uow, ports.crypto,
                    {who.user.id, "decision.sign", "decision", std::to_string(d.id)}, meta, now);
        uow->Commit();
        return DecisionJson(ports, *uow, d);
    });
}

domain::Result<Json> GetDecision(Ports& ports,
                                 const Principal& who,
                                 long long decision_id,
                                 const RequestMeta& meta,
                                 domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.BeginRead();
        LoadedDecision l = LoadDecision(*uow, who, decision_id, Action::kReadPerson);
        Json out = DecisionJson(ports, *uow, l.decision);
        if (l.decision.demande_id) {
            if (auto avis = LatestAvis(*uow, *l.decision.demande_id)) {
                auto seance = uow->Commission().FindSeance(avis->seance_id);
                out["avis"] = AvisJson(ports, *avis, seance ? seance->date : "");
            }
        }
        auto person = uow->Cases().FindPerson(l.parcours.person_id);
        out["pseudonym"] = person ? person->pseudonym : "";
        AppendAudit(*uow, ports.crypto,
                    {who.user.id, "decision.read", "decision", std::to_string(decision_id)}, meta,
                    now);
        uow->Commit();
        return out;
    });
}

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
