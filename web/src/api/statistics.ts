// Client functions for docs/api/statistics.md.
import { API_PREFIX, queryString, request } from "./client";
import type { Statistics, StatsQuery } from "./statisticsTypes";

type Opts = { signal?: AbortSignal };
const withSignal = (o?: Opts) => (o?.signal ? { signal: o.signal } : {});

const statsQueryString = (query: StatsQuery) =>
  queryString({ scope: query.scope, from: query.from, to: query.to, at: query.at });

/** `GET /stats`: every indicator of the scope and period (masked for analysts). */
export const getStatistics = (query: StatsQuery, o?: Opts) =>
  request<Statistics>("GET", `/stats${statsQueryString(query)}`, withSignal(o));

/**
 * The CSV export of the same figures (always masked): a plain same-origin URL for a download link,
 * so that the cookie session goes with it and the server's Content-Disposition names the file.
 */
export const statisticsExportUrl = (query: StatsQuery) => `${API_PREFIX}/stats/export.csv${statsQueryString(query)}`;
