import { useEffect, useMemo, useState } from "react";
import type { InfoContent, InfoLang } from "./content";
import { DEPARTEMENTS } from "./departements";
import { WithFrenchTerms } from "./FrenchTerms";
import { fetchPublicAssociations, telHref, type PublicAssociation } from "./publicDirectory";

export const DIRECTORY_ID = "annuaire";

type State = { status: "loading" } | { status: "ready"; items: PublicAssociation[] } | { status: "unavailable" };

const DEPARTEMENT_NAMES = new Map(DEPARTEMENTS.map((d) => [d.code, d.name]));

/**
 * ISO 639-1 codes → the language names in the reader's language, joined the way that language lists
 * things ("français et anglais", "الفرنسية والإنجليزية", "法语和英语"); the code itself when the browser has no name.
 */
function languageLister(lang: InfoLang): (codes: readonly string[]) => string {
  let name = (code: string) => code;
  let join = (names: string[]) => names.join(", ");
  try {
    const names = new Intl.DisplayNames([lang], { type: "language", fallback: "code" });
    name = (code) => names.of(code) ?? code;
    const list = new Intl.ListFormat([lang], { style: "long", type: "conjunction" });
    join = (items) => list.format(items);
  } catch {
    // An old browser: codes, comma-separated.
  }
  return (codes) => join(codes.map(name));
}

/**
 * The public directory of approved associations (docs/api/partners.md, « Public »). Names and cities are
 * French proper names (`lang="fr"`). A 404 (server without the route), an error or a bad answer shows
 * `directory.unavailable`: the rest of the page stays usable.
 */
export function Directory({
  content,
  lang,
  departement,
  onDepartementChange,
}: {
  content: InfoContent;
  lang: InfoLang;
  departement: string;
  onDepartementChange: (code: string) => void;
}) {
  const text = content.directory;
  const [state, setState] = useState<State>({ status: "loading" });
  const listLanguages = useMemo(() => languageLister(lang), [lang]);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: "loading" });
    fetchPublicAssociations(departement, controller.signal)
      .then((items) => setState({ status: "ready", items }))
      .catch(() => {
        if (!controller.signal.aborted) setState({ status: "unavailable" });
      });
    return () => controller.abort();
  }, [departement]);

  return (
    <section aria-labelledby={`${DIRECTORY_ID}-titre`} id={DIRECTORY_ID} className="fr-mt-6w" tabIndex={-1}>
      <h2 id={`${DIRECTORY_ID}-titre`}>{text.heading}</h2>
      <div className="fr-select-group parcours-info-directory__select">
        <label className="fr-label" htmlFor="info-departement">
          <WithFrenchTerms text={text.departement_label} lang={lang} />
        </label>
        <select
          className="fr-select"
          id="info-departement"
          name="departement"
          value={departement}
          onChange={(e) => onDepartementChange(e.target.value)}
        >
          <option value="">{text.all}</option>
          {DEPARTEMENTS.map((d) => (
            <option key={d.code} value={d.code} lang="fr" dir="ltr">
              {d.code} — {d.name}
            </option>
          ))}
        </select>
      </div>
      <div role="status" id="info-annuaire-etat">
        {state.status === "unavailable" && (
          <div className="fr-alert fr-alert--info fr-alert--sm">
            <p>
              <WithFrenchTerms text={text.unavailable} lang={lang} />
            </p>
          </div>
        )}
        {state.status === "ready" && state.items.length === 0 && (
          <div className="fr-alert fr-alert--info fr-alert--sm">
            <p>
              <WithFrenchTerms text={text.empty} lang={lang} />
            </p>
          </div>
        )}
      </div>
      {state.status === "ready" && state.items.length > 0 && (
        <ul className="parcours-info-directory" id="info-annuaire-liste" aria-labelledby={`${DIRECTORY_ID}-titre`}>
          {state.items.map((a, i) => {
            const tel = a.phone === "" ? null : telHref(a.phone);
            const where = [a.city, DEPARTEMENT_NAMES.get(a.departement) ?? a.departement].filter((s) => s !== "");
            return (
              <li key={`${a.name}-${a.city}-${i}`} className="parcours-info-directory__item">
                <h3 className="fr-h6 fr-mb-1w" lang="fr" dir="ltr">
                  {a.name}
                </h3>
                {where.length > 0 && (
                  <p className="fr-mb-1w" lang="fr" dir="ltr">
                    {where.join(" — ")}
                  </p>
                )}
                <dl className="parcours-info-directory__facts">
                  {a.phone !== "" && (
                    <>
                      <dt>{text.phone}</dt>
                      <dd>
                        <span dir="ltr">{tel === null ? a.phone : <a href={tel}>{a.phone}</a>}</span>
                      </dd>
                    </>
                  )}
                  {a.languages.length > 0 && (
                    <>
                      <dt>{text.languages}</dt>
                      <dd>{listLanguages(a.languages)}</dd>
                    </>
                  )}
                </dl>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
