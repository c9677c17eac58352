import { useCallback, useEffect, type ReactNode } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { usePageTitle } from "../../components/usePageTitle";
import { NotFoundPage } from "../StaticPages";
import {
  directionOf,
  INFO_CONTENT,
  INFO_LANGS,
  infoPath,
  isInfoLang,
  leafletUrl,
  type InfoContent,
  type InfoItem,
  type InfoLang,
} from "./content";
import { DIRECTORY_ID, Directory } from "./Directory";
import { DEPARTEMENTS } from "./departements";
import { WithFrenchTerms } from "./FrenchTerms";
import { isPictogramKey, PICTOGRAMS } from "./pictograms";
import "./info.css";

/**
 * Sets `<html lang dir>` to the page's language while it is shown, and puts them back when leaving.
 * The header, the skip links, the footer of the Layout and the display-settings dialog stay in French:
 * they say so (`lang="fr" dir="ltr"`), so that a screen reader does not read them with an Arabic or
 * Chinese voice.
 */
function useDocumentLanguage(lang: InfoLang, dir: "ltr" | "rtl") {
  useEffect(() => {
    const html = document.documentElement;
    const previous = { lang: html.getAttribute("lang"), dir: html.getAttribute("dir") };
    html.setAttribute("lang", lang);
    html.setAttribute("dir", dir);
    const frame = [...document.querySelectorAll<HTMLElement>(".fr-skiplinks, .fr-header, .fr-footer, #fr-theme-modal")].filter(
      (el) => !el.hasAttribute("lang"),
    );
    for (const el of frame) {
      el.setAttribute("lang", "fr");
      el.setAttribute("dir", "ltr");
    }
    return () => {
      const restore = (name: "lang" | "dir", value: string | null) =>
        value === null ? html.removeAttribute(name) : html.setAttribute(name, value);
      restore("lang", previous.lang);
      restore("dir", previous.dir);
      for (const el of frame) {
        el.removeAttribute("lang");
        el.removeAttribute("dir");
      }
    };
  }, [lang, dir]);
}

function ItemPictogram({ item, content }: { item: InfoItem; content: InfoContent }) {
  if (!isPictogramKey(item.pictogram)) return null;
  const Picture = PICTOGRAMS[item.pictogram];
  return <Picture label={content.pictograms[item.pictogram]} className="parcours-info-item__pictogram" />;
}

function LanguagePicker({ current, label, search }: { current: InfoLang; label: string; search: string }) {
  return (
    <nav aria-label={label} className="parcours-info-languages fr-mb-4w" id="info-langues">
      <ul className="fr-tags-group">
        {INFO_LANGS.map((lang) => {
          const content = INFO_CONTENT[lang];
          return (
            <li key={lang}>
              <Link
                className="fr-tag"
                to={{ pathname: infoPath(lang), search }}
                lang={lang}
                hrefLang={lang}
                dir={directionOf(content)}
                aria-current={lang === current ? "page" : undefined}
              >
                {content.language_name}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function Section({
  content,
  lang,
  id,
  children,
}: {
  content: InfoContent;
  lang: InfoLang;
  id: string;
  children?: ReactNode;
}) {
  const section = content.sections.find((s) => s.id === id);
  if (section === undefined) return null;
  return (
    <section aria-labelledby={`info-${id}`} className="fr-mt-6w">
      <h2 id={`info-${id}`}>{section.heading}</h2>
      {section.paragraphs.map((p, i) => (
        <p key={i}>
          <WithFrenchTerms text={p} lang={lang} />
        </p>
      ))}
      {children}
    </section>
  );
}

function InfoContentPage({ lang }: { lang: InfoLang }) {
  const content = INFO_CONTENT[lang];
  const dir = directionOf(content);
  const [searchParams, setSearchParams] = useSearchParams();
  const asked = searchParams.get("departement") ?? "";
  // Only a département of the list reaches the API (a hand-edited address means "all").
  const departement = DEPARTEMENTS.some((d) => d.code === asked) ? asked : "";
  usePageTitle(content.title);
  useDocumentLanguage(lang, dir);

  const onDepartementChange = useCallback(
    (code: string) => setSearchParams(code === "" ? {} : { departement: code }, { replace: true }),
    [setSearchParams],
  );
  const search = departement === "" ? "" : `?departement=${encodeURIComponent(departement)}`;

  return (
    <div className="parcours-info" id="info-page" data-lang={lang}>
      <LanguagePicker current={lang} label={content.ui.language_picker} search={search} />
      <h1>{content.title}</h1>
      <p className="fr-text--lead">
        <WithFrenchTerms text={content.intro} lang={lang} />
      </p>
      <ul className="parcours-info-links fr-links-group">
        <li>
          <a
            className="fr-link fr-icon-download-line fr-link--icon-left"
            href={leafletUrl(lang)}
            hrefLang={lang}
            type="application/pdf"
            id="info-depliant"
          >
            {content.ui.leaflet_link}
          </a>
        </li>
        <li>
          <a className="fr-link" href={`#${DIRECTORY_ID}`} id="info-aller-annuaire">
            {content.ui.skip}
          </a>
        </li>
      </ul>

      <Section content={content} lang={lang} id="what" />
      <Section content={content} lang={lang} id="who" />
      <Section content={content} lang={lang} id="gives">
        <ul className="parcours-info-rights" id="info-droits">
          {content.rights.map((item) => (
            <li key={item.pictogram} className="parcours-info-item">
              <ItemPictogram item={item} content={content} />
              <div>
                <h3 className="fr-h6 fr-mb-1w">
                  <WithFrenchTerms text={item.label} lang={lang} />
                </h3>
                <p className="fr-mb-0">
                  <WithFrenchTerms text={item.text} lang={lang} />
                </p>
              </div>
            </li>
          ))}
        </ul>
        <p>
          <Link
            className="fr-link fr-icon-calculator-line fr-link--icon-left"
            to="/simulateur-afis"
            hrefLang="fr"
            id="info-simulateur"
          >
            {content.ui.simulator_link}
          </Link>
        </p>
      </Section>
      <Section content={content} lang={lang} id="how">
        <ol className="parcours-info-steps" id="info-etapes">
          {content.steps.map((item, i) => (
            <li key={`${i}-${item.label}`} className="parcours-info-step">
              <ItemPictogram item={item} content={content} />
              <p className="fr-mb-0">
                <strong className="parcours-info-step__label">
                  <WithFrenchTerms text={item.label} lang={lang} />
                </strong>{" "}
                <span className="parcours-info-step__text">
                  <WithFrenchTerms text={item.text} lang={lang} />
                </span>
              </p>
            </li>
          ))}
        </ol>
      </Section>
      <Section content={content} lang={lang} id="contact" />
      <Directory content={content} lang={lang} departement={departement} onDepartementChange={onDepartementChange} />
    </div>
  );
}

/**
 * `/info` (French) and `/info/:lang`: what the PSP is, the rights, the steps, how to reach an approved
 * association; public, no login, no cookie. Only `GET /api/v1/public/associations` is called (the Layout's
 * session check aside), and the leaflet PDF is a plain link.
 */
export default function InfoPage() {
  const { lang = "fr" } = useParams();
  if (!isInfoLang(lang)) return <NotFoundPage />;
  return <InfoContentPage key={lang} lang={lang} />;
}
