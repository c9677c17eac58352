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
