import { useState, type FormEvent } from "react";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { createOtherRight, type OtherRight, type OtherRightKind, type OtherRightStatus } from "../../../api";
import { DateField } from "../../../components/DateField";
import { FormError } from "../../../components/FormError";
import { formatDate, todayIso } from "../../../casework/dates";
import { fieldState } from "../../../casework/fields";
import { labelOf, optionsOf } from "../../../casework/labels";
import { OTHER_RIGHT_KIND, OTHER_RIGHT_STATUS } from "../../../casework/rightsLabels";
import { useSubmit } from "./useSubmit";

function OtherRightForm({ parcoursId, onSaved }: { parcoursId: number; onSaved: () => void }) {
  const [kind, setKind] = useState<OtherRightKind>("health_coverage");
  const [date, setDate] = useState(todayIso());
  const [status, setStatus] = useState<OtherRightStatus>("requested");
  const [detail, setDetail] = useState("");
  const { error, submitting, run } = useSubmit();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(async () => {
      await createOtherRight(parcoursId, { kind, date, status, detail: detail.trim() });
      setDetail("");
      onSaved();
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="autres-droits-form-titre" className="fr-mt-3w">
      <h4 id="autres-droits-form-titre" className="fr-h6">
        Enregistrer une démarche
      </h4>
      {error !== null && <FormError level={4} title="Démarche non enregistrée" message={error.message} />}
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">
          <Select label="Droit *" {...fieldState(error, "kind")} nativeSelectProps={{ name: "other.kind", value: kind, onChange: (e) => setKind(e.target.value as OtherRightKind) }}>
            {optionsOf(OTHER_RIGHT_KIND).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <DateField label="Date *" name="other.date" required errorProps={fieldState(error, "date")} value={date} onChange={setDate} />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Select label="État *" {...fieldState(error, "status")} nativeSelectProps={{ name: "other.status", value: status, onChange: (e) => setStatus(e.target.value as OtherRightStatus) }}>
            {optionsOf(OTHER_RIGHT_STATUS).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <Input label="Précisions" {...fieldState(error, "detail")} nativeInputProps={{ name: "other.detail", value: detail, onChange: (e) => setDetail(e.target.value) }} />
      <Button type="submit" priority="secondary" disabled={submitting}>
        Enregistrer la démarche
      </Button>
    </form>
  );
}

/** Health coverage, bank account, language course, tax remission. */
export function OtherRightsSection({ parcoursId, items, canEdit, onChanged }: { parcoursId: number; items: OtherRight[]; canEdit: boolean; onChanged: () => void }) {
  return (
    <section aria-labelledby="autres-droits-titre" className="parcours-subsection">
      <h3 id="autres-droits-titre">Autres droits</h3>
      {items.length === 0 ? (
        <p>Aucune démarche enregistrée (couverture maladie, compte bancaire, cours de français, remise fiscale).</p>
      ) : (
        <Table
          caption="Démarches d'accès aux droits"
          headers={["Droit", "Date", "État", "Précisions"]}
          data={items.map((r) => [labelOf(OTHER_RIGHT_KIND, r.kind), formatDate(r.date), labelOf(OTHER_RIGHT_STATUS, r.status), r.detail || "—"])}
        />
      )}
      {canEdit && <OtherRightForm parcoursId={parcoursId} onSaved={onChanged} />}
    </section>
  );
}
