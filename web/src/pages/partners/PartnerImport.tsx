// « Importer (CSV) »: the export, corrected in a spreadsheet, sent back (POST /partners/import,
// text/csv). All or nothing: the server lists every faulty line and writes none.
import { useId, useRef, useState, type FormEvent } from "react";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Upload } from "@codegouvfr/react-dsfr/Upload";
import { importPartnersCsv, type LineError, type PartnerImportResult } from "../../api";
import { useSubmit } from "../../casework/useSubmit";
import { FormError } from "../../components/FormError";

/** "Ligne 4, colonne mineurs : « oui » ou « non » attendu." */
export function lineErrorText(e: LineError): string {
  return `Ligne ${e.line}${e.field !== "" ? `, colonne ${e.field}` : ""} : ${e.message}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? "s" : ""}`;

export function PartnerImport({ onImported }: { onImported: () => void }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [missingFile, setMissingFile] = useState(false);
  const [result, setResult] = useState<PartnerImportResult | null>(null);
  const { error, submitting, run } = useSubmit();
  const done = useRef<HTMLDivElement>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setResult(null);
    if (file === null) {
      setMissingFile(true);
      input.current?.focus();
      return;
    }
    setMissingFile(false);
    void run(async () => {
      const answer = await importPartnersCsv(await file.text());
      setResult(answer);
      if (input.current !== null) input.current.value = "";
      setFile(null);
      onImported();
      requestAnimationFrame(() => done.current?.focus());
    });
  };

  const errorItems = error?.errors.map(lineErrorText) ?? [];
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={`${id}-titre`} className="fr-mb-4w partner-import" id="partenaires-import">
      <h2 className="fr-h6 fr-mb-1w" id={`${id}-titre`}>
        Importer un fichier CSV
      </h2>
      <p className="fr-text--sm fr-mb-2w">
        Exportez la liste, corrigez-la dans un tableur, puis importez-la : une ligne avec un identifiant met à jour ce
        partenaire, une ligne sans identifiant en crée un. Importer vaut vérification annuelle des fiches importées.
      </p>
      {error !== null && (
        <FormError
          level={3}
          title="Rien n'a été importé"
          message={
            error.errors.length > 0
              ? `${error.message} ${error.errors.length > 1 ? `${error.errors.length} erreurs` : "1 erreur"} :`
              : error.message
          }
          items={errorItems}
        />
      )}
      {result !== null && (
        <div ref={done} tabIndex={-1} className="fr-mb-2w" id="partenaires-import-resultat">
          <Alert
            severity="success"
            small
            description={`Import terminé : ${plural(result.created, "partenaire")} créé${result.created > 1 ? "s" : ""}, ${plural(
              result.updated,
              "partenaire",
            )} mis à jour.`}
          />
        </div>
      )}
      <div className="partner-import__row">
        <Upload
          label="Fichier CSV à importer"
          hint="Le format de l'export : UTF-8, séparateur « ; »."
          {...(missingFile ? { state: "error" as const, stateRelatedMessage: "Choisissez un fichier CSV." } : {})}
          nativeInputProps={{
            ref: input,
            name: "csv",
            accept: ".csv,text/csv",
            onChange: (e) => {
              setFile(e.target.files?.[0] ?? null);
              setMissingFile(false);
            },
          }}
        />
        <Button type="submit" priority="secondary" iconId="fr-icon-upload-line" disabled={submitting}>
          Importer le fichier
        </Button>
      </div>
    </form>
  );
}
