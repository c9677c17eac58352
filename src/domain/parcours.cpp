#include "domain/parcours.hpp"

#include <array>
#include <chrono>

namespace parcours::domain {

namespace {

using enum ParcoursState;

struct StateInfo {
    ParcoursState state;
    std::string_view name;
    std::string_view label;
};

constexpr std::array kStates = {
    StateInfo{kFileInPreparation, "file_in_preparation", "Dossier en préparation"},
    StateInfo{kSubmitted, "submitted", "Demande initiale déposée"},
    StateInfo{kOpinionGiven, "opinion_given", "Avis de la commission rendu"},
    StateInfo{kRefused, "refused", "Entrée refusée"},
    StateInfo{kActive, "active", "Parcours en cours"},
    StateInfo{kRenewalSubmitted, "renewal_submitted", "Renouvellement déposé"},
    StateInfo{kRenewalOpinionGiven, "renewal_opinion_given", "Avis rendu sur le renouvellement"},
    StateInfo{kNotRenewed, "not_renewed", "Non renouvelé"},
    StateInfo{kExited, "exited", "Sorti du parcours"},
};

constexpr std::array<std::pair<ExitReason, std::string_view>, 8> kExitReasons = {{
    {ExitReason::kCompleted, "completed"},
    {ExitReason::kNotRenewed, "not_renewed"},
    {ExitReason::kEndedEarlyPrefect, "ended_early_prefect"},
    {ExitReason::kEndedEarlyPerson, "ended_early_person"},
    {ExitReason::kPersonWithdrew, "person_withdrew"},
    {ExitReason::kMoved, "moved"},
    {ExitReason::kLostContact, "lost_contact"},
    {ExitReason::kDeceased, "deceased"},
}};

Error NotAllowed(ParcoursState from, Transition transition) {
    return Fail(ErrorCode::kTransitionNotAllowed,
                std::string("Action impossible dans l'état « ") + std::string(StateLabel(from)) +
                    "» : " + std::string(TransitionName(transition)) + ".");
}

Date NextDay(Date date) {
    return Date{std::chrono::sys_days{date} + std::chrono::days{1}};
}

}  // namespace

std::string_view StateName(ParcoursState state) {
    for (const auto& info : kStates) {
        if (info.state == state) return info.name;
    }
    return "";
}

std::string_view StateLabel(ParcoursState state) {
    for (const auto& info : kStates) {
        if (info.state == state) return info.label;
    }
    return "";
}

std::optional<ParcoursState> FindState(std::string_view name) {
    for (const auto& info : kStates) {
        if (info.name == name) return info.state;
    }
    return std::nullopt;
}

std::string_view TransitionName(Transition transition) {
    switch (transition) {
        case Transition::kSubmitDemande:
            return "déposer une demande";
        case Transition::kRecordAvis:
            return "enregistrer l'avis de la commission";
        case Transition::kAuthorise:
            return "autoriser";
        case Transition::kRefuse:
            return "refuser";
        case Transition::kAppealGranted:
            return "accorder sur recours";
        case Transition::kExit:
            return "clore le parcours";
    }
    return "";
}

Date PeriodEnd(Date start) {
    return TermEnd(start, kPeriodMonths);
}

int MonthsUsed(const std::vector<Period>& periods) {
    return static_cast<int>(periods.size()) * kPeriodMonths;
}

Result<ParcoursState> Next(ParcoursState from,
                           Transition transition,
                           std::optional<DemandeKind> kind) {
    switch (transition) {
        case Transition::kSubmitDemande:
            if (from == kFileInPreparation && kind == DemandeKind::kInitiale) return kSubmitted;
            if (from == kActive && kind == DemandeKind::kRenouvellement) return kRenewalSubmitted;
            break;
        case Transition::kRecordAvis:
            if (from == kSubmitted) return kOpinionGiven;
            if (from == kRenewalSubmitted) return kRenewalOpinionGiven;
            break;
        case Transition::kAuthorise:
        case Transition::kRefuse:
            if (from == kSubmitted || from == kRenewalSubmitted) {
                return Fail(ErrorCode::kAvisMissing,
                            "La décision ne peut être enregistrée qu'après l'avis de la "
                            "commission (CASF L121-9 II).");
            }
            if (from == kOpinionGiven)
                return transition == Transition::kAuthorise ? kActive : kRefused;
            if (from == kRenewalOpinionGiven) {
                return transition == Transition::kAuthorise ? kActive : kNotRenewed;
            }
            break;
        case Transition::kAppealGranted:
            // CE 440802: the judge of full jurisdiction may grant the request itself.
            if (from == kRefused || from == kNotRenewed) return kActive;
            break;
        case Transition::kExit:
            if (from != kExited) return kExited;
            break;
    }
    return NotAllowed(from, transition);
}

bool HasActivePeriod(const std::vector<Period>& periods, Date today) {
    return !periods.empty() && periods.back().end >= today;
}

Result<Period> NextPeriod(const std::vector<Period>& periods, std::optional<Date> start) {
    if (static_cast<int>(periods.size()) >= kMaxPeriods) {
        return Fail(ErrorCode::kMaxDurationReached,
                    "La durée maximale du parcours est atteinte : 4 périodes de 6 mois, soit "
                    "24 mois (CASF R121-12-10).");
    }
    Period next;
    next.number = static_cast<int>(periods.size()) + 1;
    if (!start) {
        if (periods.empty()) {
            return Fail(ErrorCode::kValidationFailed,
                        "La date de début de la première période est obligatoire.", "start_date");
        }
        start = NextDay(periods.back().end);
    }
    if (!periods.empty()) {
        Date earliest = NextDay(periods.back().end);
        if (*start < earliest) {
            return Fail(ErrorCode::kValidationFailed,
                        "La nouvelle période ne peut pas commencer avant le " +
                            FormatFrenchDate(earliest) + " : elle chevaucherait la précédente.",
                        "start_date");
        }
        next.gap_days_before = static_cast<int>(
            (std::chrono::sys_days{*start} - std::chrono::sys_days{earliest}).count());
    }
    next.start = *start;
    next.end = PeriodEnd(*start);
    return next;
}

std::optional<ExitReason> FindExitReason(std::string_view name) {
    for (const auto& [reason, text] : kExitReasons) {
        if (text == name) return reason;
    }
    return std::nullopt;
}

std::string_view ExitReasonName(ExitReason reason) {
    for (const auto& [r, text] : kExitReasons) {
        if (r == reason) return text;
    }
    return "";
}

Status CheckExit(ParcoursState state,
                 const std::vector<Period>& periods,
                 ExitReason reason,
                 Date date,
                 bool has_reasons,
                 bool has_notification) {
    if (state == kExited) {
        return Fail(ErrorCode::kTransitionNotAllowed, "Ce parcours est déjà clos.");
    }
    switch (reason) {
        case ExitReason::kCompleted:
            if (static_cast<int>(periods.size()) < kMaxPeriods || date <= periods.back().end) {
                return Fail(ErrorCode::kValidationFailed,
                            "Le motif « parcours achevé » suppose les 24 mois accomplis (après "
                            "la fin de la 4e période).",
                            "reason");
            }
            break;
        case ExitReason::kNotRenewed:
            if (state != kNotRenewed) {
                return Fail(
                    ErrorCode::kValidationFailed,
                    "Le motif « non renouvelé » suppose une décision de non-renouvellement.",
                    "reason");
            }
            break;
        case ExitReason::kEndedEarlyPrefect:
            if (!has_reasons) {
                return Fail(ErrorCode::kValidationFailed,
                            "Une fin anticipée décidée par le préfet doit être motivée par écrit.",
                            "reasons");
            }
            if (!has_notification) {
                return Fail(ErrorCode::kValidationFailed,
                            "La date de notification de la décision est obligatoire.",
                            "notified_on");
            }
            break;
        default:
            break;
    }
    return Ok{};
}

}  // namespace parcours::domain
