// French labels of the codes of the case-workflow API. The server's `*_label` fields win when present.
import type {
  ActionDomain,
  ActionStatus,
  AdministrativeStatus,
  AssessmentOutcome,
  AssessmentReason,
  AttachmentKind,
  ContactChannel,
  CriterionAnswer,
  DemandeState,
  ExitActivity,
  ExitHousing,
  ExitIncomeSource,
  ExitReason,
  ExitResidenceTitle,
  ExploitationSetting,
  FollowupKind,
  ParcoursState,
  SexOrGender,
  VictimisationForm,
} from "../api";

export type Labels<K extends string> = Readonly<Record<K, string>>;

/** The label of a code, or the code itself when it is unknown (never an empty cell). */
export function labelOf(labels: Readonly<Record<string, string>>, code: string | null | undefined): string {
  if (code === null || code === undefined || code === "") return "—";
  return labels[code] ?? code;
}

/** `[value, label]` pairs in declaration order, for selects and radio groups. */
export function optionsOf<K extends string>(labels: Labels<K>): [K, string][] {
  return Object.entries(labels) as [K, string][];
}

export const SEX_OR_GENDER: Labels<SexOrGender> = {
  female: "Femme",
  male: "Homme",
  trans_woman: "Femme trans",
  trans_man: "Homme trans",
  non_binary: "Non binaire",
  undisclosed: "Non communiqué",
};

export const ADMINISTRATIVE_STATUS: Labels<AdministrativeStatus> = {
  french: "Nationalité française",
  eu_citizen: "Ressortissant·e de l'Union européenne",
  residence_permit: "Titre de séjour",
  asylum_seeker: "Demandeur·se d'asile",
  aps: "Autorisation provisoire de séjour (APS)",
  undocumented: "Sans titre de séjour",
  other: "Autre situation",
};

export const CONTACT_CHANNEL: Labels<ContactChannel> = {
  street_outreach: "Maraude de rue",
  online_outreach: "Maraude en ligne",
  police_gendarmerie: "Police ou gendarmerie",
  asylum_centre_ofii: "Centre pour demandeurs d'asile / OFII",
  siao_115: "115 / SIAO",
  chrs: "CHRS",
  hospital_pass: "Hôpital / PASS",
  acse: "Dispositif Ac.Sé",
  other_association: "Autre association",
  self: "Démarche personnelle",
  other: "Autre",
};

export const CRITERION_ANSWER: Labels<CriterionAnswer> = {
  met: "Rempli",
  not_met: "Non rempli",
  unknown: "Inconnu",
};

export const ASSESSMENT_OUTCOME: Labels<AssessmentOutcome> = {
  present: "Présenter la demande à la commission",
  postpone: "Reporter",
  not_eligible: "Non éligible",
  declined_by_person: "Refus de la personne",
};

export const ASSESSMENT_REASON: Labels<AssessmentReason> = {
  awaiting_documents: "Pièces en attente",
  person_not_ready: "La personne n'est pas prête",
  no_commission_session: "Pas de séance de commission prévue",
  commission_not_installed: "Commission non installée",
  criteria_not_met: "Critères non remplis",
  person_declined: "La personne a refusé",
  moved_away: "Déménagement",
  lost_contact: "Perte de contact",
  other: "Autre motif",
};

export const PARCOURS_STATE: Labels<ParcoursState> = {
  file_in_preparation: "Dossier en préparation",
  submitted: "Demande déposée",
  opinion_given: "Avis rendu",
  refused: "Refusé",
  active: "En cours",
  renewal_submitted: "Renouvellement déposé",
  renewal_opinion_given: "Avis rendu sur le renouvellement",
  not_renewed: "Non renouvelé",
  exited: "Sorti du parcours",
};

export const ACTION_DOMAIN: Labels<ActionDomain> = {
  housing: "Logement et hébergement",
  health: "Santé",
  rights: "Accès aux droits",
  language: "Apprentissage du français",
  training: "Formation",
  employment: "Emploi",
  social_life: "Vie sociale",
  safety: "Sécurité",
  legal: "Accompagnement juridique",
};

export const ACTION_STATUS: Labels<ActionStatus> = {
  planned: "Prévue",
  in_progress: "En cours",
  done: "Réalisée",
  abandoned: "Abandonnée",
};

export const FOLLOWUP_KIND: Labels<FollowupKind> = {
  interview: "Entretien",
  accompaniment: "Accompagnement",
  phone: "Appel téléphonique",
  incident: "Incident",
  other: "Autre",
};

export const EXIT_REASON: Labels<ExitReason> = {
  completed: "Parcours mené à son terme",
  not_renewed: "Non renouvelé",
  ended_early_prefect: "Fin anticipée décidée par le préfet",
  ended_early_person: "Fin anticipée à la demande de la personne",
  person_withdrew: "Retrait de la personne",
  moved: "Déménagement",
  lost_contact: "Perte de contact",
  deceased: "Décès",
};

/** Situation at exit (`outcome` of POST /parcours/{id}/exit): the server's labels, « Non renseigné » first. */
export const EXIT_HOUSING: Labels<ExitHousing> = {
  unknown: "Non renseigné",
  own_housing: "Logement autonome",
  accommodation: "Hébergement (CHRS, résidence sociale…)",
  family_or_friends: "Chez un proche",
  no_housing: "Sans solution de logement",
};

export const EXIT_ACTIVITY: Labels<ExitActivity> = {
  unknown: "Non renseigné",
  employment: "Emploi",
  training: "Formation",
  job_seeking: "Recherche d'emploi",
  none: "Sans activité",
};

export const EXIT_RESIDENCE_TITLE: Labels<ExitResidenceTitle> = {
  unknown: "Non renseigné",
  not_concerned: "Non concernée (nationalité française ou UE)",
  residence_permit: "Carte de séjour",
  aps: "APS en cours",
  asylum: "Demande d'asile en cours",
  none: "Sans titre de séjour",
};

export const EXIT_INCOME_SOURCE: Labels<ExitIncomeSource> = {
  unknown: "Non renseigné",
  employment: "Revenus d'activité",
  rsa: "RSA",
  other_benefits: "Autres prestations sociales",
  none: "Sans ressources",
};

/** The person's situation (`victimisation` of the person). */
export const VICTIMISATION_FORM: Labels<VictimisationForm> = {
  trafficking: "Traite des êtres humains aux fins d'exploitation sexuelle",
  procuring: "Proxénétisme",
  prostitution: "Prostitution",
};

export const EXPLOITATION_SETTING: Labels<ExploitationSetting> = {
  street: "Rue",
  indoor: "Appartement, hôtel",
  online: "Internet, petites annonces",
  establishment: "Bar, salon de massage",
  other: "Autre",
};

export const DEMANDE_STATE: Labels<DemandeState> = {
  draft: "Brouillon",
  submitted: "Déposée",
  tabled: "Inscrite à l'ordre du jour",
  incomplete: "Renvoyée : incomplète",
  ajourne: "Ajournée par la commission",
  avis_given: "Avis rendu",
  decided: "Décidée",
};

/** States in which the association edits the demande and (re)submits it. */
export const EDITABLE_DEMANDE_STATES: ReadonlySet<string> = new Set(["draft", "incomplete", "ajourne"]);

export const DEMANDE_KIND: Readonly<Record<string, string>> = {
  initiale: "Demande initiale",
  renouvellement: "Demande de renouvellement",
};

export const ATTACHMENT_KIND: Labels<AttachmentKind> = {
  sworn_statement: "Déclaration sur l'honneur",
  identity_document: "Pièce d'identité",
  situation_document: "Justificatif de situation",
  other: "Autre pièce",
};

export const AVIS_OUTCOME: Readonly<Record<string, string>> = {
  favorable: "Favorable",
  defavorable: "Défavorable",
  ajourne: "Ajourné",
};

/** Fallback labels; the server's `label` wins. */
export const DECISION_OUTCOME: Readonly<Record<string, string>> = {
  autorise: "Engagement dans le parcours autorisé",
  refuse: "Engagement dans le parcours refusé",
  renouvele: "Parcours renouvelé",
  non_renouvele: "Parcours non renouvelé",
  fin_anticipee: "Fin anticipée du parcours",
};

/** Person statuses that are not parcours states. */
export const PERSON_STATUS: Readonly<Record<string, string>> = {
  referred: "Orientée",
  assessed: "Évaluée",
  no_parcours: "Sans parcours",
  ...PARCOURS_STATE,
};

export const EVENT_TYPE: Readonly<Record<string, string>> = {
  opened: "Ouverture du parcours",
  demande_submitted: "Dépôt de la demande",
  avis_favorable: "Avis favorable de la commission",
  avis_defavorable: "Avis défavorable de la commission",
  avis_ajourne: "Avis ajourné par la commission",
  decision_autorise: "Décision du préfet : autorisation",
  decision_refuse: "Décision du préfet : refus",
  decision_renouvele: "Décision du préfet : renouvellement",
  decision_non_renouvele: "Décision du préfet : non-renouvellement",
  decision_fin_anticipee: "Décision du préfet : fin anticipée",
  decision_corrected: "Décision corrigée",
  decision_notified: "Notification de la décision",
  appeal_filed: "Recours formé",
  appeal_rejete: "Recours rejeté",
  appeal_accorde: "Recours accueilli",
  appeal_desistement: "Désistement du recours",
  demande_tabled: "Inscription à l'ordre du jour de la commission",
  demande_untabled: "Retrait de l'ordre du jour",
  demande_incomplete: "Demande renvoyée à l'association : incomplète",
  demande_resubmitted: "Nouveau dépôt de la demande",
  exit: "Sortie du parcours",
};
