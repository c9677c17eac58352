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

/** Roles that may read a person's identity (and so the decision letters). */
export function canReadIdentity(user: Pick<User, "role">): boolean {
  return canReadCases(user);
}

export const isInstructor = (user: Pick<User, "role">) => user.role === "prefecture_instructor";
export const isSignatory = (user: Pick<User, "role">) => user.role === "signatory";
export const isCommissionMember = (user: Pick<User, "role">) => user.role === "commission_member";
export const isAdmin = (user: Pick<User, "role">) => user.role === "admin";

/** Roles that see the département's commission (composition, séances). */
export function canReadCommission(user: Pick<User, "role">): boolean {
  return isAssociationRole(user) || isInstructor(user) || isSignatory(user) || isCommissionMember(user) || isAdmin(user);
}

/** Roles that list associations (and open their agréments). */
export function canListAssociations(user: Pick<User, "role">): boolean {
  return isInstructor(user) || isSignatory(user) || isAdmin(user);
}

/** Roles that instruct agréments (the server checks the département). */
export function canManageAgrements(user: Pick<User, "role">): boolean {
  return isInstructor(user) || isAdmin(user);
}

export const isAnalyst = (user: Pick<User, "role">) => user.role === "analyst_national" || user.role === "analyst_regional";

/** The association admin reads the activity report of their association (`scope=association:ID`). */
export function canReadActivityReport(user: Pick<User, "role" | "association_id">): boolean {
  return user.role === "association_admin" && user.association_id !== null;
}

/** The association admin alone reads her association's archived files (docs/retention.md). */
export function canReadArchive(user: Pick<User, "role" | "association_id">): boolean {
  return user.role === "association_admin" && user.association_id !== null;
}

/** Roles that read the statistics (docs/api/statistics.md): analysts, the prefecture of a département. */
export function canReadStatistics(user: Pick<User, "role">): boolean {
  return isAnalyst(user) || isInstructor(user) || isSignatory(user);
}

/** Roles that read the partner network (docs/api/partners.md): professionals of the region, the administrator. */
export function canReadPartners(user: Pick<User, "role">): boolean {
  return (
    isAssociationRole(user) ||
    isInstructor(user) ||
    isSignatory(user) ||
    isCommissionMember(user) ||
    isAdmin(user)
  );
}

/** Roles that create, edit, verify, archive, export and import partners (in their own département). */
export function canManagePartners(user: Pick<User, "role">): boolean {
  return user.role === "association_admin" || isInstructor(user);
}
