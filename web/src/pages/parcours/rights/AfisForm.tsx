import { useState, type FormEvent } from "react";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { ApiError, createAfis, type ResidenceDocument } from "../../../api";
import { DateField } from "../../../components/DateField";
import { FormError } from "../../../components/FormError";
import { todayIso } from "../../../casework/dates";
import { fieldState } from "../../../casework/fields";
import { optionsOf } from "../../../casework/labels";
import { parseEurosToCents } from "../../../casework/money";
import { RESIDENCE_DOCUMENT } from "../../../casework/rightsLabels";
import { useSubmit } from "./useSubmit";

/** A new AFIS application: the server checks each condition (R121-12-13-1) and computes the amount. */
export function AfisForm({ parcoursId, onSaved }: { parcoursId: number; onSaved: () => void }) {
  const [date, setDate] = useState(todayIso());
  const [children, setChildren] = useState("0");
  const [resources, setResources] = useState("");
  const [entitled, setEntitled] = useState(false);
  const [residence, setResidence] = useState<ResidenceDocument | "">("");
  const { error, setError, submitting, run } = useSubmit();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const cents = parseEurosToCents(resources);
    if (cents === null) {
      setError(new ApiError(0, "client_validation", "Montant en euros attendu, par exemple 250 ou 250,50.", "resources_cents"));
      return;
    }
    const count = Number(children);
    if (!/^\d{1,2}$/.test(children.trim()) || count > 20) {
      setError(new ApiError(0, "client_validation", "Nombre entier entre 0 et 20 attendu.", "dependent_children"));
      return;
    }
    if (residence === "") {
      setError(new ApiError(0, "client_validation", "Indiquez le document de séjour.", "residence_document"));
      return;
    }
    void run(async () => {
      await createAfis(parcoursId, {
        application_date: date,
        dependent_children: count,
        resources_cents: cents,
        rsa_or_ada_entitled: entitled,
        residence_document: residence,
      });
      setResources("");
      onSaved();
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="afis-form-titre" className="fr-mt-3w parcours-panel">
      <h4 id="afis-form-titre" className="fr-h6">
        Enregistrer une demande d'AFIS
      </h4>
      {error !== null && (
        <FormError level={4} title="Demande d'AFIS non enregistrée" message={error.field !== undefined ? "Corrigez le champ signalé." : error.message} />
      )}
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">
          <DateField label="Date de la demande *" name="afis.application_date" required errorProps={fieldState(error, "application_date")} value={date} onChange={setDate} />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Input
            label="Enfants à charge *"
            hintText="De 0 à 20"
            {...fieldState(error, "dependent_children")}
            nativeInputProps={{ name: "afis.dependent_children", type: "number", inputMode: "numeric", min: 0, max: 20, value: children, onChange: (e) => setChildren(e.target.value) }}
          />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Input
            label="Ressources du mois précédent (€) *"
            hintText="Ressources du foyer, en euros, par exemple 250,50"
            {...fieldState(error, "resources_cents")}
            nativeInputProps={{ name: "afis.resources", inputMode: "decimal", autoComplete: "off", value: resources, onChange: (e) => setResources(e.target.value) }}
          />
        </div>
      </div>
      <RadioButtons
        legend="Droit au RSA ou à l'ADA (allocation pour demandeur d'asile) *"
        name="afis.rsa_or_ada_entitled"
        orientation="horizontal"
        className="fr-mt-2w"
        {...fieldState(error, "rsa_or_ada_entitled")}
        options={[
          { label: "Non", nativeInputProps: { value: "false", checked: !entitled, onChange: () => setEntitled(false) } },
          { label: "Oui", nativeInputProps: { value: "true", checked: entitled, onChange: () => setEntitled(true) } },
        ]}
      />
      <Select
        label="Document de séjour *"
        {...fieldState(error, "residence_document")}
        nativeSelectProps={{ name: "afis.residence_document", value: residence, onChange: (e) => setResidence(e.target.value as ResidenceDocument | "") }}
      >
        <option value="" disabled>
          Sélectionnez une option
        </option>
        {optionsOf(RESIDENCE_DOCUMENT).map(([code, label]) => (
          <option key={code} value={code}>
            {label}
          </option>
        ))}
      </Select>
      <Button type="submit" disabled={submitting}>
        Enregistrer la demande d'AFIS
      </Button>
    </form>
  );
}
