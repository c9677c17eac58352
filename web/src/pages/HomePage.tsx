import { Button } from "@codegouvfr/react-dsfr/Button";
import type { User } from "../api";
import { canReadActivityReport, isAssociationRole, roleLabel } from "../auth/roles";
import { usePageTitle } from "../components/usePageTitle";
import { AlertsSection } from "./AlertsSection";

export function connectedAs(user: User): string {
  const parts = [`Connecté·e : ${user.display_name} (${user.email}) — rôle : ${roleLabel(user)}`];
  if (user.departement !== null && user.departement !== "") parts.push(`département ${user.departement}`);
  if (user.region) parts.push(`région ${user.region}`);
  if (user.association_id !== null) parts.push(`association n° ${user.association_id}`);
  // The instructor links a member's account to the commission by this number.
  if (user.role === "commission_member") parts.push(`compte n° ${user.id}`);
  return parts.join(" — ");
}

function AssociationShortcuts({ user }: { user: User }) {
  return (
    <section aria-labelledby="raccourcis-titre" className="fr-mt-4w">
      <h2 id="raccourcis-titre">Suivi des personnes accompagnées</h2>
      <p>
        Retrouvez les personnes suivies par votre association par leur pseudonyme, ou enregistrez une nouvelle
        personne orientée vers l'association. Les suivis tenus jusqu'ici dans un tableur s'importent en une fois.
        {canReadActivityReport(user) && " Le rapport d'activité présente les chiffres de l'association, année par année."}
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
        <li>
          <Button linkProps={{ to: "/suivis/import" }} priority="secondary" iconId="fr-icon-upload-line">
            Importer des suivis
          </Button>
        </li>
        {canReadActivityReport(user) && (
          <li>
            <Button linkProps={{ to: "/rapport-activite" }} priority="secondary" iconId="fr-icon-line-chart-line">
              Rapport d'activité
            </Button>
          </li>
        )}
      </ul>
    </section>
  );
}

type Shortcut = { text: string; to: string; icon: "fr-icon-team-line" | "fr-icon-calendar-line" | "fr-icon-edit-line" | "fr-icon-award-line" | "fr-icon-line-chart-line" };

const SHORTCUTS: Readonly<Record<string, { intro: string; links: Shortcut[] }>> = {
  prefecture_instructor: {
    intro: "Secrétariat de la commission : séances, ordre du jour, présences et avis ; agréments des associations.",
    links: [
      { text: "Commission", to: "/commission", icon: "fr-icon-calendar-line" },
      { text: "Associations et agréments", to: "/associations", icon: "fr-icon-award-line" },
      { text: "Personnes", to: "/personnes", icon: "fr-icon-team-line" },
      { text: "Statistiques", to: "/statistiques", icon: "fr-icon-line-chart-line" },
    ],
  },
  signatory: {
    intro: "Les demandes sur lesquelles la commission a rendu son avis attendent votre décision.",
    links: [
      { text: "Décisions à prendre", to: "/decisions", icon: "fr-icon-edit-line" },
      { text: "Commission", to: "/commission", icon: "fr-icon-calendar-line" },
      { text: "Statistiques", to: "/statistiques", icon: "fr-icon-line-chart-line" },
    ],
  },
  analyst_national: {
    intro:
      "Indicateurs du parcours de sortie de la prostitution pour la France entière, par région et par département. Les effectifs de moins de 11 personnes sont masqués (secret statistique).",
    links: [{ text: "Statistiques", to: "/statistiques", icon: "fr-icon-line-chart-line" }],
  },
  analyst_regional: {
    intro:
      "Indicateurs du parcours de sortie de la prostitution pour votre région et ses départements. Les effectifs de moins de 11 personnes sont masqués (secret statistique).",
    links: [{ text: "Statistiques", to: "/statistiques", icon: "fr-icon-line-chart-line" }],
  },
  commission_member: {
    intro:
      "Consultez les séances de la commission et, de la convocation jusqu'à 30 jours après la séance, les dossiers inscrits à l'ordre du jour (sous pseudonyme).",
    links: [{ text: "Commission et séances", to: "/commission", icon: "fr-icon-calendar-line" }],
  },
  admin: {
    intro: "Commissions départementales et agréments des associations.",
    links: [
      { text: "Commissions", to: "/commission", icon: "fr-icon-calendar-line" },
      { text: "Associations et agréments", to: "/associations", icon: "fr-icon-award-line" },
    ],
  },
};

function RoleShortcuts({ user }: { user: User }) {
  const shortcuts = SHORTCUTS[user.role];
  if (shortcuts === undefined) {
    return <p>Les fonctionnalités de Parcours apparaîtront ici au fur et à mesure de leur mise en service.</p>;
  }
  return (
    <section aria-labelledby="raccourcis-titre" className="fr-mt-4w">
      <h2 id="raccourcis-titre">Accès rapides</h2>
      <p>{shortcuts.intro}</p>
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
        {shortcuts.links.map((l, i) => (
          <li key={l.to}>
            <Button linkProps={{ to: l.to }} iconId={l.icon} priority={i === 0 ? "primary" : "secondary"}>
              {l.text}
            </Button>
          </li>
        ))}
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
      {isAssociationRole(user) ? <AssociationShortcuts user={user} /> : <RoleShortcuts user={user} />}
    </>
  );
}
