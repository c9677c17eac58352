// Every indicator of the answer, grouped by family: its value, what it rests on, its breakdown
// as a small table, and the « i » button with its definition and kind (the definition is printed
// in full under the indicator: tooltips are not printed).
import type { Indicator, Statistics } from "../../api";
import { basisText, cellText, FAMILIES, isPersonCount } from "./format";
import { InfoButton } from "./InfoButton";

function IndicatorItem({ indicator, threshold }: { indicator: Indicator; threshold: number }) {
  const basis = basisText(indicator, threshold);
  const breakdown = indicator.breakdown ?? [];
  const titleId = `indicateur-${indicator.code}`;
  return (
    <li className="parcours-indicator" data-indicator={indicator.code}>
      <div className="parcours-indicator__head">
        <h4 id={titleId} className="parcours-indicator__title">
          {indicator.label}
        </h4>
        <InfoButton indicator={indicator} idPrefix="liste" />
      </div>
      <p className="parcours-indicator__value">
        <span {...(isPersonCount(indicator) ? { "data-count": "" } : {})}>{cellText(indicator, indicator.unit)}</span>
        <span className="fr-badge fr-badge--sm fr-badge--no-icon parcours-indicator__kind">{indicator.kind_label}</span>
      </p>
      {basis !== null && <p className="fr-text--sm fr-mb-1w">{basis}</p>}
      <p className="parcours-print-only fr-text--sm fr-mb-1w">{indicator.definition}</p>
      {breakdown.length > 0 && (
        <div className="fr-table fr-table--sm fr-mb-0 parcours-indicator__table">
          <table>
            <caption className="fr-sr-only">Répartition : {indicator.label}</caption>
            <thead>
              <tr>
                <th scope="col">Catégorie</th>
                <th scope="col">Valeur</th>
              </tr>
            </thead>
            <tbody>
              {breakdown.map((b) => (
                <tr key={b.key} data-key={b.key}>
                  <th scope="row">{b.label}</th>
                  <td {...(isPersonCount(indicator) ? { "data-count": "" } : {})}>{cellText(b, "nombre")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </li>
  );
}

export function IndicatorList({ stats }: { stats: Statistics }) {
  const known = new Set(FAMILIES.map((f) => f.code));
  const families = [
    ...FAMILIES,
    // A family the server added since: shown under its code rather than dropped.
    ...[...new Set(stats.indicators.map((i) => i.family))].filter((f) => !known.has(f)).map((f) => ({ code: f, label: f })),
  ];
  return (
    <section aria-labelledby="indicateurs-titre" id="indicateurs">
      <h2 id="indicateurs-titre">Tous les indicateurs</h2>
      {families.map((family) => {
        const items = stats.indicators.filter((i) => i.family === family.code);
        if (items.length === 0) return null;
        return (
          <section key={family.code} aria-labelledby={`famille-${family.code}`} className="fr-mb-4w" data-family={family.code}>
            <h3 id={`famille-${family.code}`}>{family.label}</h3>
            <ul className="parcours-indicators">
              {items.map((i) => (
                <IndicatorItem key={i.code} indicator={i} threshold={stats.threshold} />
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}
