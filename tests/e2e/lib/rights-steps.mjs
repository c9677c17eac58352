// Steps of the rights journeys (rights.test.mjs): an authorised parcours arranged through the API,
// the renewal draft through the browser, the alerts of a parcours.
import assert from 'node:assert/strict';
import { expectStatus, sessionClient } from './api.mjs';
import { decide, radio } from './casework-steps.mjs';
import { todayIso } from './dates.mjs';
import { env, heading } from './journey.mjs';

/**
 * A person, an assessment, a parcours with a document and an initial demande, submitted, then the
 * avis and an authorisation from `startDate` (through the API). Returns {parcoursId, pseudonym}.
 */
export async function authorisedParcours(t, { startDate, lastName = 'Adeyemi', nationality = 'NGA', status = 'asylum_seeker' }) {
  const baseURL = env('PARCOURS_E2E_BASE_URL');
  const api = await sessionClient(baseURL, env('PARCOURS_E2E_WORKER_EMAIL'), env('PARCOURS_E2E_WORKER_PASSWORD'));
  let parcours;
  let demandeId;
  try {
    const person = expectStatus(await api.post('/persons', {
      identity: { last_name: lastName, first_names: 'Grace', aliases: [], birth_date: '1992-03-14', nationality,
        languages: ['en'], interpreter_needed: false },
      sex_or_gender: 'female', children: [], administrative_status: status, contact_channel: 'street_outreach',
    }), 201, 'person');
    const grid = expectStatus(await api.get('/departements/33/criteria'), 200, 'criteria');
    expectStatus(await api.post(`/persons/${person.id}/assessments`, {
      date: todayIso(), grid_version: grid.version, outcome: 'present',
      answers: grid.criteria.map((c) => ({ code: c.code, answer: 'met', evidence: 'Constaté en entretien.' })),
    }), 201, 'assessment');
    parcours = expectStatus(await api.post('/parcours', { person_id: person.id }), 201, 'parcours');
    expectStatus(await api.put(`/parcours/${parcours.id}/document`, {
      commitments: [{ text: 'Se rendre aux rendez-vous de suivi.', category: 'Suivi' }],
      actions: [{ domain: 'health', description: "Ouverture des droits à l'assurance maladie", partner: 'CPAM',
        planned_start: null, planned_end: null, status: 'planned', result: '' }],
    }), 201, 'document');
    demandeId = expectStatus(await api.post(`/parcours/${parcours.id}/demandes`, {
      kind: 'initiale', association_opinion: { favourable: true, text: 'Avis favorable.' },
      expected_results: 'Hébergement stable.', achieved_results: '', difficulties: '', sworn_statement_declared: true,
      attachments: [{ kind: 'sworn_statement', label: 'Déclaration sur l’honneur' }, { kind: 'identity_document', label: 'Passeport' }],
    }), 201, 'draft demande').id;
    expectStatus(await api.post(`/demandes/${demandeId}/submit`), 200, 'submission');
  } finally {
    await api.dispose();
  }
  await decide(t, baseURL, demandeId, startDate, { avisDate: todayIso(), notifiedOn: todayIso() });
  return { parcoursId: parcours.id, pseudonym: parcours.pseudonym };
}

/** The worker's alerts about one parcours (on `date`, default today), through the API (same session as the page). */
export async function alertsOf(page, parcoursId, date) {
  const response = await page.request.get(`/api/v1/alerts${date ? `?date=${date}` : ''}`);
  assert.equal(response.status(), 200, 'GET /alerts');
  const { items } = await response.json();
  return items.filter((a) => a.record_type === 'parcours' && a.record_id === parcoursId);
}

/** From the parcours page: prepare the renewal demande and save it as a draft (not submitted). */
export async function renewalDraftThroughUi(page, parcoursId) {
  await page.getByRole('link', { name: 'Préparer le renouvellement' }).click();
  await page.waitForURL(new RegExp(`/parcours/${parcoursId}/demande`));
  await heading(page, 'Préparer la demande de renouvellement');
  await radio(page, 'association_opinion.favourable', 'true').check({ force: true });
  await page.locator('textarea[name="association_opinion.text"]').fill('Démarches engagées ; avis favorable au renouvellement.');
  await page.locator('textarea[name="expected_results"]').fill('Hébergement stable et cours de français.');
  const saved = page.waitForResponse((r) => /\/api\/v1\/parcours\/[0-9]+\/demandes$/.test(r.url()) && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  assert.equal((await saved).status(), 201, 'renewal draft created');
  await page.waitForURL(new RegExp(`/parcours/${parcoursId}$`));
  await page.locator('section[aria-labelledby="demande-titre"]').getByText('Brouillon').waitFor();
}

/** Whether a logged-in worker gets the rights of this parcours (null) or a 404 (the reason to skip). */
export async function rightsRouteMissing(parcoursId) {
  const api = await sessionClient(env('PARCOURS_E2E_BASE_URL'), env('PARCOURS_E2E_WORKER_EMAIL'), env('PARCOURS_E2E_WORKER_PASSWORD'));
  try {
    const answer = await api.get(`/parcours/${parcoursId}/rights`);
    if (answer.status === 404) return `GET /api/v1/parcours/${parcoursId}/rights answers 404 to the worker of its association`;
    expectStatus(answer, 200, 'rights');
    return null;
  } finally {
    await api.dispose();
  }
}
