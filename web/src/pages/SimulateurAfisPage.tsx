import { useRef, useState, type FormEvent } from "react";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { ApiError, simulateAfis, type AfisSimulation, type Territory } from "../api";
import { DateField, isIsoDate } from "../components/DateField";
import { FormError } from "../components/FormError";
import { LegalRowsTable } from "../components/LegalRowsTable";
import { usePageTitle } from "../components/usePageTitle";
import { formatDate, todayIso } from "../casework/dates";
import { fieldState } from "../casework/fields";
import { labelOf, optionsOf } from "../casework/labels";
import { formatCents } from "../casework/money";
import { TERRITORY } from "../casework/rightsLabels";
import { asApiError } from "../casework/useResource";

function childrenText(n: number): string {
  if (n === 0) return "sans enfant à charge";
  return `${n} enfant${n > 1 ? "s" : ""} à charge`;
}

function Result({ result }: { result: AfisSimulation }) {
  return (
    <div className="parcours-panel fr-mt-4w" id="afis-resultat">
      <h2 id="afis-resultat-titre" className="fr-h4" tabIndex={-1}>
        Montant mensuel de l'AFIS
      </h2>
      <p className="fr-text--lead fr-mb-1w">
        <strong className="parcours-amount" id="afis-montant">
          {formatCents(result.amount_cents)}
        </strong>{" "}
        par mois
      </p>
      <p>
        Au {formatDate(result.date)}, {childrenText(result.children)}, {labelOf(TERRITORY, result.territory)}.
      </p>
      <p id="afis-formule">
        Calcul : <span className="parcours-formula">{result.formula}</span> = {formatCents(result.amount_cents)}
      </p>
      <LegalRowsTable rows={result.rows} caption="Barème appliqué (paramètres légaux datés)" />
      <p className="fr-text--sm" id="afis-article">
        Base légale : {result.article}
      </p>
    </div>
  );
}

/** Public page: the monthly AFIS amount on a date, from the dated scale held by the server. */
export function SimulateurAfisPage() {
  usePageTitle("Simulateur AFIS");
  const [date, setDate] = useState(todayIso());
  const [children, setChildren] = useState("0");
  const [territory, setTerritory] = useState<Territory>("metropole");
  const [error, setError] = useState<ApiError | null>(null);
  const [result, setResult] = useState<AfisSimulation | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const resultRef = useRef<HTMLDivElement>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    if (!isIsoDate(date)) {
      setResult(null);
      setError(new ApiError(0, "client_validation", "Saisissez une date au format JJ/MM/AAAA, par exemple 01/01/2024.", "date"));
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      const answer = await simulateAfis({ date, children: children.trim(), territory });
      setResult(answer);
      requestAnimationFrame(() => resultRef.current?.querySelector<HTMLElement>("h2")?.focus());
    } catch (e) {
      setResult(null);
      setError(asApiError(e));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-lg-10">
        <h1>Simulateur AFIS</h1>
        <p className="fr-text--lead">
          L'aide financière à l'insertion sociale et professionnelle (AFIS) est versée par la MSA aux personnes
          engagées dans un parcours de sortie de la prostitution qui remplissent les conditions de ressources et de
          séjour. Ce simulateur donne le montant mensuel prévu par le barème en vigueur à la date choisie.
        </p>
        <p>
          Le montant affiché est indicatif : seule la MSA décide de l'attribution et du montant versé.
        </p>
        {error !== null && (
          <FormError
            title="Calcul impossible"
            message={error.field !== undefined ? "Corrigez le champ signalé ci-dessous." : error.message}
          />
        )}
        <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Simulation du montant de l'AFIS">
          <p className="fr-hint-text">Tous les champs sont obligatoires.</p>
          <div className="fr-grid-row fr-grid-row--gutters">
            <div className="fr-col-12 fr-col-md-6">
              <DateField label="Date" name="date" required errorProps={fieldState(error, "date")} value={date} onChange={setDate} />
            </div>
            <div className="fr-col-12 fr-col-md-6">
              <Input
                label="Nombre d'enfants à charge"
                hintText="De 0 à 20"
                {...fieldState(error, "children")}
                nativeInputProps={{
                  name: "children",
                  type: "number",
                  inputMode: "numeric",
                  min: 0,
                  max: 20,
                  step: 1,
                  required: true,
                  value: children,
                  onChange: (e) => setChildren(e.target.value),
                }}
              />
            </div>
          </div>
          <RadioButtons
            legend="Territoire"
            name="territory"
            orientation="horizontal"
            {...fieldState(error, "territory")}
            options={optionsOf(TERRITORY).map(([code, label]) => ({
              label,
              nativeInputProps: { value: code, checked: territory === code, onChange: () => setTerritory(code) },
            }))}
          />
          <Button type="submit" disabled={submitting} iconId="fr-icon-calculator-line">
            Calculer le montant
          </Button>
        </form>
        <div ref={resultRef} aria-live="polite">
          {result !== null && <Result result={result} />}
        </div>
      </div>
    </div>
  );
}
