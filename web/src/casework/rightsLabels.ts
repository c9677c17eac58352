// French labels of the codes of the rights API (docs/api/rights.md).
import type {
  AlertSeverity,
  ApsStatus,
  HousingType,
  MsaOutcome,
  OtherRightKind,
  OtherRightStatus,
  ResidenceDocument,
  Territory,
} from "../api";
import type { Labels } from "./labels";

export const TERRITORY: Labels<Territory> = {
  metropole: "Métropole et outre-mer",
  mayotte: "Mayotte",
};

export const AFIS_PARAMETER: Readonly<Record<string, string>> = {
  afis_base: "Montant de base",
  afis_per_child: "Majoration par enfant à charge",
  rsa_single: "RSA pour une personne seule",
};

export const RESIDENCE_DOCUMENT: Labels<ResidenceDocument> = {
  french_or_eu: "Nationalité française ou ressortissant·e UE/EEE/Suisse",
  residence_permit: "Titre de séjour",
  receipt: "Récépissé de demande de titre de séjour",
  aps_with_work: "APS avec autorisation de travail",
  none: "Aucun document de séjour",
};

export const MSA_OUTCOME: Labels<MsaOutcome> = {
  granted: "Accordée",
  refused: "Refusée",
};

export const APS_STATUS: Labels<ApsStatus> = {
  requested: "Demandée",
  issued: "Délivrée",
  refused: "Refusée",
  withdrawn: "Retirée",
};

export const HOUSING_TYPE: Labels<HousingType> = {
  chrs: "CHRS (centre d'hébergement et de réinsertion sociale)",
  alt: "ALT (allocation logement temporaire)",
  logement_foyer: "Logement-foyer",
  social_housing: "Logement social",
  acse_place: "Place Ac.Sé",
  other: "Autre hébergement",
};

export const OTHER_RIGHT_KIND: Labels<OtherRightKind> = {
  health_coverage: "Couverture maladie",
  bank_account: "Compte bancaire",
  language_course: "Cours de français",
  tax_remission: "Remise gracieuse de dette fiscale",
};

export const OTHER_RIGHT_STATUS: Labels<OtherRightStatus> = {
  requested: "Demandé",
  obtained: "Obtenu",
  refused: "Refusé",
};

export const ALERT_SEVERITY: Labels<AlertSeverity> = {
  high: "Priorité haute",
  medium: "Priorité moyenne",
  low: "Priorité basse",
};

/** DSFR badge severity of an alert severity. */
export function alertBadgeSeverity(severity: string): "error" | "warning" | "info" {
  if (severity === "high") return "error";
  if (severity === "medium") return "warning";
  return "info";
}

/** "2027-03" → "mars 2027". */
export function formatMonth(value: string | null | undefined): string {
  if (value === null || value === undefined) return "—";
  const m = /^(\d{4})-(\d{2})/.exec(value);
  if (m === null) return value;
  const names = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
  return `${names[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}
