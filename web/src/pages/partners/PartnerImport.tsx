// « Importer (CSV) »: the export, corrected in a spreadsheet, sent back (POST /partners/import,
// text/csv). All or nothing: the server lists every faulty line and writes none.
import { importPartnersCsv, type PartnerImportResult } from "../../api";
import { CsvImportForm, plural } from "../../components/CsvImportForm";

const successText = (r: PartnerImportResult) =>
  `Import terminé : ${plural(r.created, "partenaire")} créé${r.created > 1 ? "s" : ""}, ${plural(
    r.updated,
    "partenaire",
  )} mis à jour.`;

export function PartnerImport({ onImported }: { onImported: () => void }) {
  return (
    <CsvImportForm
      id="partenaires-import"
      title="Importer un fichier CSV"
      hint="Le format de l'export : UTF-8, séparateur « ; »."
      send={importPartnersCsv}
      successText={successText}
      onImported={onImported}
    >
      <p className="fr-text--sm fr-mb-2w">
        Exportez la liste, corrigez-la dans un tableur, puis importez-la : une ligne avec un identifiant met à jour ce
        partenaire, une ligne sans identifiant en crée un. Importer vaut vérification annuelle des fiches importées.
      </p>
    </CsvImportForm>
  );
}
