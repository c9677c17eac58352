import type { User } from "../api";

/** French labels of the roles (PRODUCT §2). The server's `role_label` wins when present. */
export const ROLE_LABELS: Readonly<Record<string, string>> = {
  association_worker: "Travailleur·se social·e (association)",
  association_admin: "Administrateur·rice d'association",
  prefecture_instructor: "Instructeur·rice de la préfecture",
  commission_member: "Membre de la commission",
  signatory: "Signataire (préfet)",
  analyst_regional: "Analyste régional·e",
  analyst_national: "Analyste national·e",
  admin: "Administrateur·rice de l'instance",
};

export function roleLabel(user: Pick<User, "role" | "role_label">): string {
  if (user.role_label !== undefined && user.role_label.trim() !== "") return user.role_label;
  return ROLE_LABELS[user.role] ?? user.role;
}

/** Roles that work on the cases of their own association (persons, parcours, demandes). */
export function isAssociationRole(user: Pick<User, "role">): boolean {
  return user.role === "association_worker" || user.role === "association_admin";
}

/** Roles that may read persons and parcours (association staff, prefecture, signatory). */
export function canReadCases(user: Pick<User, "role">): boolean {
  return isAssociationRole(user) || user.role === "prefecture_instructor" || user.role === "signatory";
}
