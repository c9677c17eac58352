// State of the partner form (PartnerFormPage): its fields as typed, their initial values, the conversion to the
// body of POST /partners and PUT /partners/{id} with the checks made before sending, and the mapping of the
// server's `error.field` back to an input of the form.
import { ApiError, type ActionDomain, type Partner, type PartnerInput, type PartnerKind } from "../../api";
import { splitList } from "../../casework/fields";
import { ACTION_DOMAIN } from "../../casework/labels";
import { LANGUAGE_CODE, PARTNER_KIND, PARTNER_LANGUAGES } from "../../casework/partnerLabels";

export interface PartnerFormState {
  name: string;
  kind: PartnerKind | "";
  domains: ActionDomain[];
  departement: string;
  departements: string[];
  street: string;
  postcode: string;
  city: string;
  latitude: string;
  longitude: string;
  phone: string;
  email: string;
  opening_hours: string;
  languages: string[];
  /** Other ISO 639-1 codes, comma-separated. */
  languages_other: string;
  accepts_minors: boolean;
  accepts_men_trans: boolean;
  notes: string;
  public: boolean;
}

/** The DSFR `state` / `stateRelatedMessage` props of an input, set when the error is about it. */
export type FieldErrorProps = { state?: "error"; stateRelatedMessage?: string };

/** Props shared by the fieldsets of the form. */
export interface PartnerFieldsetProps {
  value: PartnerFormState;
  onChange: (patch: Partial<PartnerFormState>) => void;
  /** The error props of an input (`inputOf` names), empty unless the current error is about it. */
  errorOf: (input: string) => FieldErrorProps;
}

const decimalText = (value: number | null) => (value === null ? "" : String(value).replace(".", ","));

/** The initial state: the partner being edited, or an empty form attached to `home` (the user's departement). */
export function formOf(p: Partner | null, home: string): PartnerFormState {
  if (p === null) {
    return {
      name: "",
      kind: "",
      domains: [],
      departement: home,
      departements: [],
      street: "",
      postcode: "",
      city: "",
      latitude: "",
      longitude: "",
      phone: "",
      email: "",
      opening_hours: "",
      languages: ["fr"],
      languages_other: "",
      accepts_minors: false,
      accepts_men_trans: false,
      notes: "",
      public: false,
    };
  }
  return {
    name: p.name,
    kind: (p.kind in PARTNER_KIND ? p.kind : "other") as PartnerKind,
    domains: p.domains.filter((d): d is ActionDomain => d in ACTION_DOMAIN),
    departement: p.departement,
    departements: p.departements.filter((d) => d !== p.departement),
    street: p.address.street,
    postcode: p.address.postcode,
    city: p.address.city,
    latitude: decimalText(p.latitude),
    longitude: decimalText(p.longitude),
    phone: p.phone,
    email: p.email,
    opening_hours: p.opening_hours,
    languages: p.languages.filter((l) => PARTNER_LANGUAGES.includes(l)),
    languages_other: p.languages.filter((l) => !PARTNER_LANGUAGES.includes(l)).join(", "),
    accepts_minors: p.accepts_minors,
    accepts_men_trans: p.accepts_men_trans,
    notes: p.notes,
    public: p.public,
  };
}

/** "44,8378" or "44.8378" → 44.8378; "" → null; anything else: a field error before sending. */
function coordinate(text: string, field: "latitude" | "longitude"): number | null {
  const t = text.trim().replace(",", ".");
  if (t === "") return null;
  if (!/^[-+]?[0-9]+(\.[0-9]+)?$/.test(t)) {
    throw new ApiError(0, "client_validation", "Nombre décimal attendu, en degrés (par exemple 44,8378).", field);
  }
  return Number(t);
}

/** The other languages, in the order sent after the checked ones. */
const otherLanguages = (f: PartnerFormState) =>
  splitList(f.languages_other.toLowerCase()).filter((code) => !f.languages.includes(code));

/** The request body; throws a `client_validation` ApiError (with its field) on an invalid language or coordinate. */
export function bodyOf(f: PartnerFormState): PartnerInput {
  for (const code of otherLanguages(f)) {
    if (!LANGUAGE_CODE.test(code)) {
      throw new ApiError(0, "client_validation", `« ${code} » n'est pas un code de langue à deux lettres (ISO 639-1, par ex. « tr »).`, "languages_other");
    }
  }
  return {
    name: f.name.trim(),
    kind: f.kind,
    domains: f.domains,
    departement: f.departement,
    departements: [f.departement, ...f.departements.filter((d) => d !== f.departement)].filter((d) => d !== ""),
    address: { street: f.street.trim(), postcode: f.postcode.trim(), city: f.city.trim() },
    latitude: coordinate(f.latitude, "latitude"),
    longitude: coordinate(f.longitude, "longitude"),
    phone: f.phone.trim(),
    email: f.email.trim(),
    opening_hours: f.opening_hours.trim(),
    languages: [...f.languages, ...otherLanguages(f)],
    accepts_minors: f.accepts_minors,
    accepts_men_trans: f.accepts_men_trans,
    notes: f.notes.trim(),
    public: f.public,
  };
}

/** The server's field (`domains[1]`, `departements[0]`, `languages[2]`…) → the input of this form. */
export function inputOf(error: ApiError | null, f: PartnerFormState): string | null {
  if (error === null || error.field === undefined) return null;
  const field = error.field;
  const m = /^([a-z_.]+)(?:\[(\d+)\])?$/.exec(field);
  if (m === null) return field;
  const [, base, index] = m;
  if (base === "languages" && index !== undefined) {
    return Number(index) >= f.languages.length ? "languages_other" : "languages";
  }
  return base ?? field;
}

/** `list` with `value` added (at the end, once) or removed, after a checkbox change. */
export const toggle = <T extends string>(list: readonly T[], value: T, checked: boolean): T[] =>
  checked ? (list.includes(value) ? [...list] : [...list, value]) : list.filter((v) => v !== value);
