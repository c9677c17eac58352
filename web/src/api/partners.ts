// Client functions for docs/api/partners.md (the partner network, professionals only).
import { API_PREFIX, queryString, request, seg } from "./client";
import type { Partner, PartnerImportResult, PartnerInput, PartnerList, PartnerQuery } from "./partnersTypes";

type Opts = { signal?: AbortSignal };
const withSignal = (o?: Opts) => (o?.signal ? { signal: o.signal } : {});

const partnerQueryString = (query: PartnerQuery) =>
  queryString({
    departement: query.departement,
    domain: query.domain,
    language: query.language,
    kind: query.kind,
    q: query.q,
    review_due: query.review_due ? "true" : undefined,
    limit: query.limit,
    offset: query.offset,
  });

/** `GET /partners`: the partners of the caller's region matching every filter, sorted by name. */
export const listPartners = (query: PartnerQuery = {}, o?: Opts) =>
  request<PartnerList>("GET", `/partners${partnerQueryString(query)}`, withSignal(o));
export const getPartner = (id: number, o?: Opts) => request<Partner>("GET", `/partners/${seg(id)}`, withSignal(o));
export const createPartner = (body: PartnerInput) => request<Partner>("POST", "/partners", { body });
/** `PUT /partners/{id}`: the whole editable record (counts as a verification). */
export const updatePartner = (id: number, body: PartnerInput) => request<Partner>("PUT", `/partners/${seg(id)}`, { body });
/** `POST /partners/{id}/verify`: verified today by the caller. */
export const verifyPartner = (id: number) => request<Partner>("POST", `/partners/${seg(id)}/verify`);
/** `DELETE /partners/{id}`: archived (204), kept for the parcours that used it. */
export const archivePartner = (id: number) => request<void>("DELETE", `/partners/${seg(id)}`);

/**
 * The CSV export of the partners the caller may edit: a plain same-origin URL for a download link
 * (the cookie session goes with it; the server names the file).
 */
export const partnersExportUrl = (departement?: string) =>
  `${API_PREFIX}/partners/export.csv${queryString({ departement })}`;

/**
 * `POST /partners/import`: the export's CSV (edited) sent as `text/csv`. All or nothing: on a faulty
 * line the ApiError (422) carries every `errors[] {line, field, message}` and nothing was written.
 */
export const importPartnersCsv = (csv: string) =>
  request<PartnerImportResult>("POST", "/partners/import", { raw: { text: csv, contentType: "text/csv; charset=utf-8" } });
