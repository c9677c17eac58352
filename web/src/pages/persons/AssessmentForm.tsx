import { useState, type FormEvent } from "react";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Select } from "@codegouvfr/react-dsfr/Select";
import {
  createAssessment,
  getCriteria,
  type ApiError,
  type AssessmentOutcome,
  type AssessmentReason,
  type CriteriaGrid,
  type CriterionAnswer,
} from "../../api";
import { FormError } from "../../components/FormError";
import { Loading } from "../../components/Loading";
import { formatDate, todayIso } from "../../casework/dates";
import { anyFieldState, fieldState } from "../../casework/fields";
import { ASSESSMENT_OUTCOME, ASSESSMENT_REASON, CRITERION_ANSWER, optionsOf } from "../../casework/labels";
import { asApiError, useResource } from "../../casework/useResource";
import { DateField } from "../../components/DateField";

interface Props {
  personId: number;
  departement: string;
  onSaved: () => void;
  onCancel: () => void;
}

/** "Évaluer l'éligibilité": driven by the criteria grid in force in the département. */
export function AssessmentForm({ personId, departement, onSaved, onCancel }: Props) {
  const grid = useResource(`criteria|${departement}`, (signal) => getCriteria(departement, undefined, { signal }));
  if (grid.status === "loading") return <Loading />;
  if (grid.status === "error") {
    return <FormError level={4} title="Grille de critères indisponible" message={grid.error.message} />;
  }
  return <GridForm personId={personId} grid={grid.data} onSaved={onSaved} onCancel={onCancel} />;
}

/** The evidence hint: the grid says whether evidence is expected (a flag, or a description). */
function evidenceHint(expected: boolean | string): string {
  if (typeof expected === "string" && expected.trim() !== "") return `Éléments attendus : ${expected}`;
  return expected === true ? "Un élément de preuve est attendu pour ce critère." : "Facultatif.";
}

type AnswerState = { answer: CriterionAnswer | ""; evidence: string };

function GridForm({ personId, grid, onSaved, onCancel }: Omit<Props, "departement"> & { grid: CriteriaGrid }) {
  const [date, setDate] = useState(todayIso());
  const [answers, setAnswers] = useState<Record<string, AnswerState>>(() =>
    Object.fromEntries(grid.criteria.map((c) => [c.code, { answer: "", evidence: "" }])),
  );
  const [outcome, setOutcome] = useState<AssessmentOutcome | "">("");
  const [reason, setReason] = useState<AssessmentReason | "">("");
  const [error, setError] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const setAnswer = (code: string, patch: Partial<AnswerState>) =>
    setAnswers((all) => ({ ...all, [code]: { ...(all[code] ?? { answer: "", evidence: "" }), ...patch } }));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    setSubmitting(true);
    setError(null);
    try {
      await createAssessment(personId, {
        date,
        grid_version: grid.version,
        answers: grid.criteria.map((c) => ({
          code: c.code,
          answer: (answers[c.code]?.answer ?? "") as CriterionAnswer,
          evidence: (answers[c.code]?.evidence ?? "").trim(),
        })),
        outcome: outcome as AssessmentOutcome,
        ...(outcome !== "present" && reason !== "" ? { reason_code: reason } : {}),
      });
      onSaved();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="evaluation-form-titre" className="fr-mt-3w">
      <h3 id="evaluation-form-titre">Évaluer l'éligibilité</h3>
      <p className="fr-hint-text">
        Grille {grid.source === "national" ? "nationale" : `du département ${grid.departement}`}, version{" "}
        {grid.version}, en vigueur depuis le {formatDate(grid.valid_from)}. Chaque critère doit recevoir une
        réponse ; le dépôt d'une plainte n'est jamais exigé.
      </p>
      {error !== null && <FormError level={4} title="Évaluation non enregistrée" message={error.message} />}
      <DateField
        label="Date de l'évaluation *"
        name="assessment.date"
        required
        errorProps={fieldState(error, "date")}
        value={date}
        onChange={setDate}
      />
      <ol className="parcours-criteria">
        {grid.criteria.map((criterion, i) => {
          const current = answers[criterion.code] ?? { answer: "", evidence: "" };
          return (
            <li key={criterion.code} className="parcours-criteria__item">
              <RadioButtons
                legend={
                  <>
                    {criterion.label}{" "}
                    {criterion.blocking && (
                      <Badge as="span" small severity="warning">
                        Bloquant
                      </Badge>
                    )}
                  </>
                }
                hintText={criterion.help}
                name={`answers.${criterion.code}`}
                orientation="horizontal"
                {...anyFieldState(error, `answers[${i}].answer`, `answers[${i}]`, `answers.${criterion.code}`)}
                options={optionsOf(CRITERION_ANSWER).map(([code, label]) => ({
                  label,
                  nativeInputProps: {
                    value: code,
                    checked: current.answer === code,
                    onChange: () => setAnswer(criterion.code, { answer: code }),
                  },
                }))}
              />
              <Input
                label={`Éléments constatés — ${criterion.label}`}
                hintText={evidenceHint(criterion.evidence_expected)}
                textArea
                {...fieldState(error, `answers[${i}].evidence`)}
                nativeTextAreaProps={{
                  name: `answers.${criterion.code}.evidence`,
                  rows: 2,
                  value: current.evidence,
                  onChange: (e) => setAnswer(criterion.code, { evidence: e.target.value }),
                }}
              />
            </li>
          );
        })}
      </ol>
      <RadioButtons
        legend="Conclusion de l'évaluation *"
        name="assessment.outcome"
        {...fieldState(error, "outcome")}
        options={optionsOf(ASSESSMENT_OUTCOME).map(([code, label]) => ({
          label,
          nativeInputProps: { value: code, checked: outcome === code, onChange: () => setOutcome(code) },
        }))}
      />
      {outcome !== "" && outcome !== "present" && (
        <Select
          label="Motif *"
          hint="Ce motif alimente l'indicateur « éligible mais non présenté »"
          {...fieldState(error, "reason_code")}
          nativeSelectProps={{
            name: "assessment.reason_code",
            value: reason,
            onChange: (e) => setReason(e.target.value as AssessmentReason | ""),
          }}
        >
          <option value="" disabled>
            Sélectionner un motif
          </option>
          {optionsOf(ASSESSMENT_REASON).map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </Select>
      )}
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <Button type="submit" disabled={submitting}>
            Enregistrer l'évaluation
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
