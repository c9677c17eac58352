// Shapes of docs/api/statistics.md: dated indicators of a scope, with small cells masked
// (statistical confidentiality) where the reader is an analyst and in every export.
import type { IsoDate } from "./caseTypes";

/** `national`, `region:CODE` (INSEE region code) or `departement:CODE`. */
export type StatsScope = string;

export type IndicatorFamily = "demandes" | "delais" | "parcours" | "personnes" | "droits" | "commission";
export type IndicatorKind = "stock" | "flow" | "cumulative";
export type IndicatorUnit = "nombre" | "%" | "jours" | "mois";

/** One figure: `value` is null when masked (`suppressed`) or when there is nothing to compute. */
export interface StatsCell {
  value: number | null;
  suppressed: boolean;
  /** As the server shows it: "14", "< 11", "80,0 %", "secret statistique", "—". */
  display: string;
}

export interface BreakdownCell extends StatsCell {
  key: string;
  label: string;
}

/** A département's figure (count, rate, delay or mean, as the indicator). */
export interface DepartementCell extends StatsCell {
  code: string;
  name: string;
  numerator?: number | null;
  denominator?: number | null;
  p90?: number | null;
}

export interface Indicator extends StatsCell {
  code: string;
  family: IndicatorFamily | string;
  label: string;
  kind: IndicatorKind | string;
  kind_label: string;
  unit: IndicatorUnit | string;
  definition: string;
  /** Counts: by category (empty when the indicator has none). */
  breakdown?: BreakdownCell[];
  /** For a region or the nation: every département of the scope, zeros included. */
  by_departement?: DepartementCell[];
  /** Rates: the numerator; rates, delays, means: the number of cases (null when masked). */
  numerator?: number | null;
  denominator?: number | null;
  /** Delays: the 90th percentile in days. */
  p90?: number | null;
}

export interface Statistics {
  scope: StatsScope;
  scope_label: string;
  from: IsoDate;
  to: IsoDate;
  at: IsoDate;
  /** Small cells are masked in this answer (analysts; the prefecture sees its own département as it is). */
  masked: boolean;
  /** Counts below it (and above 0) are masked: "< threshold". */
  threshold: number;
  indicators: Indicator[];
}

export interface StatsQuery {
  scope?: StatsScope;
  from?: IsoDate;
  to?: IsoDate;
  at?: IsoDate;
}
