import { useState } from "react";
import { Button } from "@codegouvfr/react-dsfr/Button";
import type { ParcoursDocument } from "../../api";
import { DocumentForm } from "./DocumentForm";
import { DocumentVersions } from "./DocumentVersions";

interface Props {
  parcoursId: number;
  document: ParcoursDocument | null;
  canEdit: boolean;
  onSaved: () => void;
}

export function DocumentSection({ parcoursId, document, canEdit, onSaved }: Props) {
  const [editing, setEditing] = useState(false);
  return (
    <section aria-labelledby="document-titre" className="fr-mt-6w">
      <h2 id="document-titre">Document de parcours</h2>
      {editing ? (
        <DocumentForm
          parcoursId={parcoursId}
          initial={document}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            onSaved();
          }}
        />
      ) : (
        <>
          {document === null ? (
            <p>Le document de parcours n'a pas encore été rédigé.</p>
          ) : (
            <DocumentVersions parcoursId={parcoursId} latest={document} />
          )}
          {canEdit && (
            <Button priority="secondary" iconId="fr-icon-edit-line" onClick={() => setEditing(true)}>
              {document === null ? "Rédiger le document" : "Modifier le document"}
            </Button>
          )}
        </>
      )}
    </section>
  );
}
