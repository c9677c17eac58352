// Shapes of docs/api/rights.md: the AFIS scale, rights of a parcours (AFIS, APS, housing, other
// rights), alerts. Amounts are integer cents, with a formatted euro string beside them.
import type { IsoDate } from "./caseTypes";

export type Territory = "metropole" | "mayotte";

/** One dated legal parameter (a row of the AFIS scale). */
export interface LegalParameterRow {
  name: string;
  territory: Territory | string;
  valid_from: IsoDate;
  /** Cents for an amount. */
  value: number;
  unit: string;
  source: string;
}

export interface AfisSimulation {
  date: IsoDate;
  children: number;
  territory: Territory | string;
  amount: string;
  amount_cents: number;
  amount_label: string;
  currency: string;
  formula: string;
  rows: LegalParameterRow[];
  article: string;
}

export interface AfisSimulationQuery {
  date: IsoDate;
  /** As typed (the server checks it is an integer from 0 to 20). */
  children: number | string;
  territory: Territory;
}

// ---- AFIS applications ----

export type ResidenceDocument = "french_or_eu" | "residence_permit" | "receipt" | "aps_with_work" | "none";

export type AfisConditionCode = "in_period" | "adult" | "lawful_stay" | "resources_below_rsa" | "no_rsa_or_ada";

export interface AfisCondition {
  code: AfisConditionCode | string;
  label: string;
  met: boolean;
  detail: string;
}

export type MsaOutcome = "granted" | "refused";

export interface MsaAnswer {
  outcome: MsaOutcome;
  amount_cents: number | null;
  first_payment_date: IsoDate | null;
  reason: string | null;
  mismatch: boolean;
}

export interface Afis {
  id: number;
  application_date: IsoDate;
  dependent_children: number;
  resources_cents: number;
  rsa_or_ada_entitled?: boolean;
  residence_document?: ResidenceDocument | string;
  eligible: boolean;
  conditions: AfisCondition[];
  /** null when no amount could be computed (no scale in force on the application date). */
  expected_amount_cents: number | null;
  expected_amount: string | null;
  formula: string | null;
  rows: LegalParameterRow[];
  msa: MsaAnswer | null;
}

export interface AfisCreate {
  application_date: IsoDate;
  dependent_children: number;
  resources_cents: number;
  rsa_or_ada_entitled: boolean;
  residence_document: ResidenceDocument;
}

export interface MsaCreate {
  outcome: MsaOutcome;
  amount_cents?: number;
  first_payment_date?: IsoDate;
  reason?: string;
}

// ---- APS ----

export type ApsStatus = "requested" | "issued" | "refused" | "withdrawn";

export interface ApsBody {
  application_date: IsoDate;
  receipt_dates: IsoDate[];
  issue_date?: IsoDate;
  validity_end?: IsoDate;
  right_to_work: boolean;
  status: ApsStatus;
  reason?: string;
  cir_signed_date?: IsoDate;
  later_title?: string;
}

export interface Aps {
  id: number;
  application_date: IsoDate;
  receipt_dates: IsoDate[];
  issue_date?: IsoDate | null;
  validity_end?: IsoDate | null;
  right_to_work: boolean;
  status: ApsStatus | string;
  reason?: string | null;
  cir_signed_date?: IsoDate | null;
  later_title?: string | null;
}

// ---- Housing and other rights ----

export type HousingType = "chrs" | "alt" | "logement_foyer" | "social_housing" | "acse_place" | "other";

export interface HousingBody {
  siao_request_date?: IsoDate;
  type: HousingType;
  start?: IsoDate;
  end?: IsoDate;
}

export interface Housing {
  id: number;
  siao_request_date?: IsoDate | null;
  type: HousingType | string;
  start?: IsoDate | null;
  end?: IsoDate | null;
}

export type OtherRightKind = "health_coverage" | "bank_account" | "language_course" | "tax_remission";
export type OtherRightStatus = "requested" | "obtained" | "refused";

export interface OtherRightBody {
  kind: OtherRightKind;
  date: IsoDate;
  status: OtherRightStatus;
  detail: string;
}

export interface OtherRight extends OtherRightBody {
  id: number;
}

export interface AfisEntitlement {
  until: IsoDate | null;
  /** "AAAA-MM": the month from which payment stops. */
  stopped_from: string | null;
  note: string;
}

export interface ParcoursRights {
  afis: Afis[];
  aps: Aps[];
  housing: Housing[];
  other_rights: OtherRight[];
  afis_entitlement: AfisEntitlement | null;
}

// ---- Alerts ----

export type AlertSeverity = "high" | "medium" | "low";

export interface CaseAlert {
  code: string;
  severity: AlertSeverity | string;
  due_date: IsoDate;
  message: string;
  record_type: "parcours" | "agrement" | "commission" | "commission_member" | "seance" | "partner" | string;
  record_id: number;
  pseudonym: string;
  /** The association, member, département, séance date or partner the alert is about (not a parcours). */
  label?: string;
  /** The association of an agrément, the commission of a member. */
  owner_id?: number;
}
