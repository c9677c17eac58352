// Client functions for every route of docs/api/rights.md.
import { queryString, request, seg } from "./client";
import type { IsoDate, ItemsResponse } from "./caseTypes";
import type {
  Afis,
  AfisCreate,
  AfisSimulation,
  AfisSimulationQuery,
  Aps,
  ApsBody,
  CaseAlert,
  Housing,
  HousingBody,
  LegalParameterRow,
  MsaCreate,
  OtherRight,
  OtherRightBody,
  ParcoursRights,
} from "./rightsTypes";

type Opts = { signal?: AbortSignal };
const withSignal = (o?: Opts) => (o?.signal ? { signal: o.signal } : {});

// ---- AFIS scale (public) and legal parameters ----

export const simulateAfis = (query: AfisSimulationQuery, o?: Opts) =>
  request<AfisSimulation>("GET", `/rules/afis${queryString({ ...query })}`, withSignal(o));
export const listLegalParameters = (o?: Opts) =>
  request<ItemsResponse<LegalParameterRow>>("GET", "/rules/parameters", withSignal(o));

// ---- Rights of a parcours ----

export const getRights = (parcoursId: number, o?: Opts) =>
  request<ParcoursRights>("GET", `/parcours/${seg(parcoursId)}/rights`, withSignal(o));
export const createAfis = (parcoursId: number, body: AfisCreate) =>
  request<Afis>("POST", `/parcours/${seg(parcoursId)}/afis`, { body });
export const recordMsa = (afisId: number, body: MsaCreate) =>
  request<Afis>("POST", `/afis/${seg(afisId)}/msa`, { body });
export const createAps = (parcoursId: number, body: ApsBody) =>
  request<Aps>("POST", `/parcours/${seg(parcoursId)}/aps`, { body });
export const createHousing = (parcoursId: number, body: HousingBody) =>
  request<Housing>("POST", `/parcours/${seg(parcoursId)}/housing`, { body });
export const createOtherRight = (parcoursId: number, body: OtherRightBody) =>
  request<OtherRight>("POST", `/parcours/${seg(parcoursId)}/other-rights`, { body });

// ---- Alerts (the caller's scope, sorted by due date) ----

export const listAlerts = (date?: IsoDate, o?: Opts) =>
  request<ItemsResponse<CaseAlert>>("GET", `/alerts${queryString({ date })}`, withSignal(o));
