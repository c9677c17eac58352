// The closed lists of a case's codes (a person's record, exits, referrals, assessments, actions,
// follow-ups, attachments), each code with its French label, and the label of a code.
#include "domain/case_rules.hpp"

namespace parcours::domain {

std::vector<Code> SexOrGenderCodes() {
    return {{"female", "Femme"},
            {"male", "Homme"},
            {"trans_woman", "Femme trans"},
            {"trans_man", "Homme trans"},
            {"non_binary", "Non binaire"},
            {"undisclosed", "Non renseigné"}};
}

std::vector<Code> AdministrativeStatusCodes() {
    return {{"french", "Nationalité française"},
            {"eu_citizen", "Ressortissant·e UE/EEE/Suisse"},
            {"residence_permit", "Titre de séjour"},
            {"asylum_seeker", "Demandeur·se d'asile"},
            {"aps", "Autorisation provisoire de séjour (APS)"},
            {"undocumented", "Sans titre de séjour"},
            {"other", "Autre"}};
}

std::vector<Code> VictimisationFormCodes() {
    return {{"trafficking", "Traite des êtres humains aux fins d'exploitation sexuelle"},
            {"procuring", "Proxénétisme"},
            {"prostitution", "Prostitution"}};
}

std::vector<Code> ExploitationSettingCodes() {
    return {{"street", "Rue"},
            {"indoor", "Appartement, hôtel"},
            {"online", "Internet, petites annonces"},
            {"establishment", "Bar, salon de massage"},
            {"other", "Autre"}};
}

std::vector<Code> ExitHousingCodes() {
    return {{"own_housing", "Logement autonome"},
            {"accommodation", "Hébergement (CHRS, résidence sociale…)"},
            {"family_or_friends", "Chez un proche"},
            {"no_housing", "Sans solution de logement"},
            {"unknown", "Non renseigné"}};
}

std::vector<Code> ExitActivityCodes() {
    return {{"employment", "Emploi"},
            {"training", "Formation"},
            {"job_seeking", "Recherche d'emploi"},
            {"none", "Sans activité"},
            {"unknown", "Non renseigné"}};
}

std::vector<Code> ExitResidenceTitleCodes() {
    return {{"not_concerned", "Non concernée (nationalité française ou UE)"},
            {"residence_permit", "Carte de séjour"},
            {"aps", "APS en cours"},
            {"asylum", "Demande d'asile en cours"},
            {"none", "Sans titre de séjour"},
            {"unknown", "Non renseigné"}};
}

std::vector<Code> ExitIncomeCodes() {
    return {{"employment", "Revenus d'activité"},
            {"rsa", "RSA"},
            {"other_benefits", "Autres prestations sociales"},
            {"none", "Sans ressources"},
            {"unknown", "Non renseigné"}};
}

std::vector<CodeList> ExitOutcomeLists() {
    return {{"housing", ExitHousingCodes()},
            {"activity", ExitActivityCodes()},
            {"residence_title", ExitResidenceTitleCodes()},
            {"income_source", ExitIncomeCodes()}};
}

std::vector<Code> ReferralSourceCodes() {
    return {{"street_outreach", "Maraude de rue"},
            {"online_outreach", "Maraude en ligne"},
            {"police_gendarmerie", "Police ou gendarmerie"},
            {"asylum_centre_ofii", "Centre pour demandeurs d'asile / OFII"},
            {"siao_115", "115 / SIAO"},
            {"chrs", "CHRS"},
            {"hospital_pass", "Hôpital / PASS"},
            {"acse", "Dispositif Ac.Sé"},
            {"other_association", "Autre association"},
            {"self", "Démarche personnelle"},
            {"other", "Autre"}};
}

std::vector<Code> AssessmentOutcomeCodes() {
    return {{"present", "Présenter à la commission"},
            {"postpone", "Reporter"},
            {"not_eligible", "Non éligible"},
            {"declined_by_person", "Refus de la personne"}};
}

std::vector<Code> NotPresentedReasonCodes() {
    return {{"awaiting_documents", "En attente de pièces"},
            {"person_not_ready", "Personne pas prête"},
            {"no_commission_session", "Pas de séance de la commission prévue"},
            {"commission_not_installed", "Commission non installée"},
            {"criteria_not_met", "Critères non remplis"},
            {"person_declined", "La personne ne souhaite pas s'engager"},
            {"moved_away", "Départ du département"},
            {"lost_contact", "Perte de contact"},
            {"other", "Autre"}};
}

std::vector<Code> ActionDomainCodes() {
    return {{"housing", "Logement / hébergement"},
            {"health", "Santé"},
            {"rights", "Accès aux droits"},
            {"language", "Langue"},
            {"training", "Formation"},
            {"employment", "Emploi"},
            {"social_life", "Vie sociale"},
            {"safety", "Sécurité"},
            {"legal", "Juridique"}};
}

std::vector<Code> ActionStatusCodes() {
    return {{"planned", "Prévue"},
            {"in_progress", "En cours"},
            {"done", "Réalisée"},
            {"abandoned", "Abandonnée"}};
}

std::vector<Code> FollowupKindCodes() {
    return {{"interview", "Entretien"},
            {"accompaniment", "Accompagnement"},
            {"phone", "Appel téléphonique"},
            {"incident", "Incident"},
            {"other", "Autre"}};
}

std::vector<Code> AttachmentKindCodes() {
    return {{"sworn_statement", "Déclaration sur l'honneur de cessation"},
            {"identity_document", "Pièce d'identité"},
            {"situation_document", "Justificatif de situation"},
            {"other", "Autre pièce"}};
}

std::optional<std::string_view> LabelOf(const std::vector<Code>& codes, std::string_view code) {
    for (const auto& c : codes) {
        if (c.code == code) return c.label;
    }
    return std::nullopt;
}

}  // namespace parcours::domain
