// The commission's avis and the préfet's decision through the API (docs/api/commission.md), for the
// journeys that need an authorised parcours: the avis is given at a real séance (commission of the
// département, a voting member, a séance today, agenda, attendance), then the signatory signs.
import { bearerClient, expectStatus, sessionClient } from './api.mjs';
import { addMonths, todayIso } from './dates.mjs';
import { env } from './journey.mjs';

export const DEPARTEMENT = '33';

/** The voting member the helper appoints when the commission has none it can use. */
export const VOTING_MEMBER = { category: '2', name: 'Luc Bernard', organisation: 'DDETS de la Gironde' };

/** An API client acting as the prefecture instructor (its `parcours token create` token). */
export function instructorApi() {
  return bearerClient(env('PARCOURS_E2E_BASE_URL'), env('PARCOURS_E2E_INSTRUCTOR_TOKEN'));
}

/** The département's commission (created, installed a year ago, when absent), as GET /commissions/{id}. */
export async function ensureCommission(api) {
  const list = expectStatus(await api.get('/commissions'), 200, 'GET /commissions');
  let summary = list.items.find((c) => c.departement === DEPARTEMENT);
  if (!summary) {
    summary = expectStatus(
      await api.post('/commissions', { departement: DEPARTEMENT, installed_on: addMonths(todayIso(), -12) }),
      201, 'POST /commissions',
    );
  }
  return expectStatus(await api.get(`/commissions/${summary.id}`), 200, 'GET /commissions/{id}');
}

/** A titular member of category 2° in office, outside any association (appointed a year ago when absent). */
export async function ensureVotingMember(api, commission) {
  const existing = commission.members.find(
    (m) => m.category === VOTING_MEMBER.category && m.titular && m.in_office && m.association_id === null,
  );
  if (existing) return existing;
  return expectStatus(
    await api.post(`/commissions/${commission.id}/members`, {
      ...VOTING_MEMBER, titular: true, appointed_on: addMonths(todayIso(), -12),
    }),
    201, 'POST /commissions/{id}/members',
  );
}

/**
 * The commission's avis on a submitted demande, given at a séance dated today (convocation today):
 * the demande is tabled, every member in office is present, and every member who may vote votes with
 * the outcome (the representatives of the demande's association are recused). Returns the séance.
 */
export async function avisThroughSeance(demandeId, { outcome = 'favorable', reasons = '' } = {}) {
  const api = await instructorApi();
  try {
    let commission = await ensureCommission(api);
    await ensureVotingMember(api, commission);
    commission = expectStatus(await api.get(`/commissions/${commission.id}`), 200, 'GET /commissions/{id}');
    const today = todayIso();
    let seance = expectStatus(
      await api.post(`/commissions/${commission.id}/seances`, {
        date: today, place: 'Préfecture de la Gironde, salle 3', convocation_sent_on: today,
      }),
      201, 'POST /commissions/{id}/seances',
    );
    seance = expectStatus(await api.post(`/seances/${seance.id}/agenda`, { demande_id: demandeId }), 200, 'POST /seances/{id}/agenda');
    const item = seance.agenda.find((i) => i.demande_id === demandeId);
    seance = expectStatus(
      await api.put(`/seances/${seance.id}/attendance`, {
        entries: seance.attendance.map((a) => ({ member_id: a.member_id, status: 'present' })),
        second_convocation: false,
      }),
      200, 'PUT /seances/{id}/attendance',
    );
    if (!seance.quorum.reached) throw new Error(`quorum not reached: ${JSON.stringify(seance.quorum)}`);
    const vote = outcome === 'defavorable' ? 'contre' : 'pour';
    const votes = seance.attendance
      .filter((a) => a.association_id === null || a.association_id !== item.association_id)
      .map((a) => ({ member_id: a.member_id, vote }));
    expectStatus(
      await api.post(`/seances/${seance.id}/avis`, {
        demande_id: demandeId, outcome, votes, reasons: reasons || (outcome === 'favorable' ? '' : 'Motifs de la commission.'),
      }),
      200, 'POST /seances/{id}/avis',
    );
    return seance;
  } finally {
    await api.dispose();
  }
}

/**
 * The signatory's decision on a demande with an avis (`POST /demandes/{id}/decisions`, 201). Uses the
 * signatory's token; when the server refuses it (no second factor enrolled yet), signs in instead.
 */
export async function signDecision(t, demandeId, body) {
  const baseURL = env('PARCOURS_E2E_BASE_URL');
  let client = null;
  let answer = null;
  if (process.env.PARCOURS_E2E_SIGNATORY_TOKEN) {
    client = await bearerClient(baseURL, process.env.PARCOURS_E2E_SIGNATORY_TOKEN);
    answer = await client.post(`/demandes/${demandeId}/decisions`, body);
    if (answer.status === 401 || answer.status === 403) {
      t.diagnostic(`signatory token refused (HTTP ${answer.status} ${answer.body?.error?.code}): signing in instead`);
      await client.dispose();
      client = null;
    }
  } else {
    t.diagnostic(`no signatory token (${process.env.PARCOURS_E2E_SIGNATORY_TOKEN_ERROR}): signing in instead`);
  }
  if (client === null) {
    client = await sessionClient(baseURL, env('PARCOURS_E2E_SIGNATORY_EMAIL'), env('PARCOURS_E2E_SIGNATORY_PASSWORD'));
    answer = await client.post(`/demandes/${demandeId}/decisions`, body);
  }
  const kind = client.kind;
  await client.dispose();
  return expectStatus(answer, 201, `decision (signatory ${kind})`);
}

/**
 * A person, an assessment, a parcours with a document and an initial demande, submitted by `api`
 * (an association worker's client; the association needs a valid agrément). Returns the ids.
 */
export async function submittedInitialDemande(api, { lastName, firstNames = 'Grace', birthDate = '1992-03-14', nationality = 'NGA', status = 'asylum_seeker' }) {
  const person = expectStatus(await api.post('/persons', {
    identity: { last_name: lastName, first_names: firstNames, aliases: [], birth_date: birthDate, nationality,
      languages: ['en'], interpreter_needed: false },
    sex_or_gender: 'female', children: [], administrative_status: status, contact_channel: 'street_outreach',
  }), 201, 'person');
  const grid = expectStatus(await api.get(`/departements/${DEPARTEMENT}/criteria`), 200, 'criteria');
  expectStatus(await api.post(`/persons/${person.id}/assessments`, {
    date: todayIso(), grid_version: grid.version, outcome: 'present',
    answers: grid.criteria.map((c) => ({ code: c.code, answer: 'met', evidence: 'Constaté en entretien.' })),
  }), 201, 'assessment');
  const parcours = expectStatus(await api.post('/parcours', { person_id: person.id }), 201, 'parcours');
  expectStatus(await api.put(`/parcours/${parcours.id}/document`, {
    commitments: [{ text: 'Se rendre aux rendez-vous de suivi.', category: 'Suivi' }],
    actions: [{ domain: 'health', description: "Ouverture des droits à l'assurance maladie", partner: 'CPAM',
      planned_start: null, planned_end: null, status: 'planned', result: '' }],
  }), 201, 'document');
  const demande = expectStatus(await api.post(`/parcours/${parcours.id}/demandes`, {
    kind: 'initiale', association_opinion: { favourable: true, text: 'Engagement constant ; avis favorable.' },
    expected_results: 'Hébergement stable.', achieved_results: '', difficulties: '', sworn_statement_declared: true,
    attachments: [{ kind: 'sworn_statement', label: 'Déclaration sur l’honneur' }, { kind: 'identity_document', label: 'Passeport' }],
  }), 201, 'draft demande');
  expectStatus(await api.post(`/demandes/${demande.id}/submit`), 200, 'submission');
  return { personId: person.id, parcoursId: parcours.id, pseudonym: parcours.pseudonym, demandeId: demande.id };
}
