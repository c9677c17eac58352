// The catalogue of indicators (docs/indicators.md): code, family, French name, kind, measure and
// definition, in the order the dashboard shows them.
#include "domain/stats.hpp"

namespace parcours::domain {

namespace {

using enum IndicatorKind;
using enum Measure;

const std::vector<IndicatorDef> kCatalogue = {
    {"referrals", "demandes", "Orientations", kFlow, kCount,
     "Personnes orientées vers une association agréée, comptées à la date de l'orientation, "
     "par source de l'orientation."},
    {"assessments", "demandes", "Évaluations d'éligibilité", kFlow, kCount,
     "Évaluations d'éligibilité réalisées par les associations sur la grille de la commission, à "
     "leur date, par issue."},
    {"eligible_not_presented", "demandes", "Personnes éligibles non présentées", kFlow, kCount,
     "Évaluations concluant à un report ou au refus de la personne (personne éligible qui n'est "
     "pas présentée à la commission), par motif."},
    {"demandes_submitted", "demandes", "Demandes déposées", kFlow, kCount,
     "Demandes déposées par les associations auprès de la préfecture (premier dépôt), par type."},
    {"demandes_tabled", "demandes", "Demandes inscrites à l'ordre du jour", kFlow, kCount,
     "Demandes inscrites à l'ordre du jour d'une séance de la commission, à la date de "
     "l'inscription, par type."},
    {"avis", "demandes", "Avis de la commission", kFlow, kCount,
     "Avis rendus par la commission départementale en séance, à la date de la séance, par sens."},
    {"decisions", "demandes", "Décisions du préfet", kFlow, kCount,
     "Décisions signées par le préfet sur les demandes (hors corrections), à la date de "
     "signature, par sens."},
    {"acceptance_rate", "demandes", "Taux d'acceptation des demandes initiales", kFlow, kRate,
     "Demandes initiales autorisées ÷ demandes initiales ayant reçu une décision (autorisation ou "
     "refus) pendant la période, en %. Le dénominateur est indiqué."},
    {"renewal_rate", "demandes", "Taux de renouvellement", kFlow, kRate,
     "Renouvellements accordés ÷ demandes de renouvellement ayant reçu une décision pendant la "
     "période, en %."},
    {"validated_requests_rate", "demandes", "Taux de demandes validées (amendement II-220)", kFlow,
     kRate,
     "Demandes initiales autorisées pendant la période ÷ demandes initiales déposées pendant la "
     "période, en % : rapporte l'offre de parcours au besoin exprimé (proposition du Sénat, "
     "amendement II-220 au PLF 2025)."},
    {"delay_submission_to_tabling", "delais", "Délai du dépôt à l'inscription en séance", kFlow,
     kDays,
     "Jours entre le dépôt d'une demande et son inscription à l'ordre du jour, pour les demandes "
     "inscrites pendant la période : médiane et 90e centile."},
    {"delay_submission_to_avis", "delais", "Délai du dépôt à l'avis", kFlow, kDays,
     "Jours entre le dépôt d'une demande et l'avis de la commission, pour les avis rendus pendant "
     "la période : médiane et 90e centile."},
    {"delay_submission_to_decision", "delais", "Délai du dépôt à la décision", kFlow, kDays,
     "Jours entre le dépôt d'une demande et la décision du préfet, pour les décisions signées "
     "pendant la période : médiane et 90e centile."},
    {"delay_decision_to_notification", "delais", "Délai de la décision à sa notification", kFlow,
     kDays,
     "Jours entre la signature d'une décision et sa première notification enregistrée, pour les "
     "décisions signées pendant la période : médiane et 90e centile."},
    {"delay_decision_to_aps", "delais", "Délai de l'autorisation à la délivrance de l'APS", kFlow,
     kDays,
     "Jours entre une autorisation ou un renouvellement et la délivrance de l'autorisation "
     "provisoire de séjour qui suit, pour les décisions signées pendant la période : médiane et "
     "90e centile."},
    {"delay_decision_to_afis", "delais", "Délai de l'autorisation au premier versement de l'AFIS",
     kFlow, kDays,
     "Jours entre une autorisation et le premier versement de l'AFIS qui suit, pour les "
     "décisions signées pendant la période : médiane et 90e centile."},
    {"parcours_in_progress", "parcours", "Parcours en cours (indicateur 3.1 du programme 137)",
     kStock, kCount,
     "Parcours dont une période autorisée couvre la date d'observation : c'est l'indicateur 3.1 "
     "du programme budgétaire 137."},
    {"entries", "parcours", "Entrées en parcours", kFlow, kCount,
     "Parcours dont la première période commence pendant la période."},
    {"renewals", "parcours", "Renouvellements", kFlow, kCount,
     "Périodes 2 à 4 commençant pendant la période."},
    {"exits", "parcours", "Sorties de parcours", kFlow, kCount,
     "Parcours clos pendant la période, par motif de sortie."},
    {"exits_by_housing", "parcours", "Sorties de parcours selon le logement", kFlow, kCount,
     "Parcours clos pendant la période, selon la situation de logement de la personne à la "
     "sortie."},
    {"exits_by_activity", "parcours", "Sorties de parcours selon l'activité", kFlow, kCount,
     "Parcours clos pendant la période, selon l'activité de la personne à la sortie (emploi, "
     "formation, recherche d'emploi)."},
    {"exits_by_residence_title", "parcours", "Sorties de parcours selon le droit au séjour", kFlow,
     kCount,
     "Parcours clos pendant la période, selon le droit au séjour de la personne à la sortie."},
    {"exits_by_income", "parcours", "Sorties de parcours selon les ressources", kFlow, kCount,
     "Parcours clos pendant la période, selon la principale source de revenus de la personne à "
     "la sortie."},
    {"mean_duration", "parcours", "Durée moyenne des parcours clos", kFlow, kMonths,
     "Durée moyenne, en mois, entre le début de la première période et la sortie, des parcours "
     "clos pendant la période après au moins une période."},
    {"entered_since_2017", "parcours", "Personnes entrées en parcours depuis 2017", kCumulative,
     kCount,
     "Parcours dont la première période a commencé entre le 01/01/2017 et la date "
     "d'observation."},
    {"persons_by_sex", "personnes", "Personnes en parcours selon le sexe ou le genre", kStock,
     kCount, "Personnes dont un parcours est en cours à la date d'observation, par sexe ou genre."},
    {"persons_by_age", "personnes", "Personnes en parcours selon l'âge", kStock, kCount,
     "Personnes dont un parcours est en cours à la date d'observation, par tranche d'âge à cette "
     "date."},
    {"persons_by_nationality", "personnes", "Personnes en parcours selon la nationalité", kStock,
     kCount,
     "Personnes dont un parcours est en cours à la date d'observation, par groupe de "
     "nationalité (France, Union européenne, hors Union européenne)."},
    {"trafficking_share", "personnes",
     "Part des victimes de traite des êtres humains parmi les personnes en parcours", kStock, kRate,
     "Personnes dont un parcours est en cours à la date d'observation et dont la situation est "
     "renseignée : part de celles qui sont victimes de traite des êtres humains aux fins "
     "d'exploitation sexuelle. Le dénominateur ne compte que les situations renseignées (ce "
     "renseignement n'est jamais obligatoire)."},
    {"afis_recipients", "droits", "Bénéficiaires de l'AFIS", kStock, kCount,
     "Parcours en cours à la date d'observation dont l'AFIS a été accordée par la MSA."},
    {"afis_granted", "droits", "AFIS accordées", kFlow, kCount,
     "Aides financières à l'insertion sociale et professionnelle accordées par la MSA pendant la "
     "période (date du premier versement)."},
    {"afis_monthly_amount", "droits", "Montant mensuel des AFIS accordées", kFlow, kEuros,
     "Somme des montants mensuels des AFIS accordées par la MSA pendant la période (date du "
     "premier versement), en euros ; le dénominateur est le nombre d'AFIS accordées."},
    {"aps_issued", "droits", "Autorisations provisoires de séjour délivrées", kFlow, kCount,
     "APS délivrées pendant la période, premières délivrances et renouvellements."},
    {"commissions_installed", "commission", "Commissions installées", kStock, kCount,
     "Commissions départementales installées à la date d'observation."},
    {"seances_held", "commission", "Séances tenues", kFlow, kCount,
     "Séances de commission tenues pendant la période."},
    {"commissions_idle", "commission", "Commissions sans séance depuis 12 mois", kStock, kCount,
     "Commissions installées qui ne se sont pas réunies dans les 12 mois précédant la date "
     "d'observation (la commission se réunit au moins une fois par an)."},
    {"approved_associations", "commission", "Associations agréées", kStock, kCount,
     "Associations titulaires d'un agrément en cours de validité dans le département à la date "
     "d'observation (R121-12-3)."},
    {"members_term_expired", "commission", "Membres au mandat expiré", kStock, kCount,
     "Membres de commission dont le mandat de trois ans a pris fin sans renouvellement ni "
     "remplacement enregistré, à la date d'observation."},
};

}  // namespace

std::string_view KindName(IndicatorKind kind) {
    switch (kind) {
        case kStock:
            return "stock";
        case kFlow:
            return "flow";
        case kCumulative:
            return "cumulative";
    }
    return "";
}

const std::vector<IndicatorDef>& IndicatorCatalogue() {
    return kCatalogue;
}

const IndicatorDef* FindIndicator(std::string_view code) {
    for (const auto& d : kCatalogue) {
        if (d.code == code) return &d;
    }
    return nullptr;
}

}  // namespace parcours::domain
