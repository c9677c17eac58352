// The case workflow in the browser: an association worker registers a person, assesses eligibility,
// opens a parcours, writes the document and files the initial demande; the commission's avis (at a
// séance) and the signatory's decision go through the API; the parcours page then shows period 1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectStatus, sessionClient } from './lib/api.mjs';
import { answerTo, norm } from './lib/commission-steps.mjs';
import {
  addFollowup, addReferral, assessEligibility, createPerson, decide, fillPerson, PERSON, prepareAndSubmit,
  signInAsWorker, writeDocument,
} from './lib/casework-steps.mjs';
import { fr, periodEnd, todayIso } from './lib/dates.mjs';
import { createPersonWithSituation, editSituation, exitWithCodes, parcoursThroughApi } from './lib/situation-steps.mjs';
import { env, expectAccessible, heading, journey } from './lib/journey.mjs';

const UNAVAILABLE = process.env.PARCOURS_E2E_CASEWORK_UNAVAILABLE || '';
const skip = UNAVAILABLE !== '' ? UNAVAILABLE : false;

test("(g) parcours d'une personne : inscription, éligibilité, document, demande initiale, période 1", { skip }, async (t) => {
  await journey(t, async ({ page }) => {
    await signInAsWorker(t, page);
    const { pseudonym, personId } = await createPerson(t, page);
    t.diagnostic(`person ${personId}: ${pseudonym}`);
    await addReferral(page);
    await assessEligibility(t, page);
    await page.getByRole('button', { name: 'Ouvrir un parcours' }).click();
    await page.waitForURL(/\/parcours\/[0-9]+$/);
    await heading(page, `Parcours de ${pseudonym}`);
    const parcoursId = Number(/\/parcours\/([0-9]+)$/.exec(page.url())[1]);
    await expectAccessible(t, page, 'the parcours page (new)');
    await writeDocument(t, page);
    await prepareAndSubmit(t, page, parcoursId);

    const read = await page.request.get(`/api/v1/parcours/${parcoursId}`);
    assert.equal(read.status(), 200, 'GET parcours');
    const parcours = await read.json();
    const demandeId = parcours.current_demande?.id;
    assert.ok(demandeId, 'the parcours has a current demande');
    const start = todayIso();
    const decision = await decide(t, demandeId, start);
    t.diagnostic(`decision ${decision.id}: ${decision.label}, ${decision.start_date} – ${decision.end_date}`);

    await page.reload();
    await heading(page, `Parcours de ${pseudonym}`);
    const end = periodEnd(start);
    const block = page.locator('.parcours-timeline__block[data-period="1"]');
    assert.equal((await block.locator('.parcours-timeline__dates').innerText()).trim(), `${fr(start)} – ${fr(end)}`);
    assert.equal(await page.locator('.parcours-timeline__month--today').count(), 1, 'one today marker');
    const text = await page.locator('#frise-texte').textContent();
    assert.ok(text.includes(`Période 1 : autorisée du ${fr(start)} au ${fr(end)} (en cours).`), text);
    assert.ok(text.includes('Période 2 : non autorisée à ce jour.'), text);
    assert.match(await page.locator('#parcours-etat').textContent(), /en cours/i);
    assert.ok((await page.locator('section[aria-labelledby="historique-titre"] tbody tr').count()) >= 3, 'history rows');
    await expectAccessible(t, page, 'the parcours page (period 1 authorised)');
    await addFollowup(page);

    // The list shows pseudonyms only, never a name; the search narrows it by pseudonym.
    await page.getByRole('navigation', { name: /menu principal/i }).getByRole('link', { name: 'Personnes', exact: true }).click();
    await heading(page, 'Personnes suivies');
    await page.locator('input[name="q"]').fill(pseudonym.slice(0, 6));
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.waitForURL(/\/personnes\?q=/);
    const table = page.locator('table');
    await table.getByRole('link', { name: pseudonym }).waitFor();
    const listText = await page.locator('main').innerText();
    assert.ok(!listText.includes(PERSON.lastName) && !listText.includes('Blessing'), 'no name in the list');
    await expectAccessible(t, page, 'the persons list');
  });
});

test('(g2) situation de la personne (facultative) et sortie du parcours décrite par des codes', { skip }, async (t) => {
  const baseURL = env('PARCOURS_E2E_BASE_URL');
  await journey(
    t,
    async ({ page }) => {
      await signInAsWorker(t, page);
      const { personId } = await createPersonWithSituation(t, page, 'Eze');
      t.diagnostic(`person ${personId}: situation « traite », plainte « non »`);
      await editSituation(t, page, personId);
      const api = await sessionClient(baseURL, env('PARCOURS_E2E_WORKER_EMAIL'), env('PARCOURS_E2E_WORKER_PASSWORD'));
      let parcoursId;
      try {
        const read = expectStatus(await api.get(`/persons/${personId}`), 200, 'GET person');
        assert.deepEqual(read.victimisation, { forms: ['trafficking'], exploitation: 'indoor', complaint_filed: false, complaint_date: null });
        parcoursId = await parcoursThroughApi(api, personId);
      } finally {
        await api.dispose();
      }
      await exitWithCodes(t, page, parcoursId);
    },
    { expectedHttpErrors: [{ status: 422, path: /^\/api\/v1\/persons\/[0-9]+$/ }] },
  );
});

test('(h) une erreur de champ renvoyée par le serveur est signalée sur le bon champ', { skip }, async (t) => {
  await journey(
    t,
    async ({ page }) => {
      await signInAsWorker(t, page);
      await page.goto('/personnes/nouvelle');
      await heading(page, 'Nouvelle personne');
      await fillPerson(page, { birthDate: null });
      const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/persons') && r.request().method() === 'POST');
      await page.getByRole('button', { name: 'Enregistrer la personne' }).click();
      const response = await answer;
      assert.equal(response.status(), 422);
      const { error } = await response.json();
      assert.equal(error.field, 'identity.birth_date', JSON.stringify(error));
      const group = page.locator('.fr-input-group', { has: page.locator('input[name="identity.birth_date"]') });
      await page.locator('.fr-alert--error').waitFor();
      assert.match((await group.getAttribute('class')) ?? '', /fr-input-group--error/);
      assert.ok((await group.innerText()).includes(error.message), 'the message is under the field');
      assert.match(page.url(), /\/personnes\/nouvelle$/);
      await expectAccessible(t, page, 'the new-person form with a server field error');
    },
    { expectedHttpErrors: [{ status: 422, path: '/api/v1/persons' }] },
  );
});

test("(i) un dépôt incomplet affiche la liste « ce qu'il manque » renvoyée par le serveur", { skip }, async (t) => {
  const baseURL = env('PARCOURS_E2E_BASE_URL');
  // Arrange through the API: a person, an assessment, a parcours and a draft demande without a document.
  const api = await sessionClient(baseURL, env('PARCOURS_E2E_WORKER_EMAIL'), env('PARCOURS_E2E_WORKER_PASSWORD'));
  let parcoursId;
  try {
    const person = expectStatus(await api.post('/persons', {
      identity: { last_name: 'Ionescu', first_names: 'Maria', aliases: [], birth_date: '1990-01-31', nationality: 'ROU',
        languages: ['ro'], interpreter_needed: false },
      sex_or_gender: 'female', children: [], administrative_status: 'eu_citizen', contact_channel: 'online_outreach',
    }), 201, 'person');
    const grid = expectStatus(await api.get('/departements/33/criteria'), 200, 'criteria');
    expectStatus(await api.post(`/persons/${person.id}/assessments`, {
      date: todayIso(), grid_version: grid.version, outcome: 'present',
      answers: grid.criteria.map((c) => ({ code: c.code, answer: 'met', evidence: '' })),
    }), 201, 'assessment');
    parcoursId = expectStatus(await api.post('/parcours', { person_id: person.id }), 201, 'parcours').id;
    expectStatus(await api.post(`/parcours/${parcoursId}/demandes`, {
      kind: 'initiale', association_opinion: { favourable: true, text: '' }, expected_results: '', achieved_results: '',
      difficulties: '', sworn_statement_declared: false, attachments: [],
    }), 201, 'draft demande');
  } finally {
    await api.dispose();
  }

  await journey(
    t,
    async ({ page }) => {
      await signInAsWorker(t, page);
      await page.goto(`/parcours/${parcoursId}`);
      await heading(page, /^Parcours de P-/);
      const demande = page.locator('section[aria-labelledby="demande-titre"]');
      const checklist = (await demande.locator('.parcours-checklist__list li').allTextContents()).map((s) => s.trim());
      assert.ok(checklist.length >= 2, `the checklist lists what is missing: ${checklist.join(' | ')}`);
      const answer = page.waitForResponse((r) => /\/api\/v1\/demandes\/[0-9]+\/submit$/.test(r.url()));
      await demande.getByRole('button', { name: 'Déposer la demande' }).click();
      const response = await answer;
      assert.equal(response.status(), 422);
      const { error } = await response.json();
      assert.equal(error.code, 'demande_incomplete');
      const alert = demande.locator('.fr-alert--error');
      await alert.waitFor();
      const shown = (await alert.locator('li').allTextContents()).map((s) => s.trim());
      assert.deepEqual(shown, error.missing, 'the alert lists the server’s missing items');
      assert.deepEqual(checklist, error.missing, 'the checklist mirrored the same list before submission');
      assert.equal(await page.evaluate(() => document.activeElement?.closest('.fr-alert, [tabindex="-1"]') !== null), true, 'focus on the alert');
      await expectAccessible(t, page, 'the parcours page after a refused submission');
    },
    { expectedHttpErrors: [{ status: 422, path: /^\/api\/v1\/demandes\/[0-9]+\/submit$/ }] },
  );
});

test('(j) des suivis tenus dans un tableur sont importés en CSV ; un fichier fautif n’importe rien', { skip }, async (t) => {
  const baseURL = env('PARCOURS_E2E_BASE_URL');
  const api = await sessionClient(baseURL, env('PARCOURS_E2E_WORKER_EMAIL'), env('PARCOURS_E2E_WORKER_PASSWORD'));
  let parcoursId;
  try {
    const person = expectStatus(await api.post('/persons', {
      identity: { last_name: 'Popescu', first_names: 'Ioana', aliases: [], birth_date: '1992-06-14', nationality: 'ROU',
        languages: ['ro'], interpreter_needed: false },
      sex_or_gender: 'female', children: [], administrative_status: 'eu_citizen', contact_channel: 'online_outreach',
    }), 201, 'person');
    parcoursId = await parcoursThroughApi(api, person.id);
  } finally {
    await api.dispose();
  }
  const dir = await mkdtemp(join(tmpdir(), 'parcours-suivis-'));
  try {
    await journey(
      t,
      async ({ page }) => {
        await signInAsWorker(t, page);
        await page.getByRole('link', { name: 'Importer des suivis' }).click();
        await heading(page, 'Importer des suivis');
        await expectAccessible(t, page, 'the follow-up import page');

        // Two faulty lines out of three: nothing is written, both are listed with their column.
        const faulty = join(dir, 'fautif.csv');
        await writeFile(faulty, `parcours;date;type;texte\n${parcoursId};31/02/2025;Entretien;Premier entretien.\n`
          + `${parcoursId};03/03/2025;Visite;Visite à domicile.\n${parcoursId};04/03/2025;Entretien;Deuxième entretien.\n`);
        await page.locator('input[name="csv"]').setInputFiles(faulty);
        const refused = await answerTo(page, /^\/api\/v1\/followups\/import$/, 'POST', () => page.getByRole('button', { name: 'Importer le fichier' }).click());
        assert.equal(refused.status, 422, JSON.stringify(refused.body));
        const alert = page.getByRole('alert').filter({ hasText: "Rien n'a été importé" });
        await alert.getByRole('heading', { name: "Rien n'a été importé" }).waitFor();
        const items = (await alert.locator('li').allInnerTexts()).map(norm);
        assert.deepEqual(items, [
          'Ligne 2, colonne date : Date attendue au format JJ/MM/AAAA.',
          'Ligne 3, colonne type : Type inconnu. Types possibles : Entretien, Accompagnement, Appel téléphonique, Incident, Autre.',
        ]);
        await expectAccessible(t, page, 'the follow-up import page with errors');

        // Corrected: every line becomes a follow-up of the parcours, with its date and difficulties.
        const good = join(dir, 'suivis.csv');
        await writeFile(good, `\ufeffparcours;date;type;texte;difficultes\n`
          + `${parcoursId};28/02/2025;Entretien;Premier entretien à la permanence.;"Logement\nSanté"\n`
          + `${parcoursId};03/03/2025;Appel téléphonique;Rendez-vous fixé à la CPAM.;\n`);
        await page.locator('input[name="csv"]').setInputFiles(good);
        const imported = await answerTo(page, /^\/api\/v1\/followups\/import$/, 'POST', () => page.getByRole('button', { name: 'Importer le fichier' }).click());
        assert.equal(imported.status, 200, JSON.stringify(imported.body));
        assert.deepEqual(imported.body, { imported: 2, parcours: 1 });
        const done = page.locator('#suivis-import-resultat');
        await done.waitFor();
        assert.ok(norm(await done.innerText()).includes('2 suivis enregistrés dans 1 parcours'), await done.innerText());
        assert.equal(await page.getByRole('alert').filter({ hasText: "Rien n'a été importé" }).count(), 0, 'the errors are gone');

        await page.goto(`/parcours/${parcoursId}`);
        await heading(page, /^Parcours de P-/);
        const log = page.locator('section[aria-labelledby="suivi-titre"] .parcours-log__item');
        await log.first().waitFor();
        const texts = (await log.allInnerTexts()).map(norm);
        assert.equal(texts.length, 2, texts.join('\n'));
        assert.ok(texts.some((x) => x.includes('03/03/2025') && x.includes('Rendez-vous fixé à la CPAM.')), texts.join('\n'));
        assert.ok(texts.some((x) => x.includes('28/02/2025') && x.includes('Logement ; Santé')), texts.join('\n'));
      },
      { expectedHttpErrors: [{ status: 422, path: '/api/v1/followups/import' }] },
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
