// French display of the statistics: numbers with a decimal comma and narrow no-break spaces,
// masked cells as the server writes them ("< 11", "secret statistique").
import type { Indicator, StatsCell } from "../../api";

/** U+202F, the narrow no-break space of French typography (thousands, before "%"). */
export const NNBSP = "\u202f";
/** U+00A0, between a number and a unit written as a word ("12 jours"). */
export const NBSP = "\u00a0";

const INTEGER = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });
const ONE_DECIMAL = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** 12345 → "12 345" (narrow no-break space). */
export const formatCount = (n: number) => INTEGER.format(n);

/** A figure of the unit ("nombre", "%", "jours", "mois") in French. */
export function formatValue(value: number, unit: string): string {
  switch (unit) {
    case "%":
      return `${ONE_DECIMAL.format(value)}${NNBSP}%`;
    case "jours":
      return `${INTEGER.format(value)}${NBSP}jour${Math.abs(value) >= 2 ? "s" : ""}`;
    case "mois":
      return `${ONE_DECIMAL.format(value)}${NBSP}mois`;
    default:
      return INTEGER.format(value);
  }
}

/** A cell as shown: its value formatted, or the server's text when masked or empty. */
export function cellText(cell: StatsCell, unit: string): string {
  if (cell.suppressed || cell.value === null) return cell.display;
  return formatValue(cell.value, unit);
}

export const isCount = (indicator: Pick<Indicator, "unit">) => indicator.unit === "nombre";

/** A count of persons (or of their demandes, parcours…): what statistical confidentiality covers.
 * Commissions, séances, agréments and members are not persons and are never masked. */
export const isPersonCount = (indicator: Pick<Indicator, "unit" | "family">) =>
  isCount(indicator) && indicator.family !== "commission";

/** Whether any cell of the answer is masked (the explanation is then shown once on the page). */
export function anySuppressed(indicators: readonly Indicator[]): boolean {
  return indicators.some(
    (i) => i.suppressed || (i.breakdown ?? []).some((c) => c.suppressed) || (i.by_departement ?? []).some((c) => c.suppressed),
  );
}

export const FAMILIES: ReadonlyArray<{ code: string; label: string }> = [
  { code: "demandes", label: "Demandes" },
  { code: "delais", label: "Délais" },
  { code: "parcours", label: "Parcours" },
  { code: "personnes", label: "Personnes" },
  { code: "droits", label: "Droits" },
  { code: "commission", label: "Commission" },
];

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n >= 2 ? many : one}`;

/** What a rate, a delay or a mean rests on, in French ("12 autorisées sur 15 décisions"). */
export function basisText(indicator: Indicator, threshold: number): string | null {
  const d = indicator.denominator;
  const n = indicator.numerator;
  const secret = (what: string) => `Moins de ${threshold} ${what} sur la période (secret statistique).`;
  if (indicator.unit === "%") {
    // validated_requests_rate rests on the demandes submitted; the other rates on the decisions.
    const submitted = indicator.code === "validated_requests_rate";
    const granted = indicator.code === "renewal_rate" ? ["accordé", "accordés"] : ["autorisée", "autorisées"];
    const [one, many] = submitted ? ["demande déposée", "demandes déposées"] : ["décision", "décisions"];
    if (d === null || d === undefined) return secret(many);
    if (d === 0) return submitted ? "Aucune demande déposée sur la période." : "Aucune décision sur la période.";
    if (n === null || n === undefined) return `Sur ${plural(d, one, many)}.`;
    return `${plural(n, granted[0]!, granted[1]!)} ${submitted ? "pour" : "sur"} ${plural(d, one, many)}`;
  }
  if (indicator.unit === "jours") {
    if (d === null || d === undefined) return secret("cas");
    if (d === 0) return "Aucun cas sur la période.";
    const p90 = indicator.p90 === null || indicator.p90 === undefined ? "" : ` ; 9 sur 10 en ${formatValue(indicator.p90, "jours")} ou moins`;
    return `Médiane sur ${formatCount(d)} cas${p90}`;
  }
  if (indicator.unit === "mois") {
    if (d === null || d === undefined) return secret("parcours clos");
    if (d === 0) return "Aucun parcours clos sur la période.";
    return `Moyenne sur ${formatCount(d)} parcours clos`;
  }
  return null;
}
