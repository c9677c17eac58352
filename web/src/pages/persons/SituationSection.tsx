import { useEffect, useRef, useState, type FormEvent } from "react";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { updatePerson, type ApiError, type Person, type Victimisation } from "../../api";
import { FormError } from "../../components/FormError";
import { formatDate } from "../../casework/dates";
import { EXPLOITATION_SETTING, labelOf, VICTIMISATION_FORM } from "../../casework/labels";
import { asApiError } from "../../casework/useResource";
import { situationFromPerson, toVictimisation, type SituationForm } from "./personForm";
import { SituationFieldset } from "./SituationFieldset";

interface Props {
  person: Person;
  canEdit: boolean;
  onSaved: (person: Person) => void;
}

function complaintText(v: Victimisation): string {
  if (v.complaint_filed === true) {
    return v.complaint_date !== null && v.complaint_date !== "" ? `Oui, le ${formatDate(v.complaint_date)}` : "Oui";
  }
  if (v.complaint_filed === false) return "Non";
  return "Non renseigné";
}

/**
 * The person's situation (`victimisation`), shown only when the API returns it (roles that may see
 * identities); the association edits it through PATCH /persons/{id}.
 */
export function SituationSection({ person, canEdit, onSaved }: Props) {
  const [editing, setEditing] = useState(false);
  if (person.victimisation === undefined) return null;
  const v = person.victimisation;
  return (
    <section aria-labelledby="situation-titre" className="fr-mt-6w parcours-protected">
      <h2 id="situation-titre">
        <span className="fr-icon-lock-line fr-mr-1w" aria-hidden="true" />
        Situation
      </h2>
      {editing ? (
        <SituationEditForm
          person={person}
          onCancel={() => setEditing(false)}
          onSaved={(updated) => {
            setEditing(false);
            onSaved(updated);
          }}
        />
      ) : (
        <>
          {v === null ? (
            <p id="situation-vide">Aucun renseignement sur la situation de la personne.</p>
          ) : (
            <dl className="parcours-dl" id="situation-details">
              <div className="parcours-dl__item">
                <dt>Formes d'exploitation ou de prostitution</dt>
                <dd>
                  {v.forms.length > 0 ? v.forms.map((f) => labelOf(VICTIMISATION_FORM, f)).join(" ; ") : "Non renseigné"}
                </dd>
              </div>
              <div className="parcours-dl__item">
                <dt>Lieu d'exploitation</dt>
                <dd>{v.exploitation !== null ? labelOf(EXPLOITATION_SETTING, v.exploitation) : "Non renseigné"}</dd>
              </div>
              <div className="parcours-dl__item">
                <dt>Plainte déposée</dt>
                <dd>{complaintText(v)}</dd>
              </div>
            </dl>
          )}
          {canEdit && (
            <Button priority="secondary" iconId="fr-icon-edit-line" onClick={() => setEditing(true)}>
              {v === null ? "Renseigner la situation" : "Modifier la situation"}
            </Button>
          )}
        </>
      )}
    </section>
  );
}

function SituationEditForm(props: { person: Person; onCancel: () => void; onSaved: (p: Person) => void }) {
  const [form, setForm] = useState<SituationForm>(() => situationFromPerson(props.person.victimisation));
  const [error, setError] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    // Move the focus into the form that just replaced the button.
    formRef.current?.querySelector<HTMLInputElement>("input, select")?.focus();
  }, []);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    setSubmitting(true);
    setError(null);
    try {
      const updated = await updatePerson(props.person.id, { victimisation: toVictimisation(form) });
      props.onSaved(updated);
    } catch (e) {
      setError(asApiError(e));
      setSubmitting(false);
    }
  };

  return (
    <form ref={formRef} onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Modifier la situation">
      {error !== null && <FormError level={3} title="Situation non enregistrée" message={error.message} />}
      <SituationFieldset
        value={form}
        error={error}
        idPrefix="situation-modifier"
        framed={false}
        onChange={(patch) => setForm((f) => ({ ...f, ...patch }))}
      />
      <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-2w">
        <li>
          <Button type="submit" disabled={submitting}>
            Enregistrer la situation
          </Button>
        </li>
        <li>
          <Button type="button" priority="secondary" onClick={props.onCancel}>
            Annuler
          </Button>
        </li>
      </ul>
    </form>
  );
}

