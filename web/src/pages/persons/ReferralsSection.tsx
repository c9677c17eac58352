import { useState, type FormEvent } from "react";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { addReferral, type ApiError, type ContactChannel, type Referral } from "../../api";
import { FormError } from "../../components/FormError";
import { formatDate, todayIso } from "../../casework/dates";
import { fieldState } from "../../casework/fields";
import { CONTACT_CHANNEL, labelOf, optionsOf } from "../../casework/labels";
import { asApiError } from "../../casework/useResource";
import { DateField } from "../../components/DateField";

interface Props {
  personId: number;
  referrals: Referral[];
  canEdit: boolean;
  onAdded: () => void;
}

export function ReferralsSection({ personId, referrals, canEdit, onAdded }: Props) {
  return (
    <section aria-labelledby="orientations-titre" className="fr-mt-6w">
      <h2 id="orientations-titre">Orientations</h2>
      {referrals.length === 0 ? (
        <p>Aucune orientation enregistrée.</p>
      ) : (
        <Table
          caption="Orientations de la personne"
          noCaption
          headers={["Date", "Origine", "Notes"]}
          data={referrals.map((r) => [
            formatDate(r.date),
            r.source_label !== "" ? r.source_label : labelOf(CONTACT_CHANNEL, r.source),
            r.notes !== "" ? r.notes : "—",
          ])}
        />
      )}
      {canEdit && <ReferralForm personId={personId} onAdded={onAdded} />}
    </section>
  );
}

function ReferralForm({ personId, onAdded }: { personId: number; onAdded: () => void }) {
  const [date, setDate] = useState(todayIso());
  const [source, setSource] = useState<ContactChannel | "">("");
  const [notes, setNotes] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    setSubmitting(true);
    setError(null);
    try {
      await addReferral(personId, { date, source, notes: notes.trim() });
      setSource("");
      setNotes("");
      onAdded();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="orientation-form-titre" className="fr-mt-3w">
      <h3 id="orientation-form-titre" className="fr-h6">
        Ajouter une orientation
      </h3>
      {error !== null && <FormError level={4} title="Orientation non enregistrée" message={error.message} />}
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">
          <DateField
            label="Date de l'orientation *"
            name="referral.date"
            required
            errorProps={fieldState(error, "date")}
            value={date}
            onChange={setDate}
          />
        </div>
        <div className="fr-col-12 fr-col-md-8">
          <Select
            label="Origine de l'orientation *"
            {...fieldState(error, "source")}
            nativeSelectProps={{
              name: "referral.source",
              value: source,
              onChange: (e) => setSource(e.target.value as ContactChannel | ""),
            }}
          >
            <option value="" disabled>
              Sélectionner une origine
            </option>
            {optionsOf(CONTACT_CHANNEL).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <Input
        label="Notes"
        textArea
        {...fieldState(error, "notes")}
        nativeTextAreaProps={{ name: "referral.notes", rows: 3, value: notes, onChange: (e) => setNotes(e.target.value) }}
      />
      <Button type="submit" priority="secondary" disabled={submitting}>
        Ajouter l'orientation
      </Button>
    </form>
  );
}
