// French labels of the codes of the commission API (docs/api/commission.md). Server labels win.
import type { AgrementState, AppealKind, AttendanceStatus, NotificationChannel, Vote } from "../api";
import type { Labels } from "./labels";

export const ATTENDANCE_STATUS: Labels<AttendanceStatus> = {
  present: "Présent",
  represented: "Représenté",
  excused: "Excusé",
  absent: "Absent",
};

export const VOTE: Labels<Vote> = {
  pour: "Pour",
  contre: "Contre",
  abstention: "Abstention",
};

export const NOTIFICATION_CHANNEL: Labels<NotificationChannel> = {
  association: "Remise en main propre par l'association",
  courrier: "Courrier",
  courriel: "Courriel",
};

export const APPEAL_KIND: Labels<AppealKind> = {
  gracieux: "Recours gracieux auprès du préfet",
  tribunal_administratif: "Tribunal administratif",
  cour_administrative_appel: "Cour administrative d'appel",
  conseil_etat: "Conseil d'État",
};

export const APPEAL_OUTCOME: Readonly<Record<string, string>> = {
  rejete: "Recours rejeté",
  accorde: "Recours accueilli : autorisation accordée",
  desistement: "Désistement",
};

export const AGREMENT_STATE: Labels<AgrementState> = {
  filed: "Dossier déposé",
  incomplete: "Dossier incomplet",
  under_review: "En cours d'instruction",
  approved: "Agréée",
  expired: "Agrément expiré",
  refused: "Agrément refusé",
  withdrawn: "Agrément retiré",
};

/** DSFR badge severity of an agrément state. */
export function agrementSeverity(state: string): "success" | "warning" | "error" | "info" | "new" {
  if (state === "approved") return "success";
  if (state === "incomplete") return "warning";
  if (state === "refused" || state === "withdrawn" || state === "expired") return "error";
  return "info";
}

/** "12" → "Titulaire" / "Suppléant·e". */
export const titularLabel = (titular: boolean) => (titular ? "Titulaire" : "Suppléant·e");

/** Smallest number of titular members present or represented that reaches the quorum (strictly more than percent %). */
export function quorumThreshold(inOffice: number, percent: number): number {
  return Math.floor((inOffice * percent) / 100) + 1;
}
