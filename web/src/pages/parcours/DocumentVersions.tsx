import { useState } from "react";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { getDocument, type ParcoursDocument } from "../../api";
import { FormError } from "../../components/FormError";
import { Loading } from "../../components/Loading";
import { formatDateTime } from "../../casework/dates";
import { useResource } from "../../casework/useResource";
import { DocumentView } from "./DocumentView";

function OlderVersion({ parcoursId, version }: { parcoursId: number; version: number }) {
  const doc = useResource(`document|${parcoursId}|${version}`, (signal) => getDocument(parcoursId, version, { signal }));
  if (doc.status === "loading") return <Loading />;
  if (doc.status === "error") return <FormError level={3} title="Version indisponible" message={doc.error.message} />;
  return <DocumentView document={doc.data} />;
}

/**
 * The document as in force, with a choice of its earlier versions (each save is a new version,
 * numbered from 1; none is ever deleted).
 */
export function DocumentVersions({ parcoursId, latest }: { parcoursId: number; latest: ParcoursDocument }) {
  // null: the version in force, whatever its number after the next save.
  const [shown, setShown] = useState<number | null>(null);
  const version = shown === null || shown > latest.version ? latest.version : shown;
  const numbers = Array.from({ length: latest.version }, (_, i) => latest.version - i);
  return (
    <>
      {latest.version > 1 && (
        <Select
          label="Version affichée"
          className="parcours-version-select"
          nativeSelectProps={{
            name: "document.version",
            value: String(version),
            onChange: (e) => {
              const n = Number(e.target.value);
              setShown(n === latest.version ? null : n);
            },
          }}
        >
          {numbers.map((n) => (
            <option key={n} value={String(n)}>
              {n === latest.version ? `Version ${n} (en vigueur, ${formatDateTime(latest.created_at)})` : `Version ${n}`}
            </option>
          ))}
        </Select>
      )}
      {version === latest.version ? (
        <DocumentView document={latest} />
      ) : (
        <OlderVersion parcoursId={parcoursId} version={version} />
      )}
    </>
  );
}
