// Shapes of the case-workflow API (docs/api/case-workflow.md): associations, persons, referrals,
// criteria grids and eligibility assessments. Dates are "AAAA-MM-JJ" strings throughout.

/** A calendar date as the API writes it: "AAAA-MM-JJ". */
export type IsoDate = string;

export interface Paginated<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface ItemsResponse<T> {
  items: T[];
}

// ---- Associations ----

export interface Association {
  id: number;
  name: string;
  siret: string;
  rna: string | null;
  departement: string;
  declaration_date: IsoDate | null;
}

export interface AssociationCreate {
  name: string;
  siret: string;
  rna?: string;
  departement: string;
  declaration_date?: IsoDate;
}

// ---- Persons ----

export type SexOrGender = "female" | "male" | "trans_woman" | "trans_man" | "non_binary" | "undisclosed";

export type AdministrativeStatus =
  | "french"
  | "eu_citizen"
  | "residence_permit"
  | "asylum_seeker"
  | "aps"
  | "undocumented"
  | "other";

/** How the person reached the association; also the list of referral sources. */
export type ContactChannel =
  | "street_outreach"
  | "online_outreach"
  | "police_gendarmerie"
  | "asylum_centre_ofii"
  | "siao_115"
  | "chrs"
  | "hospital_pass"
  | "acse"
  | "other_association"
  | "self"
  | "other";

export type AgeBand = "<18" | "18-24" | "25-34" | "35-44" | "45-54" | "55+";

/** Protected identity: encrypted at rest, only ever sent in bodies. */
export interface Identity {
  last_name: string;
  first_names: string;
  aliases: string[];
  birth_date: IsoDate;
  /** ISO 3166-1 alpha-3, e.g. "NGA". */
  nationality: string;
  /** ISO 639 codes, e.g. ["en", "pcm"]. */
  languages: string[];
  interpreter_needed: boolean;
}

export interface Child {
  birth_date: IsoDate;
}

/** The person's situation (optional, every field too; a complaint is never required: CE, 19/11/2021). */
export type VictimisationForm = "trafficking" | "procuring" | "prostitution";
export type ExploitationSetting = "street" | "indoor" | "online" | "establishment" | "other";

export interface Victimisation {
  forms: VictimisationForm[];
  exploitation: ExploitationSetting | null;
  /** null: not given. */
  complaint_filed: boolean | null;
  /** Only with complaint_filed: true. */
  complaint_date: IsoDate | null;
}

export interface PersonCreate {
  identity: Identity;
  sex_or_gender: SexOrGender | "";
  children: Child[];
  administrative_status: AdministrativeStatus | "";
  contact_channel?: ContactChannel;
  victimisation?: Victimisation | null;
}

export type PersonPatch = Partial<Omit<PersonCreate, "identity">> & { identity?: Partial<Identity> };

export interface PersonCreated {
  id: number;
  pseudonym: string;
  already_followed_elsewhere: boolean;
  notice?: string;
}

export interface PersonSummary {
  id: number;
  pseudonym: string;
  age_band: AgeBand | string;
  sex_or_gender: SexOrGender | string;
  /** The open parcours' state, or "referred" / "assessed" / "no_parcours". */
  status: string;
  status_label: string;
  association_id: number;
  /** A date or a timestamp ("AAAA-MM-JJ…"). */
  created_at: string;
  /** In the archive list only: the day the file was archived. */
  archived_on?: string;
}

export interface PersonListQuery {
  q?: string;
  /** "true": the association admin's archived files. */
  archived?: "true";
  limit?: number;
  offset?: number;
}

export interface Referral {
  id: number;
  date: IsoDate;
  source: ContactChannel | string;
  source_label: string;
  notes: string;
  created_at: string;
}

export interface ReferralCreate {
  date: IsoDate;
  source: ContactChannel | "";
  notes: string;
}

export interface ParcoursRef {
  id: number;
  state: string;
  state_label: string;
}

export interface Person {
  id: number;
  pseudonym: string;
  association_id: number;
  departement: string;
  sex_or_gender: SexOrGender | string;
  contact_channel: ContactChannel | string | null;
  age_band: AgeBand | string;
  /** Present only for the roles that may see it. */
  administrative_status?: AdministrativeStatus | string | null;
  identity?: Identity | null;
  children?: Child[];
  /** Present only for the roles that may see it; null when nothing was recorded. */
  victimisation?: Victimisation | null;
  referrals: Referral[];
  assessments: Assessment[];
  parcours: ParcoursRef[];
  status?: string;
  status_label?: string;
  created_at?: string;
}

// ---- Criteria grid and assessments ----

export interface Criterion {
  code: string;
  label: string;
  help: string;
  /** Whether evidence is expected for this criterion (older grids may describe it in words). */
  evidence_expected: boolean | string;
  blocking: boolean;
}

export interface CriteriaGrid {
  departement: string;
  version: number;
  valid_from: IsoDate;
  source: "national" | "departement";
  criteria: Criterion[];
}

export interface CriteriaGridUpdate {
  valid_from: IsoDate;
  criteria: Criterion[];
}

export type CriterionAnswer = "met" | "not_met" | "unknown";

export interface AssessmentAnswer {
  code: string;
  answer: CriterionAnswer;
  evidence: string;
}

export type AssessmentOutcome = "present" | "postpone" | "not_eligible" | "declined_by_person";

export type AssessmentReason =
  | "awaiting_documents"
  | "person_not_ready"
  | "no_commission_session"
  | "commission_not_installed"
  | "criteria_not_met"
  | "person_declined"
  | "moved_away"
  | "lost_contact"
  | "other";

export interface AssessmentCreate {
  date: IsoDate;
  grid_version: number;
  answers: AssessmentAnswer[];
  outcome: AssessmentOutcome;
  reason_code?: AssessmentReason;
}

export interface Assessment {
  id: number;
  date: IsoDate;
  grid_version: number;
  departement: string;
  answers: AssessmentAnswer[];
  outcome: AssessmentOutcome | string;
  outcome_label: string;
  reason_code: AssessmentReason | string | null;
  author_role: string;
  created_at?: string;
}
