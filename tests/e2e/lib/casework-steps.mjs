// Steps of the case-workflow journeys (casework.test.mjs), each on the page of a signed-in worker.
import assert from 'node:assert/strict';
import { avisThroughSeance, signDecision } from './commission-api.mjs';
import { fr, todayIso } from './dates.mjs';
import { env, expectAccessible, fillCredentials, heading } from './journey.mjs';

export const PERSON = { lastName: 'Okafor', firstNames: 'Blessing Ada', birthDate: '1995-04-02' };
const PSEUDONYM = /^P-[0-9A-Z]{4}-[0-9A-Z]{4}$/;

export const radio = (page, name, value) => page.locator(`input[type="radio"][name="${name}"][value="${value}"]`);

export async function signInAsWorker(t, page) {
  await page.goto('/connexion');
  await heading(page, 'Connexion à Parcours');
  await fillCredentials(page, env('PARCOURS_E2E_WORKER_EMAIL'), env('PARCOURS_E2E_WORKER_PASSWORD'));
  await heading(page, 'Accueil');
  const nav = page.getByRole('navigation', { name: /menu principal/i });
  await nav.getByRole('link', { name: 'Personnes', exact: true }).waitFor();
  await nav.getByRole('link', { name: 'Nouvelle personne', exact: true }).waitFor();
  await expectAccessible(t, page, 'the home page (association worker)');
}

/** Fills the new-person form; `birthDate: null` leaves the date empty. */
export async function fillPerson(page, { birthDate = PERSON.birthDate } = {}) {
  await page.locator('input[name="identity.last_name"]').fill(PERSON.lastName);
  await page.locator('input[name="identity.first_names"]').fill(PERSON.firstNames);
  await page.locator('input[name="identity.aliases"]').fill('Joy, Ada');
  if (birthDate !== null) await page.locator('input[name="identity.birth_date"]').fill(fr(birthDate));
  await page.locator('select[name="identity.nationality"]').selectOption('NGA');
  await page.locator('input[name="identity.languages"][value="en"]').check({ force: true });
  await page.locator('input[name="identity.languages"][value="pcm"]').check({ force: true });
  await page.locator('input[name="identity.interpreter_needed"]').check({ force: true });
  await radio(page, 'sex_or_gender', 'female').check({ force: true });
  await page.getByRole('button', { name: 'Ajouter un enfant' }).click();
  await page.locator('input[name="children[0].birth_date"]').fill('01/06/2019');
  await page.locator('select[name="administrative_status"]').selectOption('asylum_seeker');
  await page.locator('select[name="contact_channel"]').selectOption('street_outreach');
}

export async function createPerson(t, page) {
  await page.getByRole('navigation', { name: /menu principal/i }).getByRole('link', { name: 'Nouvelle personne' }).click();
  await heading(page, 'Nouvelle personne');
  await page.getByText('Identité (données protégées, chiffrées)').waitFor();
  await fillPerson(page);
  await expectAccessible(t, page, 'the new-person form (filled)');
  await page.getByRole('button', { name: 'Enregistrer la personne' }).click();
  await page.waitForURL(/\/personnes\/[0-9]+$/);
  const title = page.getByRole('heading', { level: 1 });
  await title.waitFor();
  const pseudonym = (await page.locator('h1 .parcours-pseudonym').innerText()).trim();
  assert.match(pseudonym, PSEUDONYM, 'the person page is titled with the pseudonym');
  const identity = page.locator('section[aria-labelledby="identite-titre"]');
  assert.ok((await identity.innerText()).includes(PERSON.lastName), 'the identity block shows the name');
  assert.ok((await identity.innerText()).includes(fr(PERSON.birthDate)), 'birth date shown as JJ/MM/AAAA');
  await expectAccessible(t, page, 'the person page');
  return { pseudonym, personId: Number(/\/personnes\/([0-9]+)$/.exec(page.url())[1]) };
}

export async function assessEligibility(t, page) {
  await page.getByRole('button', { name: "Évaluer l'éligibilité" }).click();
  await page.getByRole('heading', { name: "Évaluer l'éligibilité" }).waitFor();
  const met = page.locator('input[type="radio"][name^="answers."][value="met"]');
  const count = await met.count();
  assert.ok(count > 0, 'the criteria grid has criteria');
  for (let i = 0; i < count; i++) await met.nth(i).check({ force: true });
  const evidence = page.locator('textarea[name^="answers."][name$=".evidence"]');
  for (let i = 0; i < (await evidence.count()); i++) await evidence.nth(i).fill(`Constaté en entretien (${i + 1}).`);
  await radio(page, 'assessment.outcome', 'present').check({ force: true });
  await expectAccessible(t, page, 'the eligibility assessment form');
  const saved = page.waitForResponse((r) => /\/api\/v1\/persons\/[0-9]+\/assessments$/.test(r.url()));
  await page.getByRole('button', { name: "Enregistrer l'évaluation" }).click();
  assert.equal((await saved).status(), 201, 'assessment created');
  const table = page.locator('section[aria-labelledby="evaluations-titre"] table');
  await table.waitFor();
  assert.ok((await table.innerText()).includes(`${count} sur ${count}`), 'all criteria met in the list');
  t.diagnostic(`assessment: ${count} criteria, all met, outcome present`);
}

export async function writeDocument(t, page) {
  await page.getByRole('button', { name: 'Rédiger le document' }).click();
  await page.getByRole('button', { name: 'Ajouter un engagement' }).click();
  await page.locator('textarea[name="commitments[0].text"]').fill('Se rendre aux rendez-vous de suivi chaque semaine.');
  await page.locator('input[name="commitments[0].category"]').fill('Suivi');
  await page.getByRole('button', { name: 'Ajouter une action' }).click();
  await page.locator('select[name="actions[0].domain"]').selectOption('housing');
  await page.locator('textarea[name="actions[0].description"]').fill("Demande d'hébergement stable auprès du SIAO");
  await page.locator('input[name="actions[0].partner"]').fill('SIAO de la Gironde');
  await page.locator('select[name="actions[0].status"]').selectOption('in_progress');
  await expectAccessible(t, page, 'the document form');
  const saved = page.waitForResponse((r) => /\/api\/v1\/parcours\/[0-9]+\/document$/.test(r.url()));
  await page.getByRole('button', { name: 'Enregistrer le document' }).click();
  assert.equal((await saved).status(), 201, 'document version created');
  const section = page.locator('section[aria-labelledby="document-titre"]');
  await section.getByRole('heading', { name: 'Logement et hébergement' }).waitFor();
  const text = await section.textContent();
  assert.ok(text.includes('Se rendre aux rendez-vous de suivi'), 'commitment shown');
  assert.ok(text.includes("Demande d'hébergement stable"), 'housing action shown under its domain');
  assert.ok(text.includes('En cours'), 'action status badge');

  // A second version adds a health action; version 1 stays readable.
  await section.getByRole('button', { name: 'Modifier le document' }).click();
  await page.getByRole('button', { name: 'Ajouter une action' }).click();
  await page.locator('select[name="actions[1].domain"]').selectOption('health');
  await page.locator('textarea[name="actions[1].description"]').fill("Ouverture des droits à l'assurance maladie");
  await page.locator('input[name="actions[1].planned_end"]').fill('31/01/2027');
  await page.getByRole('button', { name: 'Enregistrer le document' }).click();
  await section.getByRole('heading', { name: 'Santé' }).waitFor();
  assert.ok((await section.textContent()).includes('au 31/01/2027'), 'planned end date shown as JJ/MM/AAAA');
  await section.locator('select[name="document.version"]').selectOption('1');
  await section.getByText('Version 1 (période 1)').waitFor();
  assert.equal(await section.getByRole('heading', { name: 'Santé' }).count(), 0, 'version 1 has no health action');
  await section.locator('select[name="document.version"]').selectOption('2');
  await section.getByRole('heading', { name: 'Santé' }).waitFor();
}

export async function prepareAndSubmit(t, page, parcoursId) {
  await page.getByRole('link', { name: 'Préparer la demande initiale' }).click();
  await page.waitForURL(new RegExp(`/parcours/${parcoursId}/demande`));
  await heading(page, 'Préparer la demande initiale');
  await radio(page, 'association_opinion.favourable', 'true').check({ force: true });
  await page.locator('textarea[name="association_opinion.text"]').fill('Engagement constant depuis six mois ; avis favorable.');
  await page.locator('textarea[name="expected_results"]').fill('Hébergement stable, ouverture des droits, cours de français.');
  await page.locator('input[name="sworn_statement_declared"]').check({ force: true });
  await page.getByRole('button', { name: 'Ajouter une pièce' }).click();
  await page.locator('select[name="attachments[0].kind"]').selectOption('sworn_statement');
  await page.locator('input[name="attachments[0].label"]').fill('Déclaration sur l’honneur signée');
  await page.getByRole('button', { name: 'Ajouter une pièce' }).click();
  await page.locator('select[name="attachments[1].kind"]').selectOption('identity_document');
  await page.locator('input[name="attachments[1].label"]').fill('Passeport');
  await expectAccessible(t, page, 'the demande form');
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await page.waitForURL(new RegExp(`/parcours/${parcoursId}$`));
  const demande = page.locator('section[aria-labelledby="demande-titre"]');
  await demande.getByText('Brouillon').waitFor();
  const checklist = await demande.locator('.parcours-checklist').innerText();
  t.diagnostic(`checklist before submission: ${checklist.replace(/\s+/g, ' ').trim()}`);
  await expectAccessible(t, page, 'the parcours page (draft demande)');
  const submitted = page.waitForResponse((r) => /\/api\/v1\/demandes\/[0-9]+\/submit$/.test(r.url()));
  await demande.getByRole('button', { name: 'Déposer la demande' }).click();
  const answer = await submitted;
  assert.equal(answer.status(), 200, `submission: ${await answer.text()}`);
  await demande.getByText('Déposée', { exact: true }).waitFor();
}

/** A follow-up entry about the housing action: it heads the log. */
export async function addFollowup(page) {
  const section = page.locator('section[aria-labelledby="suivi-titre"]');
  await section.locator('select[name="followup.kind"]').selectOption('accompaniment');
  await section.locator('select[name="followup.action_index"]').selectOption('0');
  await section.locator('textarea[name="followup.text"]').fill('Accompagnement au SIAO pour la demande d’hébergement.');
  await section.locator('textarea[name="followup.difficulties"]').fill('Délai d’attente\nTransport');
  const saved = page.waitForResponse((r) => /\/api\/v1\/parcours\/[0-9]+\/followups$/.test(r.url()) && r.request().method() === 'POST');
  await section.getByRole('button', { name: 'Ajouter au journal' }).click();
  assert.equal((await saved).status(), 201, 'follow-up created');
  const first = section.locator('.parcours-log__item').first();
  await first.getByText('Accompagnement au SIAO').waitFor();
  const text = await first.textContent();
  assert.ok(text.includes(fr(todayIso())) && text.includes('Délai d’attente ; Transport'), text);
}

export async function addReferral(page) {
  const section = page.locator('section[aria-labelledby="orientations-titre"]');
  await section.locator('select[name="referral.source"]').selectOption('siao_115');
  await section.locator('textarea[name="referral.notes"]').fill('Orientée par le 115 après une mise à l’abri.');
  await section.getByRole('button', { name: "Ajouter l'orientation" }).click();
  await section.locator('table').getByText('Orientée par le 115').waitFor();
}

/**
 * The commission's favourable avis (at a séance, through the instructor's token) and the signatory's
 * authorisation from `startDate`, through the API (lib/commission-api.mjs). Returns the decision.
 */
export async function decide(t, demandeId, startDate) {
  const seance = await avisThroughSeance(demandeId, { outcome: 'favorable' });
  t.diagnostic(`avis favorable at séance ${seance.id} (${seance.date})`);
  return signDecision(t, demandeId, { outcome: 'autorise', start_date: startDate, reasons: '' });
}
