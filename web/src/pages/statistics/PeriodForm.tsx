// Scope and period of the dashboard: a calendar year (01/01 → 31/12, or today for the current
// year; stocks on the last day) or explicit dates typed as JJ/MM/AAAA.
import { useState, type FormEvent } from "react";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Select } from "@codegouvfr/react-dsfr/Select";
import type { ApiError, IsoDate } from "../../api";
import { DateField, isIsoDate } from "../../components/DateField";
import { FIRST_YEAR, periodYear, yearOf, yearPeriod, type ResolvedQuery, type ScopeOption } from "./period";

type Field = "scope" | "from" | "to" | "at";
type Mode = "year" | "dates";

interface Props {
  query: ResolvedQuery;
  today: IsoDate;
  /** The scopes the user may choose; empty when the scope is fixed (prefecture). */
  scopes: readonly ScopeOption[];
  /** Shown as text when the scope cannot be changed. */
  fixedScopeLabel: string;
  /** The server's refusal of the last query, shown under its field. */
  serverError: ApiError | null;
  onSubmit: (q: ResolvedQuery) => void;
  /** A calendar year only, without the choice of explicit dates (the activity report). */
  yearOnly?: boolean;
  /** The form's title and its button (default: the dashboard's). */
  title?: string;
  submitLabel?: string;
}

const FIELD_LABELS: Record<Field, string> = {
  scope: "Périmètre",
  from: "Début de la période",
  to: "Fin de la période",
  at: "Date d'observation des stocks",
};

export function PeriodForm({
  query,
  today,
  scopes,
  fixedScopeLabel,
  serverError,
  onSubmit,
  yearOnly = false,
  title = "Périmètre et période",
  submitLabel = "Afficher les statistiques",
}: Props) {
  const year = periodYear(query, today);
  const [scope, setScope] = useState(query.scope);
  const [mode, setMode] = useState<Mode>(year === null && !yearOnly ? "dates" : "year");
  const [selectedYear, setSelectedYear] = useState(year ?? yearOf(query.to));
  const [from, setFrom] = useState(query.from);
  const [to, setTo] = useState(query.to);
  const [at, setAt] = useState(query.at);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const years: number[] = [];
  for (let y = yearOf(today); y >= FIRST_YEAR; y--) years.push(y);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (mode === "year") {
      setErrors({});
      onSubmit({ scope, ...yearPeriod(selectedYear, today) });
      return;
    }
    const found: Partial<Record<Field, string>> = {};
    for (const [field, value] of [["from", from], ["to", to], ["at", at]] as const) {
      if (field === "at" && value === "") continue;
      if (!isIsoDate(value)) found[field] = "Date invalide. Format attendu : JJ/MM/AAAA, par exemple 31/12/2025.";
    }
    if (found.from === undefined && found.to === undefined && from > to) found.from = "Le début de la période doit précéder sa fin.";
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    onSubmit({ scope, from, to, at: at === "" ? to : at });
  };

  const errorOf = (field: Field): { state?: "error"; stateRelatedMessage?: string } => {
    const message = errors[field] ?? (serverError?.field === field ? serverError.message : undefined);
    return message === undefined ? {} : { state: "error", stateRelatedMessage: message };
  };

  const groups = ["Périmètre", "Régions", "Départements"] as const;
  return (
    <form onSubmit={submit} noValidate className="parcours-stats-form fr-mb-4w" aria-labelledby="perimetre-titre">
      <h2 id="perimetre-titre" className="fr-h5">
        {title}
      </h2>
      {scopes.length > 1 ? (
        <Select
          label={FIELD_LABELS.scope}
          {...errorOf("scope")}
          nativeSelectProps={{ name: "scope", value: scope, onChange: (e) => setScope(e.target.value) }}
        >
          {groups.map((group) => {
            const options = scopes.filter((s) => s.group === group);
            if (options.length === 0) return null;
            const items = options.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ));
            return group === "Périmètre" ? items : <optgroup key={group} label={group}>{items}</optgroup>;
          })}
        </Select>
      ) : (
        <p id="perimetre-fixe">
          <strong>Périmètre :</strong> {fixedScopeLabel}
        </p>
      )}
      {!yearOnly && (
        <RadioButtons
          legend="Période"
          name="period-mode"
          orientation="horizontal"
          options={[
            {
              label: "Une année civile",
              nativeInputProps: { value: "year", checked: mode === "year", onChange: () => setMode("year") },
            },
            {
              label: "Des dates choisies",
              nativeInputProps: { value: "dates", checked: mode === "dates", onChange: () => setMode("dates") },
            },
          ]}
        />
      )}
      {mode === "year" ? (
        <Select
          label="Année"
          hint="Du 01/01 au 31/12 (jusqu'à aujourd'hui pour l'année en cours) ; stocks au dernier jour."
          nativeSelectProps={{ name: "year", value: String(selectedYear), onChange: (e) => setSelectedYear(Number(e.target.value)) }}
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </Select>
      ) : (
        <div className="parcours-row">
          <DateField label={FIELD_LABELS.from} name="from" value={from} onChange={setFrom} errorProps={errorOf("from")} required />
          <DateField label={FIELD_LABELS.to} name="to" value={to} onChange={setTo} errorProps={errorOf("to")} required />
          <DateField label={FIELD_LABELS.at} name="at" value={at} onChange={setAt} errorProps={errorOf("at")} />
        </div>
      )}
      <Button type="submit">{submitLabel}</Button>
    </form>
  );
}
