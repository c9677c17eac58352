// Steps of the « situation » and coded exit journey (casework.test.mjs (g2)): the person's optional
// `victimisation` on the new-person form and the person page, then the exit form's outcome codes.
import assert from 'node:assert/strict';
import { expectStatus } from './api.mjs';
import { fillPerson, radio } from './casework-steps.mjs';
import { addDays, fr, todayIso } from './dates.mjs';
import { expectAccessible, heading } from './journey.mjs';

export const SITUATION_HINT =
  "Aucun de ces renseignements n'est obligatoire ; une plainte n'est jamais exigée (Conseil d'État, 19/11/2021).";
export const TRAFFICKING = "Traite des êtres humains aux fins d'exploitation sexuelle";

/** The exit outcome's code lists, with the server's French labels (docs/api/case-workflow.md). */
export const EXIT_CODES = {
  housing: {
    unknown: 'Non renseigné', own_housing: 'Logement autonome', accommodation: 'Hébergement (CHRS, résidence sociale…)',
    family_or_friends: 'Chez un proche', no_housing: 'Sans solution de logement',
  },
  activity: {
    unknown: 'Non renseigné', employment: 'Emploi', training: 'Formation', job_seeking: "Recherche d'emploi", none: 'Sans activité',
  },
  residence_title: {
    unknown: 'Non renseigné', not_concerned: 'Non concernée (nationalité française ou UE)', residence_permit: 'Carte de séjour',
    aps: 'APS en cours', asylum: "Demande d'asile en cours", none: 'Sans titre de séjour',
  },
  income_source: {
    unknown: 'Non renseigné', employment: "Revenus d'activité", rsa: 'RSA', other_benefits: 'Autres prestations sociales',
    none: 'Sans ressources',
  },
};

const complaintDate = (page) => page.locator('input[name="victimisation.complaint_date"]');

/**
 * New person (another name than (g)'s, so no duplicate) with the situation « traite », complaint « non »:
 * the body sends exactly that, the person page shows it.
 */
export async function createPersonWithSituation(t, page, lastName) {
  await page.getByRole('navigation', { name: /menu principal/i }).getByRole('link', { name: 'Nouvelle personne' }).click();
  await heading(page, 'Nouvelle personne');
  await fillPerson(page);
  await page.locator('input[name="identity.last_name"]').fill(lastName);
  const fieldset = page.locator('fieldset', { has: page.locator('legend', { hasText: 'Situation (facultatif)' }) });
  await fieldset.waitFor();
  assert.ok((await fieldset.innerText()).includes(SITUATION_HINT), 'the hint says nothing is required, a complaint never');
  assert.equal(await radio(page, 'victimisation.complaint_filed', 'unknown').isChecked(), true, '« Non renseigné » by default');
  assert.equal(await complaintDate(page).count(), 0, 'no complaint date unless a complaint was filed');
  await page.locator('input[name="victimisation.forms"][value="trafficking"]').check({ force: true });
  await radio(page, 'victimisation.complaint_filed', 'yes').check({ force: true });
  await complaintDate(page).waitFor();
  await radio(page, 'victimisation.complaint_filed', 'no').check({ force: true });
  await complaintDate(page).waitFor({ state: 'detached' });
  await expectAccessible(t, page, 'the new-person form with the situation');

  const sent = page.waitForRequest((r) => r.url().endsWith('/api/v1/persons') && r.method() === 'POST');
  await page.getByRole('button', { name: 'Enregistrer la personne' }).click();
  const body = (await sent).postDataJSON();
  assert.deepEqual(body.victimisation, { forms: ['trafficking'], exploitation: null, complaint_filed: false, complaint_date: null });
  await page.waitForURL(/\/personnes\/[0-9]+$/);
  const personId = Number(/\/personnes\/([0-9]+)$/.exec(page.url())[1]);
  const section = page.locator('section[aria-labelledby="situation-titre"]');
  await section.waitFor();
  const text = await section.innerText();
  assert.ok(text.includes(TRAFFICKING), `the form is shown: ${text}`);
  assert.match(text, /Plainte déposée\s+Non/, 'complaint « Non »');
  assert.match(text, /Lieu d'exploitation\s+Non renseigné/, 'no setting given');
  await expectAccessible(t, page, 'the person page with the situation');
  return { personId };
}

/**
 * On the person page: « Modifier la situation », a complaint dated tomorrow (the server's 422 is shown under
 * the date), then a setting and no complaint, saved through PATCH.
 */
export async function editSituation(t, page, personId) {
  const section = page.locator('section[aria-labelledby="situation-titre"]');
  await section.getByRole('button', { name: 'Modifier la situation' }).click();
  const form = section.locator('form');
  await form.waitFor();
  assert.equal(await form.locator('input[name="victimisation.forms"][value="trafficking"]').isChecked(), true, 'the form holds the saved forms');
  assert.equal(await radio(form, 'victimisation.complaint_filed', 'no').isChecked(), true, 'and the saved complaint answer');
  await radio(form, 'victimisation.complaint_filed', 'yes').check({ force: true });
  await complaintDate(form).fill(fr(addDays(todayIso(), 1)));
  const refused = page.waitForResponse((r) => r.url().endsWith(`/api/v1/persons/${personId}`) && r.request().method() === 'PATCH');
  await form.getByRole('button', { name: 'Enregistrer la situation' }).click();
  const response = await refused;
  assert.equal(response.status(), 422);
  const { error } = await response.json();
  assert.equal(error.field, 'victimisation.complaint_date', JSON.stringify(error));
  const group = form.locator('.fr-input-group', { has: page.locator('input[name="victimisation.complaint_date"]') });
  await form.locator('.fr-alert--error').waitFor();
  assert.match((await group.getAttribute('class')) ?? '', /fr-input-group--error/);
  assert.ok((await group.innerText()).includes(error.message), 'the message is under the complaint date');
  await expectAccessible(t, page, 'the situation form with a server field error');

  await radio(form, 'victimisation.complaint_filed', 'no').check({ force: true });
  await form.locator('select[name="victimisation.exploitation"]').selectOption('indoor');
  const saved = page.waitForResponse((r) => r.url().endsWith(`/api/v1/persons/${personId}`) && r.request().method() === 'PATCH');
  await form.getByRole('button', { name: 'Enregistrer la situation' }).click();
  const ok = await saved;
  assert.equal(ok.status(), 200);
  assert.deepEqual(ok.request().postDataJSON(), {
    victimisation: { forms: ['trafficking'], exploitation: 'indoor', complaint_filed: false, complaint_date: null },
  });
  await form.waitFor({ state: 'detached' });
  const text = await section.innerText();
  assert.match(text, /Lieu d'exploitation\s+Appartement, hôtel/, text);
  assert.ok(text.includes(TRAFFICKING), text);
}

/** Through the worker's API session: an assessment (present) and a parcours in preparation. */
export async function parcoursThroughApi(api, personId) {
  const grid = expectStatus(await api.get('/departements/33/criteria'), 200, 'criteria');
  expectStatus(await api.post(`/persons/${personId}/assessments`, {
    date: todayIso(), grid_version: grid.version, outcome: 'present',
    answers: grid.criteria.map((c) => ({ code: c.code, answer: 'met', evidence: '' })),
  }), 201, 'assessment');
  return expectStatus(await api.post('/parcours', { person_id: personId }), 201, 'parcours').id;
}

/**
 * The exit form: four selects with the code lists (« Non renseigné » first) and « Précisions »; the body
 * carries the codes; the exit view shows the server's labels and the notes.
 */
export async function exitWithCodes(t, page, parcoursId) {
  await page.goto(`/parcours/${parcoursId}`);
  await heading(page, /^Parcours de P-/);
  const section = page.locator('section[aria-labelledby="sortie-titre"]');
  await section.getByRole('button', { name: 'Clore le parcours' }).click();
  const form = section.locator('form');
  await form.waitFor();
  for (const [key, labels] of Object.entries(EXIT_CODES)) {
    const select = form.locator(`select[name="exit.outcome.${key}"]`);
    const options = await select.locator('option').evaluateAll((os) => os.map((o) => [o.value, o.textContent.trim()]));
    assert.deepEqual(options, Object.entries(labels), `the ${key} options`);
    assert.equal(await select.inputValue(), 'unknown', `${key}: « Non renseigné » by default`);
  }
  for (const label of ['Logement', 'Activité', 'Droit au séjour', 'Ressources', 'Précisions']) {
    assert.equal(await form.getByLabel(new RegExp(`^${label}`)).count(), 1, `a field labelled « ${label} »`);
  }
  await form.locator('select[name="exit.reason"]').selectOption('moved');
  await form.locator('select[name="exit.outcome.housing"]').selectOption('accommodation');
  await form.locator('select[name="exit.outcome.activity"]').selectOption('job_seeking');
  await form.locator('select[name="exit.outcome.residence_title"]').selectOption('asylum');
  const notes = 'Hébergée au CHRS de Bordeaux, suivi par la PASS.';
  await form.locator('textarea[name="exit.outcome.notes"]').fill(notes);
  await expectAccessible(t, page, 'the exit form (filled)');

  const answer = page.waitForResponse((r) => r.url().endsWith(`/api/v1/parcours/${parcoursId}/exit`));
  await form.getByRole('button', { name: 'Clore le parcours' }).click();
  const response = await answer;
  assert.equal(response.status(), 200, 'exit recorded');
  assert.deepEqual(response.request().postDataJSON().outcome, {
    housing: 'accommodation', activity: 'job_seeking', residence_title: 'asylum', income_source: 'unknown', notes,
  });
  const { exit } = await response.json();
  assert.equal(exit.outcome.housing_label, EXIT_CODES.housing.accommodation);
  assert.equal(exit.outcome.income_source_label, 'Non renseigné');

  await section.getByRole('heading', { name: 'Sortie du parcours' }).waitFor();
  const view = section.locator('dl');
  const shown = Object.fromEntries(
    await view.locator('.parcours-dl__item').evaluateAll((items) =>
      items.map((i) => [i.querySelector('dt').textContent.trim(), i.querySelector('dd').textContent.trim()])),
  );
  assert.deepEqual(shown, {
    Logement: exit.outcome.housing_label,
    Activité: exit.outcome.activity_label,
    'Droit au séjour': exit.outcome.residence_title_label,
    Ressources: exit.outcome.income_source_label,
    Précisions: notes,
  });
  assert.equal(shown.Logement, 'Hébergement (CHRS, résidence sociale…)');
  assert.equal(shown.Activité, "Recherche d'emploi");
  assert.equal(shown['Droit au séjour'], "Demande d'asile en cours");
  assert.ok((await section.innerText()).includes(`Sortie le ${fr(todayIso())} : Déménagement.`), 'date and reason');
  await expectAccessible(t, page, 'the parcours page after the exit');
}
