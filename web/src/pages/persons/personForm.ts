// Form state of the new-person screen and its conversion to the API body.
import type {
  AdministrativeStatus,
  ContactChannel,
  ExploitationSetting,
  PersonCreate,
  SexOrGender,
  Victimisation,
  VictimisationForm,
} from "../../api";
import { ALPHA3_PATTERN, OTHER_NATIONALITY } from "../../casework/nationalities";
import { splitList } from "../../casework/fields";

export interface IdentityForm {
  last_name: string;
  first_names: string;
  /** Comma-separated. */
  aliases: string;
  /** "AAAA-MM-JJ" from the date input ("" when empty). */
  birth_date: string;
  /** A code of the common list, OTHER_NATIONALITY, or "". */
  nationality: string;
  nationality_other: string;
  languages: string[];
  /** Comma-separated ISO 639 codes not in the common list. */
  languages_other: string;
  interpreter_needed: boolean;
}

export interface PersonForm {
  identity: IdentityForm;
  sex_or_gender: SexOrGender | "";
  children: { key: number; birth_date: string }[];
  administrative_status: AdministrativeStatus | "";
  contact_channel: ContactChannel | "";
  situation: SituationForm;
}

/** The person's situation (`victimisation`): every field optional; a complaint is never required. */
export interface SituationForm {
  forms: VictimisationForm[];
  exploitation: ExploitationSetting | "";
  complaint_filed: "yes" | "no" | "unknown";
  /** "AAAA-MM-JJ", "" or the text as typed; sent only with complaint_filed "yes". */
  complaint_date: string;
}

export const EMPTY_SITUATION: SituationForm = { forms: [], exploitation: "", complaint_filed: "unknown", complaint_date: "" };

export const EMPTY_PERSON_FORM: PersonForm = {
  identity: {
    last_name: "",
    first_names: "",
    aliases: "",
    birth_date: "",
    nationality: "",
    nationality_other: "",
    languages: [],
    languages_other: "",
    interpreter_needed: false,
  },
  sex_or_gender: "",
  children: [],
  administrative_status: "",
  contact_channel: "",
  situation: EMPTY_SITUATION,
};

export function nationalityCode(form: IdentityForm): string {
  if (form.nationality === OTHER_NATIONALITY) return form.nationality_other.trim().toUpperCase();
  return form.nationality;
}

/** A client-side check the server would also make; null when the form may be sent. */
export function checkNationality(form: IdentityForm): string | null {
  if (form.nationality === OTHER_NATIONALITY && !ALPHA3_PATTERN.test(nationalityCode(form))) {
    return "Le code de nationalité doit comporter 3 lettres (norme ISO 3166-1 alpha-3), par exemple : NGA.";
  }
  return null;
}

export function toPersonBody(form: PersonForm): PersonCreate {
  const { identity } = form;
  const languages = [
    ...identity.languages,
    ...splitList(identity.languages_other).map((code) => code.toLowerCase()),
  ].filter((code, i, all) => all.indexOf(code) === i);
  return {
    identity: {
      last_name: identity.last_name.trim(),
      first_names: identity.first_names.trim(),
      aliases: splitList(identity.aliases),
      birth_date: identity.birth_date,
      nationality: nationalityCode(identity),
      languages,
      interpreter_needed: identity.interpreter_needed,
    },
    sex_or_gender: form.sex_or_gender,
    children: form.children.filter((c) => c.birth_date !== "").map((c) => ({ birth_date: c.birth_date })),
    administrative_status: form.administrative_status,
    ...(form.contact_channel !== "" ? { contact_channel: form.contact_channel } : {}),
    victimisation: toVictimisation(form.situation),
  };
}

/** The API's `victimisation`, or null when nothing is filled in. */
export function toVictimisation(form: SituationForm): Victimisation | null {
  const complaint = form.complaint_filed === "yes" ? true : form.complaint_filed === "no" ? false : null;
  const date = complaint === true ? form.complaint_date.trim() : "";
  if (form.forms.length === 0 && form.exploitation === "" && complaint === null) return null;
  return {
    forms: form.forms,
    exploitation: form.exploitation === "" ? null : form.exploitation,
    complaint_filed: complaint,
    complaint_date: date === "" ? null : date,
  };
}

/** The form filled with what the server returned (null or absent: empty). */
export function situationFromPerson(v: Victimisation | null | undefined): SituationForm {
  if (v === null || v === undefined) return EMPTY_SITUATION;
  return {
    forms: v.forms ?? [],
    exploitation: v.exploitation ?? "",
    complaint_filed: v.complaint_filed === true ? "yes" : v.complaint_filed === false ? "no" : "unknown",
    complaint_date: v.complaint_date ?? "",
  };
}
