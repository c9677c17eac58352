// Shapes of the Parcours HTTP API (v1). Keep in sync with the server's JSON DTOs.

export type Role =
  | "association_worker"
  | "association_admin"
  | "prefecture_instructor"
  | "commission_member"
  | "signatory"
  | "analyst_regional"
  | "analyst_national"
  | "admin";

export interface User {
  id: number;
  email: string;
  display_name: string;
  role: Role | string;
  role_label?: string;
  association_id: number | null;
  departement: string | null;
  /** INSEE region code of a regional analyst (absent from older servers). */
  region?: string | null;
  totp_enabled: boolean;
  password_change_required: boolean;
  totp_enrolment_required: boolean;
}

export interface SessionResponse {
  user: User;
  csrf_token: string;
}

export interface UserResponse {
  user: User;
}

export interface LoginRequest {
  email: string;
  password: string;
  totp?: string;
}

export interface PasswordChangeRequest {
  current_password: string;
  new_password: string;
}

export interface TotpEnrolResponse {
  secret: string;
  otpauth_uri: string;
}

export interface Departement {
  code: string;
  name: string;
  region_code: string;
  region_name: string;
}

export interface ErrorBody {
  error: {
    code: string;
    message: string;
    field?: string;
    missing?: string[];
    /** Every faulty line of an uploaded file (CSV import): nothing was written. */
    errors?: LineError[];
  };
}

/** One faulty line of an uploaded file: its number in the file, the column, what is wrong. */
export interface LineError {
  line: number;
  /** The column (CSV header) at fault, or "" when the whole line is. */
  field: string;
  message: string;
}

/** Error codes the front-end reacts to specifically. */
export const ErrorCode = {
  invalidCredentials: "invalid_credentials",
  totpRequired: "totp_required",
  totpInvalid: "totp_invalid",
  tooManyAttempts: "too_many_attempts",
  unauthenticated: "unauthenticated",
  accountSetupRequired: "account_setup_required",
  validationFailed: "validation_failed",
  conflict: "conflict",
  notFound: "not_found",
  demandeIncomplete: "demande_incomplete",
  transitionNotAllowed: "transition_not_allowed",
} as const;
