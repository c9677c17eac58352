#include "domain/commission.hpp"

#include <algorithm>
#include <chrono>

namespace parcours::domain {

Date AddDays(Date date, int days) {
    return Date{std::chrono::sys_days{date} + std::chrono::days{days}};
}

int DaysBetween(Date from, Date to) {
    return static_cast<int>((std::chrono::sys_days{to} - std::chrono::sys_days{from}).count());
}

MemberCategoryList MemberCategoriesOn(Date date) {
    // R121-12-7 in its version of 1 January 2021; the police items (3° and 4°) changed on
    // 1 December 2023 with the police nationale reorganisation (décret n° 2023-1013, probable
    // origin: docs/domain, "inference from the matching date"). Labels to be checked against
    // the consolidated text before a national roll-out.
    std::vector<Code> common_head = {
        {"1", "1° Magistrat de l'ordre judiciaire"},
        {"2", "2° Directeur départemental de l'emploi, du travail et des solidarités"},
    };
    std::vector<Code> police_2021 = {
        {"3", "3° Directeur départemental de la sécurité publique"},
        {"4", "4° Directeur zonal ou régional de la police judiciaire"},
    };
    std::vector<Code> police_2023 = {
        {"3", "3° Directeur départemental de la police nationale"},
        {"4", "4° Directeur interdépartemental ou territorial de la police nationale"},
    };
    std::vector<Code> common_tail = {
        {"5", "5° Commandant du groupement de gendarmerie départementale"},
        {"6", "6° Chef du service des étrangers de la préfecture"},
        {"7", "7° Unité départementale de la DREETS (ex-DIRECCTE)"},
        {"8", "8° Directeur académique des services de l'éducation nationale"},
        {"9", "9° Médecin désigné par le conseil départemental de l'ordre"},
        {"10", "10° Représentant des collectivités territoriales et de leurs groupements"},
        {"11", "11° Représentant d'une association agréée"},
    };
    bool after_2023 = date >= Date{std::chrono::year{2023} / 12 / 1};
    MemberCategoryList list{after_2023 ? "2023-12-01" : "2021-01-01", common_head};
    const auto& police = after_2023 ? police_2023 : police_2021;
    list.categories.insert(list.categories.end(), police.begin(), police.end());
    list.categories.insert(list.categories.end(), common_tail.begin(), common_tail.end());
    return list;
}

bool CategoryNeedsArrete(std::string_view category) {
    return category == "1" || category == "9" || category == "10" || category == "11";
}

bool CategoryIsAssociation(std::string_view category) {
    return category == "11";
}

Date MemberTermEnd(Date appointed_on) {
    return TermEnd(appointed_on, 12 * kMemberTermYears);
}

bool MemberInOffice(Date appointed_on, Date term_end, std::optional<Date> ended_on, Date on) {
    if (on < appointed_on || on > term_end) return false;
    return !ended_on || on < *ended_on;
}

bool ConvocationLate(Date convocation_sent_on, Date seance_date) {
    return DaysBetween(convocation_sent_on, seance_date) < kConvocationMinDays;
}

bool MemberWindowOpen(std::optional<Date> convocation_sent_on, Date seance_date, Date today) {
    if (!convocation_sent_on) return false;
    return today >= *convocation_sent_on && today <= AddDays(seance_date, kMemberAccessDaysAfter);
}

bool QuorumReached(int in_office, int present_or_represented, int percent) {
    if (in_office <= 0) return false;
    return present_or_represented * 100 > percent * in_office;
}

std::optional<AvisOutcome> FindAvisOutcome(std::string_view code) {
    if (code == "favorable") return AvisOutcome::kFavorable;
    if (code == "defavorable") return AvisOutcome::kDefavorable;
    if (code == "ajourne") return AvisOutcome::kAjourne;
    return std::nullopt;
}

std::string_view AvisLabel(std::string_view code) {
    if (code == "favorable") return "Favorable";
    if (code == "defavorable") return "Défavorable";
    if (code == "ajourne") return "Ajourné";
    return "Sans avis";
}

Status CheckAvisAgainstVotes(AvisOutcome outcome, const VoteCount& votes, bool chair_casting_vote) {
    if (outcome == AvisOutcome::kAjourne) return Ok{};
    if (votes.pour + votes.contre == 0) {
        return Fail(ErrorCode::kValidationFailed,
                    "Aucun suffrage exprimé : l'avis ne peut être que « ajourné ».", "outcome");
    }
    bool favourable_majority = votes.pour > votes.contre;
    bool tie = votes.pour == votes.contre;
    if (tie && chair_casting_vote) return Ok{};
    if (tie) {
        return Fail(ErrorCode::kValidationFailed,
                    "Partage des voix : indiquez la voix prépondérante de la présidence.",
                    "chair_casting_vote");
    }
    if ((outcome == AvisOutcome::kFavorable) != favourable_majority) {
        return Fail(ErrorCode::kValidationFailed,
                    "L'avis ne correspond pas à la majorité des suffrages exprimés.", "outcome");
    }
    return Ok{};
}

std::optional<DecisionOutcome> FindDecisionOutcome(std::string_view code) {
    for (auto o :
         {DecisionOutcome::kAutorise, DecisionOutcome::kRefuse, DecisionOutcome::kRenouvele,
          DecisionOutcome::kNonRenouvele, DecisionOutcome::kFinAnticipee}) {
        if (DecisionCode(o) == code) return o;
    }
    return std::nullopt;
}

std::string_view DecisionCode(DecisionOutcome outcome) {
    switch (outcome) {
        case DecisionOutcome::kAutorise:
            return "autorise";
        case DecisionOutcome::kRefuse:
            return "refuse";
        case DecisionOutcome::kRenouvele:
            return "renouvele";
        case DecisionOutcome::kNonRenouvele:
            return "non_renouvele";
        case DecisionOutcome::kFinAnticipee:
            return "fin_anticipee";
    }
    return "";
}

std::string_view DecisionLabel(DecisionOutcome outcome) {
    switch (outcome) {
        case DecisionOutcome::kAutorise:
            return "Engagement dans le parcours autorisé";
        case DecisionOutcome::kRefuse:
            return "Engagement dans le parcours refusé";
        case DecisionOutcome::kRenouvele:
            return "Parcours renouvelé";
        case DecisionOutcome::kNonRenouvele:
            return "Parcours non renouvelé";
        case DecisionOutcome::kFinAnticipee:
            return "Fin anticipée du parcours";
    }
    return "";
}

bool DecisionIsNegative(DecisionOutcome outcome) {
    return outcome == DecisionOutcome::kRefuse || outcome == DecisionOutcome::kNonRenouvele ||
           outcome == DecisionOutcome::kFinAnticipee;
}

bool DepartsFromAvis(AvisOutcome avis, DecisionOutcome outcome) {
    if (avis == AvisOutcome::kAjourne) return false;
    return (avis == AvisOutcome::kFavorable) == DecisionIsNegative(outcome);
}

Status CheckDecisionForDemande(DecisionOutcome outcome, bool renewal) {
    bool ok =
        renewal
            ? (outcome == DecisionOutcome::kRenouvele || outcome == DecisionOutcome::kNonRenouvele)
            : (outcome == DecisionOutcome::kAutorise || outcome == DecisionOutcome::kRefuse);
    if (ok) return Ok{};
    return Fail(ErrorCode::kValidationFailed,
                renewal ? "Décision attendue sur un renouvellement : renouvele ou non_renouvele."
                        : "Décision attendue sur une demande initiale : autorise ou refuse.",
                "outcome");
}

namespace {

Alert Make(std::string code,
           std::string severity,
           Date due,
           std::string message,
           std::string record_type,
           long long record_id,
           std::string label) {
    Alert a;
    a.code = std::move(code);
    a.severity = std::move(severity);
    a.due = due;
    a.message = std::move(message);
    a.record_type = std::move(record_type);
    a.record_id = record_id;
    a.label = std::move(label);
    return a;
}

}  // namespace

std::optional<Alert> AgrementExpiryAlert(long long agrement_id,
                                         const std::string& association,
                                         Date valid_until,
                                         bool renewal_filed,
                                         Date today) {
    int left = DaysBetween(today, valid_until);
    if (renewal_filed || left < 0 || left > kAgrementExpiryAlertDays) return std::nullopt;
    return Make("agrement_expiring", left <= 30 ? "high" : "medium", valid_until,
                "L'agrément de " + association + " expire le " + FormatFrenchDate(valid_until) +
                    " : sans renouvellement, l'association ne pourra plus déposer de demande.",
                "agrement", agrement_id, association);
}

std::optional<Alert> MemberTermAlert(long long member_id,
                                     const std::string& name,
                                     Date term_end,
                                     Date today) {
    int left = DaysBetween(today, term_end);
    if (left < 0 || left > kMemberTermAlertDays) return std::nullopt;
    return Make("member_term_ending", "medium", term_end,
                "Le mandat de " + name + " à la commission prend fin le " +
                    FormatFrenchDate(term_end) + " : renouvellement ou nouvelle nomination.",
                "commission_member", member_id, name);
}

std::optional<Alert> CommissionIdleAlert(long long commission_id,
                                         const std::string& departement,
                                         std::optional<Date> installed_on,
                                         std::optional<Date> last_seance,
                                         Date today) {
    std::optional<Date> since = last_seance ? last_seance : installed_on;
    if (!since) return std::nullopt;
    Date due = AddMonths(*since, kCommissionIdleMonths);
    if (today <= due) return std::nullopt;
    return Make("commission_no_seance", "medium", due,
                std::string("La commission (") + departement + ") ne s'est pas réunie depuis " +
                    (last_seance ? "le " + FormatFrenchDate(*last_seance)
                                 : "son installation le " + FormatFrenchDate(*installed_on)) +
                    " : elle se réunit au moins une fois par an.",
                "commission", commission_id, departement);
}

std::optional<Alert> ConvocationMissingAlert(long long seance_id,
                                             Date seance_date,
                                             std::optional<Date> convocation_sent_on,
                                             Date today) {
    int left = DaysBetween(today, seance_date);
    if (convocation_sent_on || left < 0 || left > kConvocationMinDays) return std::nullopt;
    return Make("convocation_missing", "high", seance_date,
                "Séance du " + FormatFrenchDate(seance_date) +
                    " : la convocation n'est pas envoyée (au moins 5 jours avant la séance).",
                "seance", seance_id, FormatFrenchDate(seance_date));
}

std::vector<Code> AppealKindCodes() {
    return {{"gracieux", "Recours gracieux auprès du préfet"},
            {"tribunal_administratif", "Tribunal administratif"},
            {"cour_administrative_appel", "Cour administrative d'appel"},
            {"conseil_etat", "Conseil d'État"}};
}

std::vector<Code> AppealOutcomeCodes() {
    return {{"rejete", "Recours rejeté"},
            {"accorde", "Recours accueilli : autorisation accordée"},
            {"desistement", "Désistement"}};
}

std::vector<Code> NotificationChannelCodes() {
    return {{"association", "Remise en main propre par l'association"},
            {"courrier", "Courrier"},
            {"courriel", "Courriel"}};
}

}  // namespace parcours::domain
