// Shapes of the partner network API (docs/api/partners.md): organisations that help, reserved to
// professionals; never persons followed.
import type { IsoDate } from "./caseTypes";
import type { ActionDomain } from "./parcoursTypes";

export type PartnerKind =
  | "approved_association"
  | "accommodation"
  | "siao_115"
  | "legal_aid"
  | "health"
  | "training_employment"
  | "police_gendarmerie"
  | "acse"
  | "interpreting"
  | "child_care"
  | "other";

export interface PartnerAddress {
  street: string;
  postcode: string;
  city: string;
}

/** The editable record: the body of `POST /partners` and `PUT /partners/{id}`. */
export interface PartnerInput {
  name: string;
  kind: PartnerKind | "";
  /** Domains of a parcours action, at least one. */
  domains: ActionDomain[];
  /** Home département (who keeps the record up to date); the caller's own when omitted. */
  departement: string;
  /** Every département covered (the home one is added by the server when missing). */
  departements: string[];
  address: PartnerAddress;
  /** WGS 84 decimal degrees, both or neither. */
  latitude: number | null;
  longitude: number | null;
  phone: string;
  email: string;
  opening_hours: string;
  /** ISO 639-1 codes (two letters), at least one. */
  languages: string[];
  accepts_minors: boolean;
  accepts_men_trans: boolean;
  /** For professionals only, never public. */
  notes: string;
  /** Shown on the public information page (approved associations only). */
  public: boolean;
}

export interface PartnerVerifier {
  id: number;
  name: string;
}

export interface Partner extends Omit<PartnerInput, "kind" | "domains"> {
  id: number;
  kind: PartnerKind | string;
  kind_label: string;
  domains: (ActionDomain | string)[];
  last_verified_on: IsoDate | null;
  last_verified_by: PartnerVerifier | null;
  /** Not verified for 12 months (or never). */
  review_due: boolean;
  /** Last verification + 12 months (null when never verified). */
  review_due_on: IsoDate | null;
  /** How many parcours link to it in their latest document (one partner's page only). */
  action_count?: number;
  archived: boolean;
  created_at: string;
  updated_at: string;
}

export interface PartnerQuery {
  departement?: string;
  domain?: string;
  language?: string;
  kind?: string;
  q?: string;
  review_due?: boolean;
  limit?: number;
  offset?: number;
}

export interface PartnerList {
  items: Partner[];
  total: number;
}

/** `POST /partners/import`: what the file changed (all or nothing). */
export interface PartnerImportResult {
  created: number;
  updated: number;
}
