// The scope and period of the dashboard, kept in the address (?scope=&from=&to=&at=) so that a
// département opened from the map is a page of its own (the browser's back button returns).
import type { Departement, IsoDate, StatsQuery, User } from "../../api";
import { isAnalyst } from "../../auth/roles";
import { formatDate } from "../../casework/dates";

export interface ResolvedQuery {
  scope: string;
  from: IsoDate;
  to: IsoDate;
  at: IsoDate;
}

/** First year offered by the year picker (the law of 13 April 2016 took effect in 2017). */
export const FIRST_YEAR = 2017;

export const yearOf = (iso: IsoDate) => Number(iso.slice(0, 4));

/** A calendar year: 01/01 → 31/12, or → today for the current year; stocks on the last day. */
export function yearPeriod(year: number, today: IsoDate): { from: IsoDate; to: IsoDate; at: IsoDate } {
  const to = year >= yearOf(today) ? today : `${year}-12-31`;
  return { from: `${year}-01-01`, to, at: to };
}

/** The year a period is, when it is exactly one (as the year picker sets it); null otherwise. */
export function periodYear(q: Pick<ResolvedQuery, "from" | "to" | "at">, today: IsoDate): number | null {
  const year = yearOf(q.from);
  const p = yearPeriod(year, today);
  return p.from === q.from && p.to === q.to && p.at === q.at ? year : null;
}

/** The scope the role sees first: the nation, the analyst's region, the prefecture's département. */
export function defaultScope(user: User): string {
  if (user.role === "analyst_regional" && user.region) return `region:${user.region}`;
  if ((user.role === "prefecture_instructor" || user.role === "signatory") && user.departement) {
    return `departement:${user.departement}`;
  }
  return "national";
}

/** The dashboard's query from the address, with the role's defaults (current year to today). */
export function queryFromSearch(search: URLSearchParams, user: User, today: IsoDate): ResolvedQuery {
  const current = yearPeriod(yearOf(today), today);
  const to = search.get("to") || current.to;
  return {
    scope: search.get("scope") || defaultScope(user),
    from: search.get("from") || (search.get("to") ? `${to.slice(0, 4)}-01-01` : current.from),
    to,
    at: search.get("at") || to,
  };
}

export const searchOf = (q: StatsQuery) => {
  const s = new URLSearchParams();
  for (const key of ["scope", "from", "to", "at"] as const) {
    const value = q[key];
    if (value) s.set(key, value);
  }
  return s;
};

/** The in-app address of the dashboard for a query. */
export const dashboardHref = (q: StatsQuery) => `/statistiques?${searchOf(q).toString()}`;

export const departementOfScope = (scope: string) => (scope.startsWith("departement:") ? scope.slice("departement:".length) : null);
export const regionOfScope = (scope: string) => (scope.startsWith("region:") ? scope.slice("region:".length) : null);

/** Whether the user may open the figures of a département (the server checks it too). */
export function mayOpenDepartement(user: User, code: string, departements: readonly Departement[] | null): boolean {
  if (user.role === "analyst_national") return true;
  if (user.role === "analyst_regional") {
    const d = departements?.find((x) => x.code === code);
    return d !== undefined && user.region !== undefined && user.region !== null && d.region_code === user.region;
  }
  return user.departement === code;
}

export interface ScopeOption {
  value: string;
  label: string;
  group: "Périmètre" | "Régions" | "Départements";
}

/** The scopes the role may choose, from the reference list of départements. */
export function scopeOptions(user: User, departements: readonly Departement[]): ScopeOption[] {
  const byName = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, "fr");
  const depOption = (d: Departement): ScopeOption => ({ value: `departement:${d.code}`, label: `${d.name} (${d.code})`, group: "Départements" });
  if (user.role === "analyst_national") {
    const regions = new Map<string, string>();
    for (const d of departements) regions.set(d.region_code, d.region_name);
    return [
      { value: "national", label: "France entière", group: "Périmètre" },
      ...[...regions].map(([code, name]): ScopeOption => ({ value: `region:${code}`, label: `Région ${name}`, group: "Régions" })).sort(byName),
      ...departements.map(depOption),
    ];
  }
  if (user.role === "analyst_regional") {
    const mine = departements.filter((d) => d.region_code === user.region);
    if (mine.length === 0) return [];
    return [
      { value: `region:${user.region}`, label: `Région ${mine[0]!.region_name}`, group: "Périmètre" },
      ...mine.map(depOption),
    ];
  }
  return [];
}

/** The wider scopes an analyst looking at a département may go back to. */
export function widerScopes(user: User, scope: string, departements: readonly Departement[] | null): ScopeOption[] {
  if (!isAnalyst(user)) return [];
  const out: ScopeOption[] = [];
  const dep = departementOfScope(scope);
  const d = dep === null ? undefined : departements?.find((x) => x.code === dep);
  if (d !== undefined) out.push({ value: `region:${d.region_code}`, label: `Région ${d.region_name}`, group: "Régions" });
  if (user.role === "analyst_national" && scope !== "national") out.push({ value: "national", label: "France entière", group: "Périmètre" });
  return out;
}

/** "du 01/01/2026 au 25/11/2026" (and the stock date when it differs from the end). */
export function periodText(q: Pick<ResolvedQuery, "from" | "to" | "at">): string {
  const base = `du ${formatDate(q.from)} au ${formatDate(q.to)}`;
  return q.at === q.to ? base : `${base}, stocks au ${formatDate(q.at)}`;
}
