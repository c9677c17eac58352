// The key figures at the top of the dashboard (P137 indicator 3.1, entries, demandes, acceptance
// rate with its denominator, median delay from submission to decision).
import type { Indicator, Statistics } from "../../api";
import { formatDate } from "../../casework/dates";
import { basisText, cellText, isCount, isPersonCount } from "./format";
import { InfoButton } from "./InfoButton";

const KEY_CODES = ["parcours_in_progress", "entries", "demandes_submitted", "acceptance_rate", "delay_submission_to_decision"] as const;

/** Short titles of the key figures (the full label is in the definition). */
const SHORT_LABELS: Record<(typeof KEY_CODES)[number], string> = {
  parcours_in_progress: "Parcours en cours",
  entries: "Entrées en parcours",
  demandes_submitted: "Demandes déposées",
  acceptance_rate: "Taux d'acceptation",
  delay_submission_to_decision: "Délai médian du dépôt à la décision",
};

function detailOf(indicator: Indicator, stats: Statistics): string {
  switch (indicator.code) {
    case "parcours_in_progress":
      return `Au ${formatDate(stats.at)} (indicateur 3.1 du programme 137)`;
    case "entries":
    case "demandes_submitted":
      return `Du ${formatDate(stats.from)} au ${formatDate(stats.to)}`;
    default:
      return basisText(indicator, stats.threshold) ?? "";
  }
}

export function KeyFigures({ stats }: { stats: Statistics }) {
  const figures = KEY_CODES.map((code) => stats.indicators.find((i) => i.code === code)).filter((i): i is Indicator => i !== undefined);
  if (figures.length === 0) return null;
  return (
    <section aria-labelledby="chiffres-cles-titre" className="fr-mb-6w">
      <h2 id="chiffres-cles-titre">Chiffres clés</h2>
      <ul className="parcours-keyfigures" id="chiffres-cles">
        {figures.map((indicator) => (
          <li key={indicator.code} className="parcours-keyfigure" data-indicator={indicator.code}>
            <div className="parcours-indicator__head">
              <h3 className="parcours-keyfigure__title">{SHORT_LABELS[indicator.code as (typeof KEY_CODES)[number]]}</h3>
              <InfoButton indicator={indicator} idPrefix="cle" />
            </div>
            <p
              className={`parcours-keyfigure__value${indicator.value === null && !isCount(indicator) ? " parcours-keyfigure__value--text" : ""}`}
              {...(isPersonCount(indicator) ? { "data-count": "" } : {})}
            >
              {cellText(indicator, indicator.unit)}
            </p>
            <p className="parcours-keyfigure__detail">{detailOf(indicator, stats)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
