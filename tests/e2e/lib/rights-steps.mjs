// Steps of the rights journeys (rights.test.mjs): an authorised parcours arranged through the API,
// the renewal draft through the browser, the alerts of a parcours.
import assert from 'node:assert/strict';
import { expectStatus, sessionClient } from './api.mjs';
import { submittedInitialDemande } from './commission-api.mjs';
import { decide, radio } from './casework-steps.mjs';
import { env, heading } from './journey.mjs';

/**
 * A person, an assessment, a parcours with a document and an initial demande, submitted, then the
 * avis and an authorisation from `startDate` (through the API). Returns {parcoursId, pseudonym}.
 */
export async function authorisedParcours(t, { startDate, lastName = 'Adeyemi', nationality = 'NGA', status = 'asylum_seeker' }) {
  const api = await sessionClient(env('PARCOURS_E2E_BASE_URL'), env('PARCOURS_E2E_WORKER_EMAIL'), env('PARCOURS_E2E_WORKER_PASSWORD'));
  let submitted;
  try {
    submitted = await submittedInitialDemande(api, { lastName, nationality, status });
  } finally {
    await api.dispose();
  }
  await decide(t, submitted.demandeId, startDate);
  return { parcoursId: submitted.parcoursId, pseudonym: submitted.pseudonym };
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
