// French labels of the partner network's codes (docs/api/partners.md). The server's `kind_label` wins
// when present.
import type { PartnerKind } from "../api";
import type { Labels } from "./labels";

export const PARTNER_KIND: Labels<PartnerKind> = {
  approved_association: "Association agréée",
  accommodation: "Hébergement (CHRS, résidence sociale…)",
  siao_115: "SIAO / 115",
  legal_aid: "Accès au droit (CIDFF, avocat…)",
  health: "Santé (PASS, CMP, hôpital…)",
  training_employment: "Formation et emploi (France Travail, organisme de formation…)",
  police_gendarmerie: "Police / gendarmerie (contact)",
  acse: "Dispositif Ac.Sé",
  interpreting: "Interprétariat",
  child_care: "Garde d'enfants",
  other: "Autre",
};

/** ISO 639-1 codes → French names (lower case, as in running French text). */
const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  fr: "français",
  en: "anglais",
  es: "espagnol",
  pt: "portugais",
  ro: "roumain",
  bg: "bulgare",
  ar: "arabe",
  zh: "chinois",
  ru: "russe",
  uk: "ukrainien",
  sq: "albanais",
  it: "italien",
  de: "allemand",
  tr: "turc",
  pl: "polonais",
  hu: "hongrois",
  th: "thaï",
  vi: "vietnamien",
  tl: "tagalog",
  fa: "persan",
  ps: "pachto",
  ti: "tigrigna",
  am: "amharique",
  so: "somali",
  ln: "lingala",
  wo: "wolof",
  ha: "haoussa",
  yo: "yoruba",
  ig: "igbo",
  ka: "géorgien",
  hy: "arménien",
};

/** The languages offered as checkboxes and in the filter (the languages of the persons concerned). */
export const PARTNER_LANGUAGES: readonly string[] = ["fr", "en", "es", "pt", "ro", "bg", "ar", "zh", "ru", "uk", "sq"];

/** A language code pattern the server accepts (ISO 639-1: two lower-case letters). */
export const LANGUAGE_CODE = /^[a-z]{2}$/;

let displayNames: Intl.DisplayNames | null | undefined;

/** "ro" → "roumain"; a code the table does not know is named by the browser, or shown as is. */
export function languageName(code: string): string {
  const known = LANGUAGE_NAMES[code];
  if (known !== undefined) return known;
  if (displayNames === undefined) {
    try {
      displayNames = new Intl.DisplayNames(["fr"], { type: "language", fallback: "code" });
    } catch {
      displayNames = null;
    }
  }
  return displayNames?.of(code) ?? code;
}

export const capitalise = (text: string) => (text === "" ? text : text.charAt(0).toUpperCase() + text.slice(1));

/** ["fr", "ro"] → "français, roumain". */
export const languageNames = (codes: readonly string[]) => codes.map(languageName).join(", ") || "—";
