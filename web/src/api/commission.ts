// Client functions for docs/api/commission.md: agréments, commission, séances, avis, decisions,
// notifications and appeals. PDF documents are plain same-origin links (cookie session).
import { API_PREFIX, queryString, request, seg } from "./client";
import type { IsoDate, ItemsResponse } from "./caseTypes";
import type {
  Agrement,
  AgrementDecisionCreate,
  AgrementDocumentsReceived,
  AgrementFile,
  AgrementMissingDocuments,
  AgrementWithdrawal,
  AttendanceUpdate,
  Commission,
  CommissionCreate,
  CommissionSummary,
  Member,
  MemberCreate,
  MemberPatch,
  Seance,
  SeanceAvisCreate,
  SeanceBody,
  TabledFile,
} from "./commissionTypes";
import type {
  AppealCreate,
  Decision,
  DecisionCreate,
  DecisionDetail,
  Demande,
  DemandeListItem,
  DemandeState,
  NotificationCreate,
} from "./parcoursTypes";

type Opts = { signal?: AbortSignal };
const withSignal = (o?: Opts) => (o?.signal ? { signal: o.signal } : {});

// ---- Agréments ----

export const listAgrements = (associationId: number, o?: Opts) =>
  request<ItemsResponse<Agrement>>("GET", `/associations/${seg(associationId)}/agrements`, withSignal(o));
export const fileAgrement = (associationId: number, body: AgrementFile) =>
  request<Agrement>("POST", `/associations/${seg(associationId)}/agrements`, { body });
export const getAgrement = (id: number, o?: Opts) => request<Agrement>("GET", `/agrements/${seg(id)}`, withSignal(o));
export const requestAgrementDocuments = (id: number, body: AgrementMissingDocuments) =>
  request<Agrement>("POST", `/agrements/${seg(id)}/missing-documents`, { body });
export const agrementDocumentsReceived = (id: number, body: AgrementDocumentsReceived) =>
  request<Agrement>("POST", `/agrements/${seg(id)}/documents-received`, { body });
export const decideAgrement = (id: number, body: AgrementDecisionCreate) =>
  request<Agrement>("POST", `/agrements/${seg(id)}/decision`, { body });
export const withdrawAgrement = (id: number, body: AgrementWithdrawal) =>
  request<Agrement>("POST", `/agrements/${seg(id)}/withdrawal`, { body });

// ---- Commission and members ----

export const listCommissions = (o?: Opts) =>
  request<ItemsResponse<CommissionSummary>>("GET", "/commissions", withSignal(o));
export const getCommission = (id: number, o?: Opts) =>
  request<Commission>("GET", `/commissions/${seg(id)}`, withSignal(o));
export const createCommission = (body: CommissionCreate) =>
  request<CommissionSummary>("POST", "/commissions", { body });
export const updateCommission = (id: number, body: Partial<Omit<CommissionCreate, "departement">>) =>
  request<CommissionSummary>("PATCH", `/commissions/${seg(id)}`, { body });
export const addMember = (commissionId: number, body: MemberCreate) =>
  request<Member>("POST", `/commissions/${seg(commissionId)}/members`, { body });
export const updateMember = (id: number, body: MemberPatch) =>
  request<Member>("PATCH", `/members/${seg(id)}`, { body });

// ---- Séances ----

export const createSeance = (commissionId: number, body: SeanceBody) =>
  request<Seance>("POST", `/commissions/${seg(commissionId)}/seances`, { body });
export const getSeance = (id: number, o?: Opts) => request<Seance>("GET", `/seances/${seg(id)}`, withSignal(o));
export const updateSeance = (id: number, body: Partial<SeanceBody>) =>
  request<Seance>("PATCH", `/seances/${seg(id)}`, { body });
export const tableDemande = (seanceId: number, demandeId: number) =>
  request<Seance>("POST", `/seances/${seg(seanceId)}/agenda`, { body: { demande_id: demandeId } });
export const withdrawFromAgenda = (seanceId: number, demandeId: number) =>
  request<Seance>("DELETE", `/seances/${seg(seanceId)}/agenda/${seg(demandeId)}`);
export const recordAttendance = (seanceId: number, body: AttendanceUpdate) =>
  request<Seance>("PUT", `/seances/${seg(seanceId)}/attendance`, { body });
export const recordSeanceAvis = (seanceId: number, body: SeanceAvisCreate) =>
  request<Seance>("POST", `/seances/${seg(seanceId)}/avis`, { body });
export const getTabledFile = (seanceId: number, demandeId: number, o?: Opts) =>
  request<TabledFile>("GET", `/seances/${seg(seanceId)}/files/${seg(demandeId)}`, withSignal(o));
export const markMinutesSent = (seanceId: number, sentOn: IsoDate) =>
  request<Seance>("POST", `/seances/${seg(seanceId)}/minutes-sent`, { body: { sent_on: sentOn } });
/** The procès-verbal (PDF, served as an attachment): a same-origin link works with the cookie session. */
export const minutesPdfUrl = (seanceId: number) => `${API_PREFIX}/seances/${seg(seanceId)}/minutes.pdf`;

// ---- Demandes across parcours; return to the association ----

export const listDemandes = (state: DemandeState, o?: Opts) =>
  request<ItemsResponse<DemandeListItem>>("GET", `/demandes${queryString({ state })}`, withSignal(o));
export const returnIncomplete = (demandeId: number, items: string[]) =>
  request<Demande>("POST", `/demandes/${seg(demandeId)}/incomplete`, { body: { items } });

// ---- Decisions, notifications, appeals ----

export const decideDemande = (demandeId: number, body: DecisionCreate) =>
  request<Decision>("POST", `/demandes/${seg(demandeId)}/decisions`, { body });
export const getDecision = (id: number, o?: Opts) =>
  request<DecisionDetail>("GET", `/decisions/${seg(id)}`, withSignal(o));
export const recordNotification = (decisionId: number, body: NotificationCreate) =>
  request<Decision>("POST", `/decisions/${seg(decisionId)}/notifications`, { body });
export const fileAppeal = (decisionId: number, body: AppealCreate) =>
  request<Decision>("POST", `/decisions/${seg(decisionId)}/appeals`, { body });
/** The decision letter (PDF, with the person's identity): for the roles that may read identity. */
export const letterPdfUrl = (decisionId: number) => `${API_PREFIX}/decisions/${seg(decisionId)}/letter.pdf`;
