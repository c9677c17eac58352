// Five years of the scope: parcours in progress at the end of each year (P137 indicator 3.1) and
// entries during it, one GET /stats per year. A bar chart, and right under it the table it draws.
import { getStatistics, type IsoDate, type Statistics, type StatsCell } from "../../api";
import { formatDate } from "../../casework/dates";
import { useResource } from "../../casework/useResource";
import { Loading } from "../../components/Loading";
import { cellText, formatCount } from "./format";
import { yearPeriod } from "./period";

export const SERIES_YEARS = 5;

const SERIES = [
  { code: "parcours_in_progress", label: "Parcours en cours en fin d'année", tone: "a" },
  { code: "entries", label: "Entrées en parcours dans l'année", tone: "b" },
] as const;

interface YearFigures {
  year: number;
  at: IsoDate;
  cells: StatsCell[];
}

const EMPTY: StatsCell = { value: null, suppressed: false, display: "—" };

function figuresOf(year: number, stats: Statistics): YearFigures {
  return {
    year,
    at: stats.at,
    cells: SERIES.map((s) => {
      const i = stats.indicators.find((x) => x.code === s.code);
      return i === undefined ? EMPTY : { value: i.value, suppressed: i.suppressed, display: i.display };
    }),
  };
}

/** The axis of counts: a round integer step (1, 2, 5 × 10^n) and a top that is a multiple of it. */
export function countAxis(max: number): { top: number; ticks: number[] } {
  if (max <= 0) return { top: 10, ticks: [0] };
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(Math.max(rough, 1)));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power);
  const top = step * Math.ceil(max / step);
  const ticks: number[] = [];
  for (let t = 0; t <= top; t += step) ticks.push(t);
  return { top, ticks };
}

export function TimeSeries({ scope, endYear, today }: { scope: string; endYear: number; today: IsoDate }) {
  const years = Array.from({ length: SERIES_YEARS }, (_, i) => endYear - SERIES_YEARS + 1 + i);
  const series = useResource(`${scope}|${endYear}|${today}`, (signal) =>
    Promise.all(years.map((y) => getStatistics({ scope, ...yearPeriod(y, today) }, { signal }).then((s) => figuresOf(y, s)))),
  );
  return (
    <section aria-labelledby="evolution-titre" className="fr-mb-6w" id="evolution">
      <h2 id="evolution-titre">
        Évolution de {years[0]} à {endYear}
      </h2>
      {series.status === "loading" && <Loading />}
      {series.status === "error" && <p className="fr-error-text">Évolution indisponible : {series.error.message}</p>}
      {series.status === "ready" && <Chart rows={series.data} />}
    </section>
  );
}

const W = 640;
const H = 260;
const M = { top: 20, right: 8, bottom: 28, left: 48 };

function Chart({ rows }: { rows: YearFigures[] }) {
  const values = rows.flatMap((r) => r.cells.map((c) => (c.suppressed || c.value === null ? 0 : c.value)));
  // No scale when every value is masked or zero: the bars' labels say it all.
  const { top, ticks } = countAxis(Math.max(...values));
  const plotH = H - M.top - M.bottom;
  const plotW = W - M.left - M.right;
  const slot = plotW / rows.length;
  const barW = Math.min(36, (slot * 0.7) / SERIES.length);
  const y = (v: number) => M.top + plotH - (v / top) * plotH;
  const endLabel = (r: YearFigures) => (r.at.endsWith("-12-31") ? `31/12/${r.year}` : formatDate(r.at));
  return (
    <figure className="parcours-chart" aria-labelledby="evolution-legende">
      <ul className="parcours-chart__legend" aria-hidden="true">
        {SERIES.map((s) => (
          <li key={s.code}>
            <span className={`parcours-chart__swatch parcours-chart__bar--${s.tone}`} /> {s.label}
          </li>
        ))}
      </ul>
      <svg className="parcours-chart__svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Graphique en barres. Les valeurs figurent dans le tableau qui suit." xmlns="http://www.w3.org/2000/svg">
        {ticks.map((t) => (
          <g key={t}>
            <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} className="parcours-chart__grid" />
            <text x={M.left - 6} y={y(t) + 4} className="parcours-chart__tick" textAnchor="end">
              {formatCount(t)}
            </text>
          </g>
        ))}
        {rows.map((r, i) => {
          const x0 = M.left + i * slot + (slot - barW * SERIES.length) / 2;
          return (
            <g key={r.year}>
              {r.cells.map((c, k) => {
                const x = x0 + k * barW;
                const v = c.suppressed || c.value === null ? 0 : c.value;
                return (
                  <g key={SERIES[k]!.code}>
                    {v > 0 && <rect x={x + 1} width={barW - 2} y={y(v)} height={y(0) - y(v)} className={`parcours-chart__bar--${SERIES[k]!.tone}`} />}
                    <text x={x + barW / 2} y={y(v) - 4} textAnchor="middle" className="parcours-chart__value" data-count="">
                      {c.suppressed ? c.display : cellText(c, "nombre")}
                    </text>
                  </g>
                );
              })}
              <text x={M.left + i * slot + slot / 2} y={H - 8} textAnchor="middle" className="parcours-chart__tick">
                {r.year}
              </text>
            </g>
          );
        })}
        <line x1={M.left} x2={W - M.right} y1={y(0)} y2={y(0)} className="parcours-chart__axis" />
      </svg>
      <figcaption id="evolution-legende" className="fr-text--sm fr-mt-1w">
        {SERIES[0].label} (indicateur 3.1 du programme 137, au 31/12 ou à la date du jour pour l'année en cours) et {SERIES[1].label.toLowerCase()}.
      </figcaption>
      <div className="fr-table fr-table--sm fr-mt-2w">
        <table id="evolution-tableau">
          <caption>Valeurs du graphique, par année</caption>
          <thead>
            <tr>
              <th scope="col">Année</th>
              {SERIES.map((s) => (
                <th scope="col" key={s.code}>
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.year} data-year={r.year}>
                <th scope="row">
                  {r.year}
                  {r.at.endsWith("-12-31") ? "" : ` (au ${endLabel(r)})`}
                </th>
                {r.cells.map((c, k) => (
                  <td key={SERIES[k]!.code} data-count="" data-indicator={SERIES[k]!.code}>
                    {cellText(c, "nombre")}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
