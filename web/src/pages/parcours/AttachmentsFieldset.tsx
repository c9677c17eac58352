import { useRef } from "react";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import type { ApiError, Attachment, AttachmentKind } from "../../api";
import { fieldState, patchAt, removeAt } from "../../casework/fields";
import { ATTACHMENT_KIND, optionsOf } from "../../casework/labels";

export type KeyedAttachment = Attachment & { key: number };

interface Props {
  value: KeyedAttachment[];
  onChange: (rows: KeyedAttachment[]) => void;
  error: ApiError | null;
}

/** The list of pieces joined to the demande (kind + label); the files themselves stay with the association. */
export function AttachmentsFieldset({ value, onChange, error }: Props) {
  const nextKey = useRef(1000);
  return (
    <fieldset className="fr-fieldset">
      <legend className="fr-fieldset__legend">Pièces jointes</legend>
      <p className="fr-fieldset__element fr-hint-text">
        Déclaration sur l'honneur, pièces d'identité, justificatifs de situation.
      </p>
      {value.length === 0 && <p className="fr-fieldset__element">Aucune pièce pour l'instant.</p>}
      {value.map((a, i) => (
        <div key={a.key} className="fr-fieldset__element parcours-repeat parcours-row">
          <Select
            label={`Type de la pièce ${i + 1}`}
            {...fieldState(error, `attachments[${i}].kind`)}
            nativeSelectProps={{
              name: `attachments[${i}].kind`,
              value: a.kind,
              onChange: (e) => onChange(patchAt(value, i, { kind: e.target.value as AttachmentKind })),
            }}
          >
            {optionsOf(ATTACHMENT_KIND).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </Select>
          <Input
            label={`Intitulé de la pièce ${i + 1}`}
            hintText="Par exemple : passeport, attestation d'hébergement"
            {...fieldState(error, `attachments[${i}].label`)}
            nativeInputProps={{
              name: `attachments[${i}].label`,
              value: a.label,
              onChange: (e) => onChange(patchAt(value, i, { label: e.target.value })),
            }}
          />
          <Button
            type="button"
            priority="tertiary"
            size="small"
            iconId="fr-icon-delete-line"
            onClick={() => onChange(removeAt(value, i))}
          >
            Retirer la pièce {i + 1}
          </Button>
        </div>
      ))}
      <div className="fr-fieldset__element">
        <Button
          type="button"
          priority="secondary"
          size="small"
          iconId="fr-icon-add-line"
          onClick={() => onChange([...value, { key: nextKey.current++, kind: "sworn_statement", label: "" }])}
        >
          Ajouter une pièce
        </Button>
      </div>
    </fieldset>
  );
}
