// A CSV file sent to an import endpoint (text/csv). All or nothing: the server lists every faulty
// line and writes none; the list is shown under « Rien n'a été importé », the file kept to fix it.
import { useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Upload } from "@codegouvfr/react-dsfr/Upload";
import type { LineError } from "../api";
import { useSubmit } from "../casework/useSubmit";
import { FormError } from "./FormError";

/** "Ligne 4, colonne mineurs : « oui » ou « non » attendu." */
export function lineErrorText(e: LineError): string {
  return `Ligne ${e.line}${e.field !== "" ? `, colonne ${e.field}` : ""} : ${e.message}`;
}

/** "3 partenaires", "1 suivi". */
export const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? "s" : ""}`;

interface Props<T> {
  /** The form's id; the success message is `${id}-resultat`. */
  id: string;
  title: string;
  /** What the file must hold, shown under the title. */
  children: ReactNode;
  hint: string;
  send: (csv: string) => Promise<T>;
  successText: (result: T) => string;
  onImported?: (result: T) => void;
  /** Heading level of the title (default 2). */
  level?: 2 | 3;
}

export function CsvImportForm<T>({ id, title, children, hint, send, successText, onImported, level = 2 }: Props<T>) {
  const titleId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [missingFile, setMissingFile] = useState(false);
  const [result, setResult] = useState<T | null>(null);
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
      const answer = await send(await file.text());
      setResult(answer);
      if (input.current !== null) input.current.value = "";
      setFile(null);
      onImported?.(answer);
      requestAnimationFrame(() => done.current?.focus());
    });
  };

  const Heading = level === 2 ? "h2" : "h3";
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={titleId} className="fr-mb-4w csv-import" id={id}>
      <Heading className="fr-h6 fr-mb-1w" id={titleId}>
        {title}
      </Heading>
      {children}
      {error !== null && (
        <FormError
          level={level === 2 ? 3 : 4}
          title="Rien n'a été importé"
          message={
            error.errors.length > 0
              ? `${error.message} ${error.errors.length > 1 ? `${error.errors.length} erreurs` : "1 erreur"} :`
              : error.message
          }
          items={error.errors.map(lineErrorText)}
        />
      )}
      {result !== null && (
        <div ref={done} tabIndex={-1} className="fr-mb-2w" id={`${id}-resultat`}>
          <Alert severity="success" small description={successText(result)} />
        </div>
      )}
      <div className="csv-import__row">
        <Upload
          label="Fichier CSV à importer"
          hint={hint}
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
