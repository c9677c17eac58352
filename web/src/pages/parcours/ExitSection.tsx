import { useState, type FormEvent } from "react";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import {
  exitParcours,
  type ApiError,
  type ExitOutcome,
  type ExitOutcomeView,
  type ExitReason,
  type Parcours,
} from "../../api";
import { FormError } from "../../components/FormError";
import { formatDate, todayIso } from "../../casework/dates";
import { fieldState } from "../../casework/fields";
import {
  EXIT_ACTIVITY,
  EXIT_HOUSING,
  EXIT_INCOME_SOURCE,
  EXIT_REASON,
  EXIT_RESIDENCE_TITLE,
  labelOf,
  optionsOf,
} from "../../casework/labels";
import { asApiError } from "../../casework/useResource";
import { DateField } from "../../components/DateField";

type OutcomeCode = Exclude<keyof ExitOutcome, "notes">;

/** The four coded fields of the situation at exit, with their French labels (« Non renseigné » first). */
const OUTCOME_FIELDS: { key: OutcomeCode; label: string; labels: Readonly<Record<string, string>> }[] = [
  { key: "housing", label: "Logement", labels: EXIT_HOUSING },
  { key: "activity", label: "Activité", labels: EXIT_ACTIVITY },
  { key: "residence_title", label: "Droit au séjour", labels: EXIT_RESIDENCE_TITLE },
  { key: "income_source", label: "Ressources", labels: EXIT_INCOME_SOURCE },
];

/** The server's `*_label`, else our own label of the code. */
function outcomeLabel(outcome: ExitOutcomeView, key: OutcomeCode, labels: Readonly<Record<string, string>>): string {
  const label = outcome[`${key}_label`];
  if (label !== undefined && label !== "") return label;
  return labelOf(labels, outcome[key] ?? "unknown");
}

/** Reasons after which the notification date and written reasons are expected. */
const NEEDS_REASONS = new Set<string>(["not_renewed", "ended_early_prefect"]);

interface Props {
  parcours: Parcours;
  canEdit: boolean;
  onExited: (p: Parcours) => void;
}

export function ExitSection({ parcours, canEdit, onExited }: Props) {
  const [open, setOpen] = useState(false);
  if (parcours.exit !== null) {
    const { exit } = parcours;
    return (
      <section aria-labelledby="sortie-titre" className="fr-mt-6w">
        <h2 id="sortie-titre">Sortie du parcours</h2>
        <p>
          Sortie le {formatDate(exit.date)} : {labelOf(EXIT_REASON, exit.reason)}.
        </p>
        {exit.outcome !== null && (
          <>
            <h3 className="fr-h6">Situation à la sortie</h3>
            <dl className="parcours-dl" id="sortie-situation">
              {OUTCOME_FIELDS.map(({ key, label, labels }) => (
                <div key={key} className="parcours-dl__item">
                  <dt>{label}</dt>
                  <dd data-code={exit.outcome?.[key] ?? "unknown"}>{outcomeLabel(exit.outcome ?? {}, key, labels)}</dd>
                </div>
              ))}
            </dl>
            {exit.outcome.notes !== undefined && exit.outcome.notes.trim() !== "" && (
              <dl className="parcours-dl parcours-dl--wide">
                <div className="parcours-dl__item">
                  <dt>Précisions</dt>
                  <dd className="parcours-prewrap">{exit.outcome.notes}</dd>
                </div>
              </dl>
            )}
          </>
        )}
      </section>
    );
  }
  if (!canEdit) return null;
  return (
    <section aria-labelledby="sortie-titre" className="fr-mt-6w">
      <h2 id="sortie-titre">Clore le parcours</h2>
      {open ? (
        <ExitForm parcoursId={parcours.id} onCancel={() => setOpen(false)} onExited={onExited} />
      ) : (
        <Button priority="secondary" iconId="fr-icon-logout-box-r-line" onClick={() => setOpen(true)}>
          Clore le parcours
        </Button>
      )}
    </section>
  );
}

function ExitForm(props: { parcoursId: number; onCancel: () => void; onExited: (p: Parcours) => void }) {
  const [date, setDate] = useState(todayIso());
  const [reason, setReason] = useState<ExitReason | "">("");
  const [reasons, setReasons] = useState("");
  const [notifiedOn, setNotifiedOn] = useState("");
  const [outcome, setOutcome] = useState<ExitOutcome>({
    housing: "unknown",
    activity: "unknown",
    residence_title: "unknown",
    income_source: "unknown",
    notes: "",
  });
  const [error, setError] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    setSubmitting(true);
    setError(null);
    try {
      const updated = await exitParcours(props.parcoursId, {
        date,
        reason,
        ...(reasons.trim() !== "" ? { reasons: reasons.trim() } : {}),
        ...(notifiedOn !== "" ? { notified_on: notifiedOn } : {}),
        outcome: { ...outcome, notes: outcome.notes.trim() },
      });
      props.onExited(updated);
    } catch (e) {
      setError(asApiError(e));
      setSubmitting(false);
    }
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Clore le parcours">
      {error !== null && <FormError level={3} title="Clôture impossible" message={error.message} />}
      <DateField
        label="Date de sortie *"
        name="exit.date"
        required
        errorProps={fieldState(error, "date")}
        value={date}
        onChange={setDate}
      />
      <Select
        label="Motif de sortie *"
        {...fieldState(error, "reason")}
        nativeSelectProps={{ name: "exit.reason", value: reason, onChange: (e) => setReason(e.target.value as ExitReason | "") }}
      >
        <option value="" disabled>
          Sélectionner un motif
        </option>
        {optionsOf(EXIT_REASON).map(([code, label]) => (
          <option key={code} value={code}>
            {label}
          </option>
        ))}
      </Select>
      <Input
        label={NEEDS_REASONS.has(reason) ? "Motifs écrits *" : "Motifs écrits"}
        hintText="Obligatoires pour un non-renouvellement ou une fin anticipée décidée par le préfet"
        textArea
        {...fieldState(error, "reasons")}
        nativeTextAreaProps={{ name: "exit.reasons", rows: 3, value: reasons, onChange: (e) => setReasons(e.target.value) }}
      />
      <DateField
        label={NEEDS_REASONS.has(reason) ? "Date de notification *" : "Date de notification"}
        name="exit.notified_on"
        errorProps={fieldState(error, "notified_on")}
        value={notifiedOn}
        onChange={setNotifiedOn}
      />
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend">Situation à la sortie</legend>
        {OUTCOME_FIELDS.map(({ key, label, labels }) => (
          <div key={key} className="fr-fieldset__element">
            <Select
              label={label}
              {...fieldState(error, `outcome.${key}`)}
              nativeSelectProps={{
                name: `exit.outcome.${key}`,
                value: outcome[key],
                onChange: (e) => setOutcome((o) => ({ ...o, [key]: e.target.value })),
              }}
            >
              {optionsOf(labels).map(([code, text]) => (
                <option key={code} value={code}>
                  {text}
                </option>
              ))}
            </Select>
          </div>
        ))}
        <div className="fr-fieldset__element">
          <Input
            label="Précisions"
            hintText="Facultatif : ce que les listes ne disent pas (par exemple : type de contrat, démarches en cours)"
            textArea
            {...fieldState(error, "outcome.notes")}
            nativeTextAreaProps={{
              name: "exit.outcome.notes",
              rows: 3,
              maxLength: 2000,
              value: outcome.notes,
              onChange: (e) => setOutcome((o) => ({ ...o, notes: e.target.value })),
            }}
          />
        </div>
      </fieldset>
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <Button type="submit" disabled={submitting}>
            Clore le parcours
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
