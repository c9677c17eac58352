import { useState, type FormEvent } from "react";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { createHousing, type Housing, type HousingType } from "../../../api";
import { DateField } from "../../../components/DateField";
import { FormError } from "../../../components/FormError";
import { formatDate } from "../../../casework/dates";
import { fieldState } from "../../../casework/fields";
import { labelOf, optionsOf } from "../../../casework/labels";
import { HOUSING_TYPE } from "../../../casework/rightsLabels";
import { useSubmit } from "./useSubmit";

function HousingForm({ parcoursId, onSaved }: { parcoursId: number; onSaved: () => void }) {
  const [type, setType] = useState<HousingType>("chrs");
  const [siao, setSiao] = useState("");
  const [start, setStart] = useState("");
  const [end, setEnd] = useState("");
  const { error, submitting, run } = useSubmit();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(async () => {
      await createHousing(parcoursId, {
        type,
        ...(siao !== "" ? { siao_request_date: siao } : {}),
        ...(start !== "" ? { start } : {}),
        ...(end !== "" ? { end } : {}),
      });
      setSiao("");
      setStart("");
      setEnd("");
      onSaved();
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="logement-form-titre" className="fr-mt-3w">
      <h4 id="logement-form-titre" className="fr-h6">
        Enregistrer un hébergement ou un logement
      </h4>
      {error !== null && <FormError level={4} title="Hébergement non enregistré" message={error.message} />}
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <Select label="Type *" {...fieldState(error, "type")} nativeSelectProps={{ name: "housing.type", value: type, onChange: (e) => setType(e.target.value as HousingType) }}>
            {optionsOf(HOUSING_TYPE).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <DateField label="Demande au SIAO le" name="housing.siao_request_date" errorProps={fieldState(error, "siao_request_date")} value={siao} onChange={setSiao} />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <DateField label="Entrée le" name="housing.start" errorProps={fieldState(error, "start")} value={start} onChange={setStart} />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <DateField label="Sortie le" name="housing.end" errorProps={fieldState(error, "end")} value={end} onChange={setEnd} />
        </div>
      </div>
      <Button type="submit" priority="secondary" disabled={submitting}>
        Enregistrer l'hébergement
      </Button>
    </form>
  );
}

export function HousingSection({ parcoursId, items, canEdit, onChanged }: { parcoursId: number; items: Housing[]; canEdit: boolean; onChanged: () => void }) {
  return (
    <section aria-labelledby="logement-titre" className="parcours-subsection">
      <h3 id="logement-titre">Hébergement et logement</h3>
      {items.length === 0 ? (
        <p>Aucun hébergement ni logement enregistré.</p>
      ) : (
        <Table
          caption="Hébergements et logements"
          headers={["Type", "Demande au SIAO", "Entrée", "Sortie"]}
          data={items.map((h) => [labelOf(HOUSING_TYPE, h.type), formatDate(h.siao_request_date), formatDate(h.start), formatDate(h.end)])}
        />
      )}
      {canEdit && <HousingForm parcoursId={parcoursId} onSaved={onChanged} />}
    </section>
  );
}
