import { useState, type FormEvent } from "react";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { ApiError, recordMsa, type MsaOutcome } from "../../../api";
import { DateField } from "../../../components/DateField";
import { FormError } from "../../../components/FormError";
import { fieldState } from "../../../casework/fields";
import { optionsOf } from "../../../casework/labels";
import { parseEurosToCents } from "../../../casework/money";
import { MSA_OUTCOME } from "../../../casework/rightsLabels";
import { useSubmit } from "./useSubmit";

/** The MSA's answer to one AFIS application (granted with an amount, or refused with a reason). */
export function MsaForm({ afisId, onSaved }: { afisId: number; onSaved: () => void }) {
  const [outcome, setOutcome] = useState<MsaOutcome>("granted");
  const [amount, setAmount] = useState("");
  const [firstPayment, setFirstPayment] = useState("");
  const [reason, setReason] = useState("");
  const { error, setError, submitting, run } = useSubmit();
  const prefix = `msa-${afisId}`;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    let cents: number | null = null;
    if (outcome === "granted") {
      cents = parseEurosToCents(amount);
      if (cents === null) {
        setError(new ApiError(0, "client_validation", "Montant en euros attendu, par exemple 555,36.", "amount_cents"));
        return;
      }
    }
    void run(async () => {
      await recordMsa(afisId, {
        outcome,
        ...(cents !== null ? { amount_cents: cents } : {}),
        ...(outcome === "granted" && firstPayment !== "" ? { first_payment_date: firstPayment } : {}),
        ...(outcome === "refused" ? { reason: reason.trim() } : {}),
      });
      onSaved();
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={`${prefix}-titre`} className="fr-mt-2w">
      <h5 id={`${prefix}-titre`} className="fr-text--md fr-mb-1w">
        Réponse de la MSA
      </h5>
      {error !== null && (
        <FormError level={4} title="Réponse non enregistrée" message={error.field !== undefined ? "Corrigez le champ signalé." : error.message} />
      )}
      <RadioButtons
        legend="Décision de la MSA *"
        name={`${prefix}.outcome`}
        orientation="horizontal"
        {...fieldState(error, "outcome")}
        options={optionsOf(MSA_OUTCOME).map(([code, label]) => ({
          label,
          nativeInputProps: { value: code, checked: outcome === code, onChange: () => setOutcome(code) },
        }))}
      />
      {outcome === "granted" ? (
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            <Input
              label="Montant mensuel accordé (€) *"
              hintText="Par exemple 555,36"
              {...fieldState(error, "amount_cents")}
              nativeInputProps={{ name: `${prefix}.amount`, inputMode: "decimal", autoComplete: "off", value: amount, onChange: (e) => setAmount(e.target.value) }}
            />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <DateField label="Date du premier versement" name={`${prefix}.first_payment_date`} errorProps={fieldState(error, "first_payment_date")} value={firstPayment} onChange={setFirstPayment} />
          </div>
        </div>
      ) : (
        <Input
          label="Motif du refus *"
          textArea
          {...fieldState(error, "reason")}
          nativeTextAreaProps={{ name: `${prefix}.reason`, rows: 2, value: reason, onChange: (e) => setReason(e.target.value) }}
        />
      )}
      <Button type="submit" priority="secondary" disabled={submitting}>
        Enregistrer la réponse de la MSA
      </Button>
    </form>
  );
}
