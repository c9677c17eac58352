import { Button } from "@codegouvfr/react-dsfr/Button";
import type { User } from "../api";
import { isAssociationRole, roleLabel } from "../auth/roles";
import { usePageTitle } from "../components/usePageTitle";
import { AlertsSection } from "./AlertsSection";

export function connectedAs(user: User): string {
  const parts = [`Connecté·e : ${user.display_name} (${user.email}) — rôle : ${roleLabel(user)}`];
  if (user.departement !== null && user.departement !== "") parts.push(`département ${user.departement}`);
  if (user.association_id !== null) parts.push(`association n° ${user.association_id}`);
  return parts.join(" — ");
}

function AssociationShortcuts() {
  return (
    <section aria-labelledby="raccourcis-titre" className="fr-mt-4w">
      <h2 id="raccourcis-titre">Suivi des personnes accompagnées</h2>
      <p>
        Retrouvez les personnes suivies par votre association par leur pseudonyme, ou enregistrez une nouvelle
        personne orientée vers l'association.
      </p>
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
        <li>
          <Button linkProps={{ to: "/personnes" }} iconId="fr-icon-team-line">
            Personnes
          </Button>
        </li>
        <li>
          <Button linkProps={{ to: "/personnes/nouvelle" }} priority="secondary" iconId="fr-icon-user-add-line">
            Nouvelle personne
          </Button>
        </li>
      </ul>
    </section>
  );
}

export function HomePage({ user }: { user: User }) {
  usePageTitle("Accueil");
  return (
    <>
      <h1>Accueil</h1>
      <p id="connected-as" className="fr-text--lead">
        {connectedAs(user)}
      </p>
      <AlertsSection />
      {isAssociationRole(user) ? (
        <AssociationShortcuts />
      ) : (
        <p>Les fonctionnalités de Parcours apparaîtront ici au fur et à mesure de leur mise en service.</p>
      )}
    </>
  );
}
