// Shapes of docs/api/commission.md: agréments, the commission and its members, séances (agenda,
// attendance, quorum, avis), tabled files. Decisions live in parcoursTypes.ts (a demande carries
// its own). Dates are "AAAA-MM-JJ".
import type { IsoDate } from "./caseTypes";
import type { Assessment } from "./caseTypes";
import type { Avis, AvisOutcome, ParcoursDocument } from "./parcoursTypes";

// ---- Agréments (R121-12-3) ----

export type AgrementState = "filed" | "incomplete" | "under_review" | "approved" | "expired" | "refused" | "withdrawn";

export interface AgrementClocks {
  complete_on: IsoDate | null;
  complete_basis: string;
  tacit_approval_on: IsoDate | null;
  approved_on: IsoDate | null;
  approval_basis: string;
  valid_until: IsoDate | null;
}

export interface Agrement {
  id: number;
  association_id: number;
  association_name: string;
  departement: string;
  filed_on: IsoDate;
  state: AgrementState | string;
  state_label: string;
  missing_documents: { requested_on: IsoDate; items: string | null; received_on: IsoDate | null } | null;
  decision: { outcome: "approved" | "refused" | string; decided_on: IsoDate | null; reasons: string | null; arrete_ref: string | null } | null;
  withdrawal: { date: IsoDate; reasons: string | null } | null;
  renews_id: number | null;
  valid_today: boolean;
  clocks: AgrementClocks;
}

export interface AgrementFile {
  departement: string;
  filed_on: IsoDate;
}
export interface AgrementMissingDocuments {
  requested_on: IsoDate;
  items: string;
}
export interface AgrementDocumentsReceived {
  received_on: IsoDate;
}
export interface AgrementDecisionCreate {
  outcome: "approved" | "refused" | "";
  decided_on: IsoDate;
  reasons: string;
  arrete_ref: string;
}
export interface AgrementWithdrawal {
  date: IsoDate;
  reasons: string;
}

// ---- Commission and members (R121-12-6, R121-12-7) ----

export interface CommissionSummary {
  id: number;
  departement: string;
  departement_name: string;
  installed_on: IsoDate | null;
  co_chaired: boolean;
  quorum_percent: number;
}

export interface MemberCategory {
  code: string;
  label: string;
  needs_arrete: boolean;
}

export interface Member {
  id: number;
  commission_id: number;
  category: string;
  category_label: string;
  category_version: string;
  name: string;
  organisation: string;
  titular: boolean;
  appointed_on: IsoDate;
  /** Appointment + 3 years (computed). */
  term_end: IsoDate;
  arrete_ref: string | null;
  trained_on: IsoDate | null;
  user_id: number | null;
  association_id: number | null;
  ended_on: IsoDate | null;
  in_office: boolean;
  /** 60 days or fewer left in office. */
  term_warning: boolean;
  days_left: number | null;
}

export interface SeanceSummary {
  id: number;
  commission_id: number;
  date: IsoDate;
  place: string;
  video_link: string | null;
  convocation_sent_on: IsoDate | null;
  convocation_late: boolean;
  second_convocation: boolean;
  attendance_recorded: boolean;
  minutes_sent_on: IsoDate | null;
  agenda_count: number;
}

export interface Commission extends CommissionSummary {
  members: Member[];
  titular_members_in_office: number;
  seances: SeanceSummary[];
  member_categories: { version: string; items: MemberCategory[] };
  can_manage: boolean;
}

export interface CommissionCreate {
  departement: string;
  installed_on: IsoDate;
  co_chaired: boolean;
  quorum_percent: number;
}

export interface MemberCreate {
  category: string;
  name: string;
  organisation: string;
  titular: boolean;
  appointed_on: IsoDate;
  arrete_ref?: string;
  trained_on?: IsoDate;
  user_id?: number;
  association_id?: number;
}

export interface MemberPatch {
  trained_on?: IsoDate | null;
  ended_on?: IsoDate | null;
  arrete_ref?: string;
}

// ---- Séances ----

export type AttendanceStatus = "present" | "represented" | "absent" | "excused";

export interface AttendanceEntry {
  member_id: number;
  name: string;
  category: string;
  organisation: string;
  titular: boolean;
  association_id: number | null;
  status: AttendanceStatus | null;
  represented_by: string | null;
}

export interface Quorum {
  members_in_office: number;
  present_or_represented: number;
  percent: number;
  reached: boolean;
  /** Quorum reached, or a second convocation (no quorum condition). */
  may_deliberate: boolean;
}

export interface AgendaItem {
  demande_id: number;
  parcours_id: number;
  position: number;
  state: "tabled" | "avis_given" | string;
  pseudonym: string;
  kind: string;
  kind_label: string;
  association_id: number;
  association_name: string;
  association_favourable: boolean | null;
  demande_state: string;
  avis: Avis | null;
}

export interface Seance extends SeanceSummary {
  departement: string;
  /** The members' access to the tabled files: from the convocation until 30 days after the séance. */
  member_window: { from: IsoDate | null; until: IsoDate; open: boolean };
  can_manage: boolean;
  quorum: Quorum;
  /** Empty for a commission member outside the window. */
  agenda: AgendaItem[];
  attendance: AttendanceEntry[];
}

export interface SeanceBody {
  date: IsoDate;
  place: string;
  video_link?: string;
  convocation_sent_on?: IsoDate;
}

export interface AttendanceUpdate {
  entries: { member_id: number; status: AttendanceStatus; represented_by?: string }[];
  second_convocation: boolean;
}

export type Vote = "pour" | "contre" | "abstention";

export interface SeanceAvisCreate {
  demande_id: number;
  outcome: AvisOutcome;
  reasons: string;
  votes: { member_id: number; vote: Vote }[];
  chair_casting_vote?: boolean;
}

/** A tabled file as the commission reads it: pseudonymised, never the identity fields. */
export interface TabledFile {
  seance_id: number;
  demande_id: number;
  pseudonym: string;
  age_band: string;
  nationality: string;
  sex_or_gender: string;
  kind: string;
  kind_label: string;
  association_name: string;
  association_opinion: { favourable: boolean | null; text: string };
  expected_results: string;
  achieved_results: string;
  difficulties: string;
  periods: { number: number; start: IsoDate; end: IsoDate }[];
  document: ParcoursDocument | null;
  assessment: Assessment | null;
  avis: Avis | null;
}
