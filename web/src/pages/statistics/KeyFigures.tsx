// The key figures at the top of the dashboard (P137 indicator 3.1, entries, demandes, acceptance
// rate with its denominator, median delay from submission to decision) or of another page that
// chooses its own (the association's activity report), with a category breakdown when asked.
import type { Indicator, Statistics } from "../../api";
import { formatDate } from "../../casework/dates";
import { basisText, cellText, isCount, isPersonCount } from "./format";
import { InfoButton } from "./InfoButton";

export interface KeyFigureSpec {
  code: string;
  /** Short title (the full label is in the definition). */
  title: string;
  /** Also list the indicator's categories that are not zero (e.g. exits by reason); the full
   * table is in the list of every indicator. */
  breakdown?: boolean;
}

/** The dashboard's key figures. */
export const DASHBOARD_KEY_FIGURES: readonly KeyFigureSpec[] = [
  { code: "parcours_in_progress", title: "Parcours en cours" },
  { code: "entries", title: "Entrées en parcours" },
  { code: "demandes_submitted", title: "Demandes déposées" },
  { code: "acceptance_rate", title: "Taux d'acceptation" },
  { code: "delay_submission_to_decision", title: "Délai médian du dépôt à la décision" },
];

/** What a figure covers: the date of a stock, the period of a flow, the basis of a rate or delay. */
function detailOf(indicator: Indicator, stats: Statistics): string {
  if (indicator.code === "parcours_in_progress") return `Au ${formatDate(stats.at)} (indicateur 3.1 du programme 137)`;
  if (!isCount(indicator)) return basisText(indicator, stats.threshold) ?? "";
  switch (indicator.kind) {
    case "stock":
      return `Au ${formatDate(stats.at)}`;
    case "cumulative":
      return `Du 01/01/2017 au ${formatDate(stats.at)}`;
    default:
      return `Du ${formatDate(stats.from)} au ${formatDate(stats.to)}`;
  }
}

export function KeyFigures({ stats, figures = DASHBOARD_KEY_FIGURES }: { stats: Statistics; figures?: readonly KeyFigureSpec[] }) {
  const shown = figures
    .map((spec) => ({ spec, indicator: stats.indicators.find((i) => i.code === spec.code) }))
    .filter((f): f is { spec: KeyFigureSpec; indicator: Indicator } => f.indicator !== undefined);
  if (shown.length === 0) return null;
  return (
    <section aria-labelledby="chiffres-cles-titre" className="fr-mb-6w">
      <h2 id="chiffres-cles-titre">Chiffres clés</h2>
      <ul className="parcours-keyfigures" id="chiffres-cles">
        {shown.map(({ spec, indicator }) => {
          const count = isPersonCount(indicator) ? { "data-count": "" } : {};
          const categories = spec.breakdown ? (indicator.breakdown ?? []).filter((c) => c.suppressed || (c.value ?? 0) > 0) : [];
          return (
            <li key={indicator.code} className="parcours-keyfigure" data-indicator={indicator.code}>
              <div className="parcours-indicator__head">
                <h3 className="parcours-keyfigure__title">{spec.title}</h3>
                <InfoButton indicator={indicator} idPrefix="cle" />
              </div>
              <p
                className={`parcours-keyfigure__value${indicator.value === null && !isCount(indicator) ? " parcours-keyfigure__value--text" : ""}`}
                {...count}
              >
                {cellText(indicator, indicator.unit)}
              </p>
              <p className="parcours-keyfigure__detail">{detailOf(indicator, stats)}</p>
              {categories.length > 0 && (
                <ul className="parcours-keyfigure__breakdown" aria-label={`${spec.title} : répartition`}>
                  {categories.map((c) => (
                    <li key={c.key} data-key={c.key}>
                      {c.label} : <span {...count}>{cellText(c, "nombre")}</span>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
