// The départements a user works with in the partner network: those of their region (the server shows
// the partners covering one of them), or every département for the administrator; and their own
// département (home of the partners they may edit).
import { getAssociation, listDepartements, type Departement, type User } from "../../api";
import { isAssociationRole } from "../../auth/roles";
import { useResource } from "../../casework/useResource";

export interface PartnerScope {
  /** The départements of the user's region (all of them for the administrator), in code order. */
  departements: Departement[];
  /** The user's own département (an association's seat for its staff), when they have one. */
  home: string | null;
  /** The region's name, or null for the whole country. */
  regionName: string | null;
}

async function loadScope(user: User): Promise<PartnerScope> {
  const all = await listDepartements();
  let home = user.departement;
  if (home === null && isAssociationRole(user) && user.association_id !== null) {
    home = (await getAssociation(user.association_id)).departement;
  }
  const region = user.region ?? all.find((d) => d.code === home)?.region_code ?? null;
  if (region === null || user.role === "admin") return { departements: all, home, regionName: null };
  const departements = all.filter((d) => d.region_code === region);
  return { departements, home, regionName: departements[0]?.region_name ?? null };
}

/** Loads the user's scope once per page. */
export const usePartnerScope = (user: User) => useResource(`partner-scope|${user.id}`, () => loadScope(user));

export const departementName = (scope: PartnerScope | null, code: string) => {
  const d = scope?.departements.find((x) => x.code === code);
  return d === undefined ? code : `${d.name} (${d.code})`;
};
