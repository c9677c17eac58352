import { Fragment } from "react";
import type { InfoLang } from "./content";

// The French words kept in the other languages' texts (the legal names of the PSP, the AFIS and the APS,
// « préfet », « département »). RGAA 8.7: a change of language is marked, so that a screen reader switches
// voice; `dir="ltr"` also isolates them inside Arabic sentences.
const FRENCH_TERMS =
  /(parcours de sortie de la prostitution et d'insertion sociale et professionnelle|aide financière à l'insertion sociale et professionnelle|autorisation provisoire de séjour|départements?|préfet)/;

/** A text of content/info/{lang}.json, its French terms marked `lang="fr"` (as is on the French page). */
export function WithFrenchTerms({ text, lang }: { text: string; lang: InfoLang }) {
  if (lang === "fr") return <>{text}</>;
  const parts = text.split(FRENCH_TERMS);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <span key={i} lang="fr" dir="ltr">
            {part}
          </span>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}
