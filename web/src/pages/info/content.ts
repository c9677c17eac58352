// The public information texts, one JSON file a language in content/info/ at the repository root
// (French is the reference; the server renders the printable leaflet from the same files).
// They are bundled at build time into the chunk of the /info page: no request, no cookie.
import ar from "../../../../content/info/ar.json";
import bg from "../../../../content/info/bg.json";
import en from "../../../../content/info/en.json";
import es from "../../../../content/info/es.json";
import fr from "../../../../content/info/fr.json";
import pt from "../../../../content/info/pt.json";
import ro from "../../../../content/info/ro.json";
import zh from "../../../../content/info/zh.json";
import type { PictogramKey } from "./pictograms";

export const INFO_LANGS = ["fr", "en", "es", "pt", "ro", "bg", "ar", "zh"] as const;
export type InfoLang = (typeof INFO_LANGS)[number];

export interface InfoItem {
  pictogram: string;
  label: string;
  text: string;
}

/** The shape of content/info/{lang}.json (every file is checked against it by `tsc`). */
export interface InfoContent {
  lang: string;
  dir: string;
  language_name: string;
  title: string;
  intro: string;
  sections: { id: string; heading: string; paragraphs: string[] }[];
  rights: InfoItem[];
  steps: InfoItem[];
  pictograms: Record<PictogramKey, string>;
  leaflet: { title: string; lines: string[]; contact: string };
  directory: {
    heading: string;
    departement_label: string;
    all: string;
    empty: string;
    phone: string;
    languages: string;
    unavailable: string;
  };
  ui: { language_picker: string; leaflet_link: string; simulator_link: string; skip: string };
}

export const INFO_CONTENT: Record<InfoLang, InfoContent> = { fr, en, es, pt, ro, bg, ar, zh };

export function isInfoLang(value: string): value is InfoLang {
  return (INFO_LANGS as readonly string[]).includes(value);
}

export function directionOf(content: InfoContent): "ltr" | "rtl" {
  return content.dir === "rtl" ? "rtl" : "ltr";
}

/** The address of a language's page: `/info` is the French one. */
export function infoPath(lang: InfoLang): string {
  return lang === "fr" ? "/info" : `/info/${lang}`;
}

/** The one-page leaflet the server renders from the same file (docs/api/partners.md, « Public »). */
export function leafletUrl(lang: InfoLang): string {
  return `/api/v1/public/info/${lang}/leaflet.pdf`;
}
