// Common nationalities (ISO 3166-1 alpha-3) offered first; any other 3-letter code can be typed.

export const COMMON_NATIONALITIES: readonly (readonly [string, string])[] = [
  ["FRA", "France"],
  ["NGA", "Nigeria"],
  ["ROU", "Roumanie"],
  ["BGR", "Bulgarie"],
  ["CHN", "Chine"],
  ["CMR", "Cameroun"],
  ["CIV", "Côte d'Ivoire"],
  ["GHA", "Ghana"],
  ["BRA", "Brésil"],
  ["COL", "Colombie"],
  ["PER", "Pérou"],
  ["VEN", "Venezuela"],
  ["DOM", "République dominicaine"],
  ["ECU", "Équateur"],
  ["PRY", "Paraguay"],
  ["ESP", "Espagne"],
  ["PRT", "Portugal"],
  ["ALB", "Albanie"],
  ["UKR", "Ukraine"],
  ["RUS", "Russie"],
  ["MAR", "Maroc"],
  ["DZA", "Algérie"],
  ["TUN", "Tunisie"],
  ["SEN", "Sénégal"],
  ["GIN", "Guinée"],
  ["COD", "République démocratique du Congo"],
  ["COG", "Congo"],
  ["SLE", "Sierra Leone"],
  ["THA", "Thaïlande"],
  ["VNM", "Viêt Nam"],
];

export const OTHER_NATIONALITY = "autre";

export const ALPHA3_PATTERN = /^[A-Z]{3}$/;

/** Common languages (ISO 639 codes) offered as checkboxes; others are typed. */
export const COMMON_LANGUAGES: readonly (readonly [string, string])[] = [
  ["fr", "Français"],
  ["en", "Anglais"],
  ["pcm", "Pidgin nigérian"],
  ["bin", "Edo (bini)"],
  ["es", "Espagnol"],
  ["pt", "Portugais"],
  ["ro", "Roumain"],
  ["bg", "Bulgare"],
  ["ar", "Arabe"],
  ["zh", "Chinois"],
  ["ru", "Russe"],
];

export function languageLabel(code: string): string {
  return COMMON_LANGUAGES.find(([c]) => c === code)?.[1] ?? code;
}

export function nationalityLabel(code: string): string {
  const found = COMMON_NATIONALITIES.find(([c]) => c === code);
  return found ? `${found[1]} (${code})` : code;
}
