import { useRef, useState, type FormEvent } from "react";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { putDocument, type ApiError, type Commitment, type DocumentAction, type ParcoursDocument } from "../../api";
import { FormError } from "../../components/FormError";
import { fieldState, patchAt, removeAt } from "../../casework/fields";
import { asApiError } from "../../casework/useResource";
import { ActionFields } from "./ActionFields";

type Keyed<T> = T & { key: number };

const EMPTY_ACTION: DocumentAction = {
  domain: "",
  description: "",
  partner: "",
  partner_id: null,
  planned_start: null,
  planned_end: null,
  status: "planned",
  result: "",
};

interface Props {
  parcoursId: number;
  initial: ParcoursDocument | null;
  onSaved: () => void;
  onCancel: () => void;
}

/** Edits the document: each save is a new version on the server (PUT /document). */
export function DocumentForm({ parcoursId, initial, onSaved, onCancel }: Props) {
  const nextKey = useRef(1);
  const keyed = <T,>(item: T): Keyed<T> => ({ ...item, key: nextKey.current++ });
  const [commitments, setCommitments] = useState<Keyed<Commitment>[]>(() => (initial?.commitments ?? []).map(keyed));
  const [actions, setActions] = useState<Keyed<DocumentAction>[]>(() => (initial?.actions ?? []).map(keyed));
  const [error, setError] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    setSubmitting(true);
    setError(null);
    try {
      await putDocument(parcoursId, {
        commitments: commitments.map(({ text, category }) => ({ text: text.trim(), category: category.trim() })),
        actions: actions.map(({ key: _key, partner_name: _name, ...a }) => ({
          ...a,
          partner_id: a.partner_id ?? null,
          description: a.description.trim(),
          partner: a.partner.trim(),
          result: a.result.trim(),
        })),
      });
      onSaved();
    } catch (e) {
      setError(asApiError(e));
      setSubmitting(false);
    }
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Document de parcours">
      <p className="fr-hint-text">
        Chaque enregistrement crée une nouvelle version du document ; les versions précédentes sont conservées.
      </p>
      {error !== null && <FormError level={3} title="Document non enregistré" message={error.message} />}
      <h3 className="fr-h5">Engagements de la personne</h3>
      {commitments.length === 0 && <p className="fr-hint-text">Aucun engagement pour l'instant.</p>}
      {commitments.map((c, i) => (
        <fieldset key={c.key} className="fr-fieldset parcours-repeat">
          <legend className="fr-fieldset__legend fr-text--md">Engagement {i + 1}</legend>
          <div className="fr-fieldset__element">
            <Input
              label="Engagement *"
              textArea
              {...fieldState(error, `commitments[${i}].text`)}
              nativeTextAreaProps={{
                name: `commitments[${i}].text`,
                rows: 2,
                value: c.text,
                onChange: (e) => setCommitments(patchAt(commitments, i, { text: e.target.value })),
              }}
            />
          </div>
          <div className="fr-fieldset__element">
            <Input
              label="Catégorie"
              hintText="Par exemple : logement, santé, démarches"
              {...fieldState(error, `commitments[${i}].category`)}
              nativeInputProps={{
                name: `commitments[${i}].category`,
                value: c.category,
                onChange: (e) => setCommitments(patchAt(commitments, i, { category: e.target.value })),
              }}
            />
          </div>
          <div className="fr-fieldset__element">
            <Button
              type="button"
              priority="tertiary"
              size="small"
              iconId="fr-icon-delete-line"
              onClick={() => setCommitments(removeAt(commitments, i))}
            >
              Retirer l'engagement {i + 1}
            </Button>
          </div>
        </fieldset>
      ))}
      <Button
        type="button"
        priority="secondary"
        size="small"
        iconId="fr-icon-add-line"
        className="fr-mb-4w"
        onClick={() => setCommitments([...commitments, keyed({ text: "", category: "" })])}
      >
        Ajouter un engagement
      </Button>
      <h3 className="fr-h5">Actions</h3>
      {actions.length === 0 && <p className="fr-hint-text">Aucune action pour l'instant.</p>}
      {actions.map((a, i) => (
        <ActionFields
          key={a.key}
          index={i}
          action={a}
          error={error}
          onChange={(patch) => setActions(patchAt(actions, i, patch))}
          onRemove={() => setActions(removeAt(actions, i))}
        />
      ))}
      <Button
        type="button"
        priority="secondary"
        size="small"
        iconId="fr-icon-add-line"
        onClick={() => setActions([...actions, keyed({ ...EMPTY_ACTION })])}
      >
        Ajouter une action
      </Button>
      <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-4w">
        <li>
          <Button type="submit" disabled={submitting}>
            Enregistrer le document
          </Button>
        </li>
        <li>
          <Button type="button" priority="secondary" onClick={onCancel}>
            Annuler
          </Button>
        </li>
      </ul>
    </form>
  );
}
