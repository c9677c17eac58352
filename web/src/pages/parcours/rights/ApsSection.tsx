import { useState, type FormEvent } from "react";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { createAps, type Aps, type ApsStatus } from "../../../api";
import { DateField, parseFrDate } from "../../../components/DateField";
import { FormError } from "../../../components/FormError";
import { formatDate, todayIso } from "../../../casework/dates";
import { anyFieldState, fieldState } from "../../../casework/fields";
import { labelOf, optionsOf } from "../../../casework/labels";
import { APS_STATUS } from "../../../casework/rightsLabels";
import { useSubmit } from "./useSubmit";

/** "APS délivrée du 01/02/2026 au 31/07/2026" (also used on the timeline). */
export function apsSummary(aps: Aps): string {
  const status = labelOf(APS_STATUS, aps.status).toLowerCase();
  if (aps.issue_date && aps.validity_end) return `APS ${status} du ${formatDate(aps.issue_date)} au ${formatDate(aps.validity_end)}`;
  return `APS ${status} (demande du ${formatDate(aps.application_date)})`;
}

function ApsTable({ items }: { items: Aps[] }) {
  if (items.length === 0) return <p>Aucune autorisation provisoire de séjour enregistrée.</p>;
  return (
    <Table
      caption="Autorisations provisoires de séjour"
      headers={["Demande", "Récépissés", "Délivrée le", "Valable jusqu'au", "Travail", "État", "CIR / titre ultérieur"]}
      data={items.map((a) => [
        formatDate(a.application_date),
        a.receipt_dates.length === 0 ? "—" : a.receipt_dates.map(formatDate).join(", "),
        formatDate(a.issue_date),
        formatDate(a.validity_end),
        a.right_to_work ? "Autorisé" : "Non autorisé",
        `${labelOf(APS_STATUS, a.status)}${a.reason ? ` — ${a.reason}` : ""}`,
        [a.cir_signed_date ? `CIR signé le ${formatDate(a.cir_signed_date)}` : "", a.later_title ?? ""].filter(Boolean).join(" ; ") || "—",
      ])}
    />
  );
}

function ApsForm({ parcoursId, onSaved }: { parcoursId: number; onSaved: () => void }) {
  const [application, setApplication] = useState(todayIso());
  const [receipts, setReceipts] = useState("");
  const [issue, setIssue] = useState("");
  const [validityEnd, setValidityEnd] = useState("");
  const [work, setWork] = useState(true);
  const [status, setStatus] = useState<ApsStatus>("requested");
  const [reason, setReason] = useState("");
  const [cir, setCir] = useState("");
  const [laterTitle, setLaterTitle] = useState("");
  const { error, submitting, run } = useSubmit();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const opt = (key: string, value: string) => (value.trim() !== "" ? { [key]: value.trim() } : {});
    void run(async () => {
      await createAps(parcoursId, {
        application_date: application,
        receipt_dates: receipts.split(/[\s,;]+/).filter((d) => d !== "").map(parseFrDate),
        right_to_work: work,
        status,
        ...opt("issue_date", issue),
        ...opt("validity_end", validityEnd),
        ...opt("reason", reason),
        ...opt("cir_signed_date", cir),
        ...opt("later_title", laterTitle),
      });
      onSaved();
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="aps-form-titre" className="fr-mt-3w">
      <h4 id="aps-form-titre" className="fr-h6">
        Enregistrer une APS
      </h4>
      {error !== null && <FormError level={4} title="APS non enregistrée" message={error.message} />}
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">
          <DateField label="Date de la demande *" name="aps.application_date" required errorProps={fieldState(error, "application_date")} value={application} onChange={setApplication} />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <DateField label="Délivrée le" name="aps.issue_date" errorProps={fieldState(error, "issue_date")} value={issue} onChange={setIssue} />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <DateField label="Valable jusqu'au" name="aps.validity_end" errorProps={fieldState(error, "validity_end")} value={validityEnd} onChange={setValidityEnd} />
        </div>
      </div>
      <Input
        label="Dates des récépissés"
        hintText="JJ/MM/AAAA, séparées par des virgules"
        {...anyFieldState(error, "receipt_dates", ...[0, 1, 2, 3, 4].map((i) => `receipt_dates[${i}]`))}
        nativeInputProps={{ name: "aps.receipt_dates", autoComplete: "off", value: receipts, onChange: (e) => setReceipts(e.target.value) }}
      />
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <Select label="État *" {...fieldState(error, "status")} nativeSelectProps={{ name: "aps.status", value: status, onChange: (e) => setStatus(e.target.value as ApsStatus) }}>
            {optionsOf(APS_STATUS).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Input label="Motif (refus, retrait)" {...fieldState(error, "reason")} nativeInputProps={{ name: "aps.reason", value: reason, onChange: (e) => setReason(e.target.value) }} />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <DateField label="Contrat d'intégration républicaine signé le" name="aps.cir_signed_date" errorProps={fieldState(error, "cir_signed_date")} value={cir} onChange={setCir} />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Input label="Titre de séjour obtenu ensuite" {...fieldState(error, "later_title")} nativeInputProps={{ name: "aps.later_title", value: laterTitle, onChange: (e) => setLaterTitle(e.target.value) }} />
        </div>
      </div>
      <Checkbox
        className="fr-mt-2w"
        {...fieldState(error, "right_to_work")}
        options={[{ label: "Autorisation de travail", nativeInputProps: { name: "aps.right_to_work", checked: work, onChange: (e) => setWork(e.target.checked) } }]}
      />
      <Button type="submit" priority="secondary" disabled={submitting}>
        Enregistrer l'APS
      </Button>
    </form>
  );
}

/** APS (temporary residence permit, persons who are not French or EU/EEA/Swiss). */
export function ApsSection({ parcoursId, items, canEdit, onChanged }: { parcoursId: number; items: Aps[]; canEdit: boolean; onChanged: () => void }) {
  return (
    <section aria-labelledby="aps-titre" className="parcours-subsection">
      <h3 id="aps-titre">Autorisation provisoire de séjour (APS)</h3>
      <p className="fr-text--sm">
        Pour les personnes qui ne sont pas ressortissantes de l'Union européenne, de l'EEE ou de la Suisse : 6 mois au moins
        à compter de la délivrance, avec autorisation de travail.
      </p>
      <ApsTable items={items} />
      {canEdit && <ApsForm parcoursId={parcoursId} onSaved={onChanged} />}
    </section>
  );
}
