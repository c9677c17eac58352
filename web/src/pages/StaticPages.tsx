import { Link } from "react-router";
import { OPERATOR_NAME, SERVICE_TITLE } from "../config";
import { usePageTitle } from "../components/usePageTitle";

function PendingContent({ title, intro }: { title: string; intro: string }) {
  usePageTitle(title);
  return (
    <>
      <h1>{title}</h1>
      <p>{intro}</p>
      <p>
        Le contenu de cette page sera publié par l'opérateur de cette instance de {SERVICE_TITLE} : {OPERATOR_NAME}.
      </p>
      <p>
        <Link to="/">Retour à l'accueil</Link>
      </p>
    </>
  );
}

export function LegalNoticePage() {
  return (
    <PendingContent
      title="Mentions légales"
      intro="Cette page présente l'éditeur du service, son hébergeur et les conditions d'utilisation."
    />
  );
}

export function PersonalDataPage() {
  return (
    <PendingContent
      title="Données personnelles"
      intro="Cette page décrit les traitements de données personnelles réalisés par le service et la manière d'exercer vos droits."
    />
  );
}

export function AccessibilityPage() {
  return (
    <PendingContent
      title="Déclaration d'accessibilité"
      intro="État de conformité : le service Parcours est non conforme au référentiel général d'amélioration de l'accessibilité (RGAA), faute d'audit à ce jour."
    />
  );
}

export function NotFoundPage() {
  usePageTitle("Page non trouvée");
  return (
    <>
      <h1>Page non trouvée</h1>
      <p>La page que vous cherchez est introuvable. Vérifiez l'adresse saisie.</p>
      <p>
        <Link to="/">Retour à l'accueil</Link>
      </p>
    </>
  );
}
