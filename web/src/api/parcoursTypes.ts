// Shapes of the parcours and demande routes (docs/api/case-workflow.md). Dates are "AAAA-MM-JJ".
import type { IsoDate } from "./caseTypes";

export type ParcoursState =
  | "file_in_preparation"
  | "submitted"
  | "opinion_given"
  | "refused"
  | "active"
  | "renewal_submitted"
  | "renewal_opinion_given"
  | "not_renewed"
  | "exited";

export interface Period {
  number: number;
  start: IsoDate;
  end: IsoDate;
  /** Days without rights between the previous period's end and this start (0 when contiguous). */
  gap_days_before: number;
}

export interface ParcoursEvent {
  id: number;
  /** Timestamp of the recording. */
  at: string;
  /** Date the event took effect. */
  date: IsoDate | null;
  actor_role: string;
  from: string | null;
  to: string | null;
  type: string;
  basis: string | null;
  reasons: string | null;
}

export type ExitHousing = "own_housing" | "accommodation" | "family_or_friends" | "no_housing" | "unknown";
export type ExitActivity = "employment" | "training" | "job_seeking" | "none" | "unknown";
export type ExitResidenceTitle = "not_concerned" | "residence_permit" | "aps" | "asylum" | "none" | "unknown";
export type ExitIncomeSource = "employment" | "rsa" | "other_benefits" | "none" | "unknown";

/** The situation at exit, as sent: codes (a field left out is "unknown") and free-text notes. */
export interface ExitOutcome {
  housing: ExitHousing;
  activity: ExitActivity;
  residence_title: ExitResidenceTitle;
  income_source: ExitIncomeSource;
  notes: string;
}

/** As read back: the codes with their French `*_label`. */
export interface ExitOutcomeView {
  housing?: ExitHousing | string;
  housing_label?: string;
  activity?: ExitActivity | string;
  activity_label?: string;
  residence_title?: ExitResidenceTitle | string;
  residence_title_label?: string;
  income_source?: ExitIncomeSource | string;
  income_source_label?: string;
  notes?: string;
}

export interface ParcoursExit {
  date: IsoDate;
  reason: ExitReason | string;
  outcome: ExitOutcomeView | null;
}

export interface Parcours {
  id: number;
  person_id: number;
  pseudonym: string;
  association_id: number;
  departement: string;
  state: ParcoursState | string;
  state_label: string;
  periods: Period[];
  months_used: number;
  months_left: number;
  max_months: number;
  current_demande: Demande | null;
  demandes: Demande[];
  /** Every decision signed on this parcours, oldest first. */
  decisions: Decision[];
  document: ParcoursDocument | null;
  exit: ParcoursExit | null;
  events: ParcoursEvent[];
}

// ---- Document (R121-12-12) ----

export interface Commitment {
  text: string;
  category: string;
}

export type ActionDomain =
  | "housing"
  | "health"
  | "rights"
  | "language"
  | "training"
  | "employment"
  | "social_life"
  | "safety"
  | "legal";

export type ActionStatus = "planned" | "in_progress" | "done" | "abandoned";

export interface DocumentAction {
  domain: ActionDomain | "";
  description: string;
  /** Free text: who carries the action (kept next to the linked partner). */
  partner: string;
  /** A partner of the network (docs/api/partners.md), visible to the caller and not archived. */
  partner_id?: number | null;
  /** The linked partner's name, returned by the server (ignored on PUT). */
  partner_name?: string | null;
  planned_start: IsoDate | null;
  planned_end: IsoDate | null;
  status: ActionStatus;
  result: string;
}

export interface DocumentUpdate {
  commitments: Commitment[];
  actions: DocumentAction[];
}

export interface ParcoursDocument extends DocumentUpdate {
  version: number;
  period_number: number | null;
  created_at: string;
  /** Every version of the document (GET /parcours/{id}/document). */
  versions?: DocumentVersion[];
}

export interface DocumentVersion {
  version: number;
  period_number: number | null;
  created_at: string;
}

// ---- Follow-up log ----

export type FollowupKind = "interview" | "accompaniment" | "phone" | "incident" | "other";

export interface FollowupCreate {
  date: IsoDate;
  kind: FollowupKind;
  action_index?: number | null;
  difficulties: string[];
  text: string;
}

/** `POST /followups/import`: how many follow-ups were written, into how many parcours. */
export interface FollowupImportResult {
  imported: number;
  parcours: number;
}

export interface Followup extends FollowupCreate {
  id: number;
  post_parcours?: boolean;
  created_at?: string;
  kind_label?: string;
}

// ---- Exit ----

export type ExitReason =
  | "completed"
  | "not_renewed"
  | "ended_early_prefect"
  | "ended_early_person"
  | "person_withdrew"
  | "moved"
  | "lost_contact"
  | "deceased";

export interface ExitCreate {
  date: IsoDate;
  reason: ExitReason | "";
  reasons?: string;
  notified_on?: IsoDate;
  outcome: ExitOutcome;
}

// ---- Demandes ----

export type DemandeKind = "initiale" | "renouvellement";
export type DemandeState =
  | "draft"
  | "submitted"
  | "tabled"
  | "incomplete"
  | "ajourne"
  | "avis_given"
  | "decided";
export type AttachmentKind = "sworn_statement" | "identity_document" | "situation_document" | "other";

export interface Attachment {
  kind: AttachmentKind;
  label: string;
}

export interface AssociationOpinion {
  favourable: boolean | null;
  text: string;
}

export interface DemandeBody {
  kind: DemandeKind;
  association_opinion: AssociationOpinion;
  expected_results: string;
  achieved_results: string;
  difficulties: string;
  sworn_statement_declared: boolean;
  attachments: Attachment[];
}

export type AvisOutcome = "favorable" | "defavorable" | "ajourne";
/** `autorise|refuse` on an initial demande, `renouvele|non_renouvele` on a renewal; `fin_anticipee` on a parcours. */
export type DecisionOutcome = "autorise" | "refuse" | "renouvele" | "non_renouvele" | "fin_anticipee";

export interface VoteCounts {
  pour: number;
  contre: number;
  abstention: number;
}

export interface Recusal {
  member_id: number;
  name: string;
  reason: string;
}

/** The commission's avis, given at a séance (docs/api/commission.md). */
export interface Avis {
  outcome: AvisOutcome | string;
  label: string;
  reasons: string | null;
  /** The séance's date. */
  date: IsoDate | null;
  seance_id: number | null;
  votes: VoteCounts | null;
  recused: Recusal[];
}

export type NotificationChannel = "association" | "courrier" | "courriel";
export type AppealKind = "gracieux" | "tribunal_administratif" | "cour_administrative_appel" | "conseil_etat";
export type AppealOutcome = "rejete" | "accorde" | "desistement";

export interface DecisionNotification {
  id: number;
  date: IsoDate;
  channel: NotificationChannel | string;
  channel_label: string;
  acknowledged_on: IsoDate | null;
}

export interface Appeal {
  id: number;
  kind: AppealKind | string;
  kind_label: string;
  filed_on: IsoDate;
  outcome: AppealOutcome | string | null;
  outcome_on: IsoDate | null;
  notes: string;
}

/** A signed decision of the préfet (never changed; a correction is a new decision). */
export interface Decision {
  id: number;
  parcours_id: number;
  demande_id: number | null;
  outcome: DecisionOutcome | string;
  label: string;
  negative: boolean;
  reasons: string | null;
  signed_on: IsoDate;
  signed_by: string;
  start_date: IsoDate | null;
  end_date: IsoDate | null;
  departs_from_avis: boolean;
  corrects_id: number | null;
  corrected_by: number | null;
  appeal_id: number | null;
  notifications: DecisionNotification[];
  appeals: Appeal[];
}

/** GET /decisions/{id}: the decision, the avis it follows and the pseudonym. */
export interface DecisionDetail extends Decision {
  avis?: Avis;
  pseudonym: string;
}

/** Why a demande came back to its association. */
export type Returned =
  | { reason: "incomplete"; items: string[]; date?: IsoDate }
  | { reason: "ajourne"; questions: string; date?: IsoDate };

export interface Demande extends DemandeBody {
  id: number;
  parcours_id: number;
  state: DemandeState | string;
  /** 1 = initial, 2..4 = renewals. */
  number: number;
  document_version: number | null;
  submitted_at: string | null;
  avis: Avis | null;
  /** The decision in force on this demande (the latest signed). */
  decision: Decision | null;
  /** Set while the demande is `incomplete` or `ajourne`. */
  returned: Returned | null;
  /** The séance whose agenda holds the demande, if any. */
  seance_id: number | null;
  /** In French: what still prevents submission (empty when complete). */
  missing: string[];
}

export interface DecisionCreate {
  outcome: DecisionOutcome;
  reasons: string;
  signed_on?: IsoDate;
  start_date?: IsoDate;
  corrects_id?: number;
}

export interface NotificationCreate {
  date: IsoDate;
  channel: NotificationChannel | "";
  acknowledged_on?: IsoDate;
}

export interface AppealCreate {
  kind: AppealKind | "";
  filed_on: IsoDate;
  notes: string;
}

/** A row of GET /demandes?state=… */
export interface DemandeListItem {
  id: number;
  parcours_id: number;
  pseudonym: string;
  kind: DemandeKind | string;
  number: number;
  state: DemandeState | string;
  association_id: number;
  association_name: string;
  association_favourable: boolean | null;
  departement: string;
  submitted_at: string | null;
  avis_outcome: AvisOutcome | string | null;
  avis_date: IsoDate | null;
}
