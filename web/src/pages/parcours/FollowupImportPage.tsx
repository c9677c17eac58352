// « Importer des suivis »: the follow-ups an association kept in a spreadsheet before Parcours, one
// line each (POST /followups/import, text/csv). All or nothing: a faulty line and none is written.
import { Link } from "react-router";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { importFollowupsCsv, type FollowupImportResult } from "../../api";
import { FOLLOWUP_KIND } from "../../casework/labels";
import { CsvImportForm, plural } from "../../components/CsvImportForm";
import { usePageTitle } from "../../components/usePageTitle";

const KINDS = Object.values(FOLLOWUP_KIND);

const COLUMNS: readonly (readonly [string, string, string])[] = [
  ["parcours", "oui", "Le numéro du parcours, tel qu'il s'affiche en haut de sa page (« Parcours n° 1234 »)."],
  ["date", "oui", "La date du suivi, au format JJ/MM/AAAA (par exemple 25/11/2026)."],
  ["type", "oui", `${KINDS.slice(0, -1).join(", ")} ou ${KINDS[KINDS.length - 1]}.`],
  ["texte", "oui", "Le compte rendu du suivi (8 000 caractères au plus)."],
  ["difficultes", "non", "Les difficultés rencontrées, une par ligne dans la cellule (20 au plus)."],
  ["action", "non", "Le numéro de l'action du document de parcours concernée (1 pour la première)."],
];

const EXAMPLE = `parcours;date;type;texte;difficultes
1234;25/11/2026;Entretien;"Point sur le logement ; dossier CAF déposé.";"Logement
Ouverture des droits"
1234;02/12/2026;Appel téléphonique;Rendez-vous fixé à la CPAM.;`;

const successText = (r: FollowupImportResult) =>
  `Import terminé : ${plural(r.imported, "suivi")} enregistré${r.imported > 1 ? "s" : ""} dans ${r.parcours} parcours.`;

export function FollowupImportPage() {
  const title = "Importer des suivis";
  usePageTitle(title);
  return (
    <>
      <Breadcrumb
        currentPageLabel={title}
        homeLinkProps={{ to: "/" }}
        segments={[{ label: "Personnes", linkProps: { to: "/personnes" } }]}
      />
      <h1>{title}</h1>
      <p>
        Vous avez noté des suivis dans un tableur avant d'utiliser Parcours ? Enregistrez le tableau au format CSV
        (UTF-8, séparateur « ; ») et importez-le ici : chaque ligne devient un suivi du parcours indiqué, comme si vous
        l'aviez saisi sur la page du parcours. Si une seule ligne est incorrecte, rien n'est importé : les lignes à
        corriger sont listées, corrigez-les puis importez de nouveau le fichier entier.
      </p>
      <Table
        className="fr-mb-3w"
        caption="Colonnes du fichier (première ligne, dans n'importe quel ordre)"
        headers={["Colonne", "Obligatoire", "Contenu"]}
        data={COLUMNS.map(([name, required, content]) => [<code key="c">{name}</code>, required, content])}
      />
      <p className="fr-mb-1w">Exemple de fichier :</p>
      <pre className="parcours-csv-example fr-mb-3w" aria-label="Exemple de fichier CSV">
        {EXAMPLE}
      </pre>
      <p className="fr-text--sm">
        Un fichier compte au plus 1 Mio (environ 7 000 suivis) : au-delà, découpez-le en plusieurs fichiers. Importer
        deux fois le même fichier enregistre deux fois ses suivis. Vous retrouvez les suivis importés sur la page de
        chaque parcours, depuis la liste des <Link to="/personnes">personnes suivies</Link>.
      </p>
      <CsvImportForm
        id="suivis-import"
        title="Fichier à importer"
        hint="UTF-8, séparateur « ; », colonnes décrites ci-dessus."
        send={importFollowupsCsv}
        successText={successText}
      >
        <p className="fr-text--sm fr-mb-2w">Seuls les parcours de votre association peuvent recevoir des suivis.</p>
      </CsvImportForm>
    </>
  );
}
