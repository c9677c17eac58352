// The explanation of « < 11 » (statistical confidentiality), once on a page of masked figures.
import { Notice } from "@codegouvfr/react-dsfr/Notice";

export function SecretNotice({ threshold }: { threshold: number }) {
  return (
    <Notice
      id="secret-statistique"
      className="fr-mb-4w"
      title={`« < ${threshold} » : secret statistique : moins de ${threshold} personnes.`}
      description={`Les effectifs de 1 à ${threshold - 1} ne sont pas publiés, ni une autre case de la même ligne ou colonne qui permettrait de les retrouver à partir d'un total. Les taux, délais et moyennes calculés sur moins de ${threshold} cas indiquent « secret statistique ».`}
    />
  );
}
