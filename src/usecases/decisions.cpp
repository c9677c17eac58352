// The préfet's decisions (CASF L121-9 II, R121-12-10): on a demande with an avis, or an early
// end of a parcours; immutable once signed (a correction is a new decision referencing the old
// one). The letter, notifications and appeals: decision_notices.cpp.
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
using domain::FormatIsoDate;
using domain::ParcoursState;

namespace {

DecisionOutcome OutcomeField(const Json& input) {
    std::string code = TextField(input, "outcome", "outcome", true, 20);
    auto outcome = domain::FindDecisionOutcome(code);
    if (!outcome) {
        Reject("outcome",
               "Décision attendue : autorise, refuse, renouvele, non_renouvele ou fin_anticipee.");
    }
    return *outcome;
}

}  // namespace

LoadedDecision LoadDecision(UnitOfWork& uow, const Principal& who, long long id, Action action) {
    auto d = uow.Commission().FindDecision(id);
    if (!d) NotFoundError();
    return {*d, LoadParcours(uow, who, d->parcours_id, action)};
}

std::string SignerName(UnitOfWork& uow, long long user_id) {
    auto u = uow.Accounts().FindUserById(user_id);
    return u ? u->display_name : "";
}

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
Json DecisionJson(Ports& ports, UnitOfWork& uow, const DecisionRecord& d) {
    return DecisionJson(ports, uow, d, uow.Commission().ListDecisionsOfParcours(d.parcours_id));
}

Json DecisionJson(Ports& ports,
                  UnitOfWork& uow,
                  const DecisionRecord& d,
                  const std::vector<DecisionRecord>& of_parcours) {
    DecisionDetails details;
    details.notifications[d.id] = uow.Commission().ListNotifications(d.id);
    details.appeals[d.id] = uow.Commission().ListAppeals(d.id);
    details.signers[d.signed_by] = SignerName(uow, d.signed_by);
    return DecisionJson(ports, d, of_parcours, details);
}

DecisionDetails DecisionDetailsOfParcours(UnitOfWork& uow,
                                          long long parcours_id,
                                          const std::vector<DecisionRecord>& decisions) {
    DecisionDetails details;
    if (decisions.empty()) return details;
    for (auto& n : uow.Commission().ListNotificationsOfParcours(parcours_id)) {
        details.notifications[n.decision_id].push_back(std::move(n));
    }
    for (auto& a : uow.Commission().ListAppealsOfParcours(parcours_id)) {
        details.appeals[a.decision_id].push_back(std::move(a));
    }
    for (const auto& d : decisions) {
        if (!details.signers.count(d.signed_by)) {
            details.signers[d.signed_by] = SignerName(uow, d.signed_by);
        }
    }
    return details;
}

Json DecisionJson(Ports& ports,
                  const DecisionRecord& d,
                  const std::vector<DecisionRecord>& of_parcours,
                  const DecisionDetails& details) {
    auto outcome = *domain::FindDecisionOutcome(d.outcome);
    Json notifications = Json::array();
    if (auto found = details.notifications.find(d.id); found != details.notifications.end()) {
        for (const auto& n : found->second) {
            notifications.push_back(
                {{"id", n.id},
                 {"date", n.date},
                 {"channel", n.channel},
                 {"channel_label",
                  std::string(*domain::LabelOf(domain::NotificationChannelCodes(), n.channel))},
                 {"acknowledged_on", OrNull(n.acknowledged_on)}});
        }
    }
    Json appeals = Json::array();
    if (auto found = details.appeals.find(d.id); found != details.appeals.end()) {
        for (const auto& a : found->second) {
            appeals.push_back(
                {{"id", a.id},
                 {"kind", a.kind},
                 {"kind_label", std::string(*domain::LabelOf(domain::AppealKindCodes(), a.kind))},
                 {"filed_on", a.filed_on},
                 {"outcome", OrNull(a.outcome)},
                 {"outcome_on", OrNull(a.outcome_on)},
                 {"notes", Open(ports.crypto, a.notes_enc)}});
        }
    }
    std::optional<long long> corrected_by;
    for (const auto& other : of_parcours) {
        if (other.corrects_id && *other.corrects_id == d.id) corrected_by = other.id;
    }
    auto signer = details.signers.find(d.signed_by);
    return {{"id", d.id},
            {"parcours_id", d.parcours_id},
            {"demande_id", d.demande_id ? Json(*d.demande_id) : Json(nullptr)},
            {"outcome", d.outcome},
            {"label", domain::DecisionLabel(outcome)},
            {"negative", domain::DecisionIsNegative(outcome)},
            {"reasons", Open(ports.crypto, d.reasons_enc)},
            {"signed_on", d.signed_on},
            {"signed_by", signer != details.signers.end() ? signer->second : ""},
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

}  // namespace parcours::usecases
