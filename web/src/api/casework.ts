// Client functions for every route of docs/api/case-workflow.md.
import { queryString, request, seg } from "./client";
import type {
  Assessment,
  AssessmentCreate,
  Association,
  AssociationCreate,
  CriteriaGrid,
  CriteriaGridUpdate,
  ItemsResponse,
  IsoDate,
  Paginated,
  Person,
  PersonCreate,
  PersonCreated,
  PersonListQuery,
  PersonPatch,
  PersonSummary,
  Referral,
  ReferralCreate,
} from "./caseTypes";
import type {
  Demande,
  DemandeBody,
  DocumentUpdate,
  ExitCreate,
  Followup,
  FollowupCreate,
  FollowupImportResult,
  Parcours,
  ParcoursDocument,
} from "./parcoursTypes";

type Opts = { signal?: AbortSignal };
const withSignal = (o?: Opts) => (o?.signal ? { signal: o.signal } : {});

// ---- Associations (admin creates; association users see their own) ----

export const createAssociation = (body: AssociationCreate) =>
  request<Association>("POST", "/associations", { body });
export const listAssociations = (o?: Opts) =>
  request<ItemsResponse<Association>>("GET", "/associations", withSignal(o));
export const getAssociation = (id: number, o?: Opts) =>
  request<Association>("GET", `/associations/${seg(id)}`, withSignal(o));

// ---- Persons and referrals ----

export const createPerson = (body: PersonCreate) => request<PersonCreated>("POST", "/persons", { body });
export const listPersons = (query: PersonListQuery, o?: Opts) =>
  request<Paginated<PersonSummary>>("GET", `/persons${queryString({ ...query })}`, withSignal(o));
export const getPerson = (id: number, o?: Opts) => request<Person>("GET", `/persons/${seg(id)}`, withSignal(o));
export const updatePerson = (id: number, body: PersonPatch) =>
  request<Person>("PATCH", `/persons/${seg(id)}`, { body });
export const addReferral = (personId: number, body: ReferralCreate) =>
  request<Referral>("POST", `/persons/${seg(personId)}/referrals`, { body });

// ---- Criteria grid and assessments ----

export const getCriteria = (departement: string, date?: IsoDate, o?: Opts) =>
  request<CriteriaGrid>("GET", `/departements/${seg(departement)}/criteria${queryString({ date })}`, withSignal(o));
export const putCriteria = (departement: string, body: CriteriaGridUpdate) =>
  request<CriteriaGrid>("PUT", `/departements/${seg(departement)}/criteria`, { body });
export const createAssessment = (personId: number, body: AssessmentCreate) =>
  request<Assessment>("POST", `/persons/${seg(personId)}/assessments`, { body });

// ---- Parcours (a person's parcours are listed in GET /persons/{id}) ----

export const openParcours = (personId: number) =>
  request<Parcours>("POST", "/parcours", { body: { person_id: personId } });
export const getParcours = (id: number, o?: Opts) => request<Parcours>("GET", `/parcours/${seg(id)}`, withSignal(o));

export const putDocument = (parcoursId: number, body: DocumentUpdate) =>
  request<ParcoursDocument>("PUT", `/parcours/${seg(parcoursId)}/document`, { body });
/** One version of the document (default: the latest), with `versions` listing them all. */
export const getDocument = (parcoursId: number, version?: number, o?: Opts) =>
  request<ParcoursDocument>("GET", `/parcours/${seg(parcoursId)}/document${queryString({ version })}`, withSignal(o));

export const addFollowup = (parcoursId: number, body: FollowupCreate) =>
  request<Followup>("POST", `/parcours/${seg(parcoursId)}/followups`, { body });
export const listFollowups = (parcoursId: number, o?: Opts) =>
  request<ItemsResponse<Followup>>("GET", `/parcours/${seg(parcoursId)}/followups`, withSignal(o));

/**
 * `POST /followups/import`: a CSV (`parcours;date;type;texte[;difficultes;action]`) sent as
 * `text/csv`. All or nothing: on a faulty line the server answers 422 with every faulty line.
 */
export const importFollowupsCsv = (csv: string) =>
  request<FollowupImportResult>("POST", "/followups/import", { raw: { text: csv, contentType: "text/csv; charset=utf-8" } });

export const exitParcours = (parcoursId: number, body: ExitCreate) =>
  request<Parcours>("POST", `/parcours/${seg(parcoursId)}/exit`, { body });

// ---- Demandes ----

export const createDemande = (parcoursId: number, body: DemandeBody) =>
  request<Demande>("POST", `/parcours/${seg(parcoursId)}/demandes`, { body });
export const updateDemande = (id: number, body: DemandeBody) =>
  request<Demande>("PUT", `/demandes/${seg(id)}`, { body });
export const getDemande = (id: number, o?: Opts) => request<Demande>("GET", `/demandes/${seg(id)}`, withSignal(o));
export const submitDemande = (id: number) => request<Demande>("POST", `/demandes/${seg(id)}/submit`);
// The avis is given at a séance and the decision signed on its own route: see commission.ts.
