import type { User } from "../api";
import { roleLabel } from "../auth/roles";
import { usePageTitle } from "../components/usePageTitle";

export function connectedAs(user: User): string {
  const parts = [`Connecté·e : ${user.display_name} (${user.email}) — rôle : ${roleLabel(user)}`];
  if (user.departement !== null && user.departement !== "") parts.push(`département ${user.departement}`);
  if (user.association_id !== null) parts.push(`association n° ${user.association_id}`);
  return parts.join(" — ");
}

export function HomePage({ user }: { user: User }) {
  usePageTitle("Accueil");
  return (
    <>
      <h1>Accueil</h1>
      <p id="connected-as" className="fr-text--lead">
        {connectedAs(user)}
      </p>
      <p>Les fonctionnalités de Parcours apparaîtront ici au fur et à mesure de leur mise en service.</p>
    </>
  );
}
