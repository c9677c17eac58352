// The commission and the préfet in the browser (docs/api/commission.md): the instructor holds a
// séance (agenda, attendance, quorum, avis with a recused member, minutes); a commission member reads
// a tabled file under pseudonym while the window is open, and no longer once it has passed; the
// signatory authorises one demande and refuses the other; the PDFs say what they must (and not the
// names, for the minutes); the association sees the agrément, the decisions and a demande sent back.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectStatus, sessionClient } from './lib/api.mjs';
import { instructorApi, submittedInitialDemande } from './lib/commission-api.mjs';
import { arrangeCommission, MEMBER_ACCOUNT, MEMBERS, PHARE } from './lib/commission-setup.mjs';
import { answerTo, download, mainNav, norm, pdfText, radio, signIn, signInEnrollingTotp } from './lib/commission-steps.mjs';
import { addDays, addMonths, fr, periodEnd, todayIso } from './lib/dates.mjs';
import { env, expectAccessible, heading, journey } from './lib/journey.mjs';

const UNAVAILABLE = process.env.PARCOURS_E2E_COMMISSION_UNAVAILABLE || '';
const skip = UNAVAILABLE !== '' ? UNAVAILABLE : false;

const TODAY = todayIso();
const RECUSAL = "Ne prend pas part au vote : représente l'association qui a préparé la demande";
const AVIS_REASONS = 'Les démarches d’insertion ne sont pas encore engagées ; la commission souhaite un nouvel examen dans trois mois.';
const REFUSAL_REASONS = 'Au vu de l’avis défavorable de la commission, les démarches d’insertion ne sont pas encore engagées.';

/** What the journeys hand to each other (they run in this order). */
const world = { arranged: null, seanceId: null, decisions: {}, files: {}, dir: null };
const needs = (...keys) => {
  const missing = keys.filter((k) => (k === 'files' ? Object.keys(world.files).length < 3 : !world[k]));
  return missing.length > 0 ? `an earlier journey of this file did not complete (${missing.join(', ')})` : null;
};

before(async () => {
  world.dir = await mkdtemp(join(tmpdir(), 'parcours-e2e-pdf-'));
});
after(async () => {
  if (world.dir) await rm(world.dir, { recursive: true, force: true });
});

test("(m) l'instructrice tient la séance : ordre du jour, présences et quorum, avis avec récusation, procès-verbal", { skip }, async (t) => {
  const arranged = await arrangeCommission();
  const [first, second] = arranged.demandes;
  const { members } = arranged;
  t.diagnostic(`demandes ${first.demandeId} (${first.pseudonym}) and ${second.demandeId} (${second.pseudonym}); commission ${arranged.commissionId}`);

  await journey(t, async ({ page }) => {
    await signIn(page, env('PARCOURS_E2E_INSTRUCTOR_EMAIL'), env('PARCOURS_E2E_INSTRUCTOR_PASSWORD'));
    await mainNav(page).getByRole('link', { name: 'Commission', exact: true }).click();
    await heading(page, 'Commission départementale — Gironde (33)');
    const list = norm(await page.locator('#membres-liste').textContent());
    assert.ok(list.includes(`Mandat expirant le ${fr(members.magistrate.term_end)}`), `term warning badge: ${list}`);
    assert.ok(list.includes(`Formation : oui (${fr(members.linked.trained_on)})`), 'training date');
    assert.ok(list.includes('Formation : non'), 'untrained members');
    assert.ok(list.includes(MEMBERS.association.name) && list.includes('11° Représentant'), 'the association representative');
    assert.match(norm(await page.locator('#commission-quorum').innerText()), /plus de 50 % de ses membres titulaires en exercice/);
    await expectAccessible(t, page, 'the commission page (instructor)');

    // A suppléante through the form (category 2°: no arrêté needed).
    await page.getByRole('button', { name: 'Ajouter un membre' }).click();
    await page.locator('select[name="member.category"]').selectOption('2');
    await page.locator('input[name="member.name"]').fill('Julie Fabre');
    await page.locator('input[name="member.organisation"]').fill('DDETS de la Gironde');
    await radio(page, 'member.titular', 'false');
    await page.locator('input[name="member.appointed_on"]').fill(fr(addMonths(TODAY, -6)));
    await expectAccessible(t, page, 'the add-member form');
    const added = await answerTo(page, /^\/api\/v1\/commissions\/[0-9]+\/members$/, 'POST', () =>
      page.getByRole('button', { name: 'Ajouter le membre' }).click(),
    );
    assert.equal(added.status, 201, JSON.stringify(added.body));
    await page.locator('#membres-liste').getByText('Julie Fabre').waitFor();

    // A séance today, convened today: allowed, flagged late.
    await page.getByRole('button', { name: 'Nouvelle séance' }).click();
    await page.locator('input[name="seance.date"]').fill(fr(TODAY));
    await page.locator('input[name="seance.place"]').fill('Préfecture de la Gironde, salle Montesquieu');
    assert.equal(await page.locator('input[name="seance.convocation_sent_on"]').inputValue(), fr(TODAY), 'convocation defaults to today');
    await page.locator('#seance-convocation-tardive').waitFor();
    await expectAccessible(t, page, 'the new-séance form');
    await page.getByRole('button', { name: 'Créer la séance' }).click();
    await page.waitForURL(/\/seances\/[0-9]+$/);
    world.seanceId = Number(/\/seances\/([0-9]+)$/.exec(page.url())[1]);
    await heading(page, `Séance du ${fr(TODAY)}`);
    assert.match(norm(await page.locator('#seance-convocation').textContent()), /Tardive/);

    // The agenda: both demandes; the second is withdrawn, then tabled again.
    const table = async (d) => {
      await page.locator('select[name="agenda.demande_id"]').selectOption(String(d.demandeId));
      const answer = await answerTo(page, /^\/api\/v1\/seances\/[0-9]+\/agenda$/, 'POST', () =>
        page.getByRole('button', { name: "Inscrire à l'ordre du jour" }).click(),
      );
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      await page.locator('#ordre-du-jour').getByText(d.pseudonym).waitFor();
    };
    await table(first);
    await table(second);
    const withdrawn = await answerTo(page, /^\/api\/v1\/seances\/[0-9]+\/agenda\/[0-9]+$/, 'DELETE', () =>
      page.getByRole('button', { name: 'Retirer', exact: true }).and(page.locator(`[title*="${second.pseudonym}"]`)).click(),
    );
    assert.equal(withdrawn.status, 200, JSON.stringify(withdrawn.body));
    await page.locator('#ordre-du-jour').getByText(second.pseudonym).waitFor({ state: 'detached' });
    await table(second);
    await expectAccessible(t, page, 'the séance with its agenda');

    // Attendance: 3 of the 4 titular members present or represented.
    await radio(page, `presence-${members.voting.id}`, 'excused');
    await radio(page, `presence-${members.linked.id}`, 'present');
    await radio(page, `presence-${members.association.id}`, 'present');
    await radio(page, `presence-${members.magistrate.id}`, 'represented');
    await page.locator(`input[name="presence-${members.magistrate.id}.represented_by"]`).fill('Paul Mercier');
    const attendance = await answerTo(page, /^\/api\/v1\/seances\/[0-9]+\/attendance$/, 'PUT', () =>
      page.getByRole('button', { name: 'Enregistrer les présences' }).click(),
    );
    assert.equal(attendance.status, 200, JSON.stringify(attendance.body));
    const q = attendance.body.quorum;
    assert.equal(q.present_or_represented, 3, JSON.stringify(q));
    assert.ok(q.reached, JSON.stringify(q));
    await page.locator('#seance-quorum', { hasText: `Quorum atteint : 3 présents ou représentés sur ${q.members_in_office}` }).waitFor();

    // Avis 1, favourable: the association's representative cannot vote.
    const form1 = page.locator(`form[data-demande-id="${first.demandeId}"]`);
    const recused = form1.locator(`[data-member-id="${members.association.id}"]`);
    assert.ok(norm(await recused.innerText()).includes(RECUSAL), 'recusal shown');
    for (const input of await recused.locator('input[type="radio"]').all()) assert.ok(await input.isDisabled(), 'recused member disabled');
    await radio(form1, `avis-${first.demandeId}.outcome`, 'favorable');
    await radio(form1, `avis-${first.demandeId}.vote-${members.linked.id}`, 'pour');
    await radio(form1, `avis-${first.demandeId}.vote-${members.magistrate.id}`, 'pour');
    await expectAccessible(t, page, 'the avis forms');
    let avis = await answerTo(page, /^\/api\/v1\/seances\/[0-9]+\/avis$/, 'POST', () =>
      form1.getByRole('button', { name: "Enregistrer l'avis" }).click(),
    );
    assert.equal(avis.status, 200, JSON.stringify(avis.body));
    const given1 = avis.body.agenda.find((i) => i.demande_id === first.demandeId).avis;
    assert.deepEqual(given1.votes, { pour: 2, contre: 0, abstention: 0 });
    assert.deepEqual(given1.recused.map((r) => r.member_id), [members.association.id], 'recusal recorded');

    // Avis 2, unfavourable, with reasons.
    const form2 = page.locator(`form[data-demande-id="${second.demandeId}"]`);
    await radio(form2, `avis-${second.demandeId}.outcome`, 'defavorable');
    await form2.locator(`textarea[name="avis-${second.demandeId}.reasons"]`).fill(AVIS_REASONS);
    await radio(form2, `avis-${second.demandeId}.vote-${members.linked.id}`, 'contre');
    await radio(form2, `avis-${second.demandeId}.vote-${members.magistrate.id}`, 'contre');
    avis = await answerTo(page, /^\/api\/v1\/seances\/[0-9]+\/avis$/, 'POST', () =>
      form2.getByRole('button', { name: "Enregistrer l'avis" }).click(),
    );
    assert.equal(avis.status, 200, JSON.stringify(avis.body));
    const agenda = norm(await page.locator('#ordre-du-jour').textContent());
    assert.ok(agenda.includes('Favorable') && agenda.includes('Défavorable'), agenda);
    await page.locator(`[data-demande-id="${second.demandeId}"] .parcours-avis`, { hasText: AVIS_REASONS }).waitFor();
    assert.equal(await page.locator('form[data-demande-id]').count(), 0, 'no avis form left');
    await expectAccessible(t, page, 'the séance after the avis');

    const name = await download(page, page.getByRole('link', { name: 'Télécharger le procès-verbal (PDF)' }), join(world.dir, 'minutes.pdf'));
    assert.match(name, /^proces-verbal-seance-.*\.pdf$/);
    world.files.minutes = join(world.dir, 'minutes.pdf');
    t.diagnostic(`séance ${world.seanceId}: quorum ${q.present_or_represented}/${q.members_in_office}, minutes ${name}`);
  });
  world.arranged = arranged;
});

test('(n) un membre de la commission lit un dossier inscrit sous pseudonyme, puis plus après la fenêtre', { skip }, async (t) => {
  const missing = needs('arranged', 'seanceId');
  if (missing) return t.skip(missing);
  const [first, second] = world.arranged.demandes;
  const seanceId = world.seanceId;

  await journey(t, async ({ page }) => {
    await signIn(page, MEMBER_ACCOUNT.email, env('PARCOURS_E2E_MEMBER_PASSWORD'));
    assert.ok((await page.locator('#connected-as').innerText()).includes(`compte n° ${env('PARCOURS_E2E_MEMBER_USER_ID')}`));
    await expectAccessible(t, page, 'the home page (commission member)');
    await mainNav(page).getByRole('link', { name: 'Commission', exact: true }).click();
    await heading(page, 'Commission départementale — Gironde (33)');
    assert.equal(await page.getByRole('button', { name: 'Ajouter un membre' }).count(), 0, 'read-only for a member');
    assert.equal(await page.getByRole('button', { name: 'Nouvelle séance' }).count(), 0, 'read-only for a member');
    await expectAccessible(t, page, 'the commission page (member)');
    await page.getByRole('link', { name: "Grille de critères d'éligibilité du département" }).click();
    await heading(page, "Grille de critères d'éligibilité — département 33");
    assert.ok((await page.locator('.parcours-criteria > li').count()) > 0, 'criteria listed');
    await expectAccessible(t, page, 'the criteria grid (member)');
    await mainNav(page).getByRole('link', { name: 'Commission', exact: true }).click();
    await heading(page, 'Commission départementale — Gironde (33)');

    await page.locator(`a[href="/seances/${seanceId}"]`).click();
    await heading(page, `Séance du ${fr(TODAY)}`);
    const open = norm(await page.locator('#seance-fenetre').innerText());
    assert.ok(open.includes(`Accès aux dossiers ouvert du ${fr(TODAY)} au ${fr(addDays(TODAY, 30))}`), open);
    for (const d of [first, second]) await page.locator('#ordre-du-jour').getByRole('link', { name: `Dossier ${d.pseudonym}` }).waitFor();
    await expectAccessible(t, page, 'the séance (member, window open)');

    const file = await answerTo(page, /^\/api\/v1\/seances\/[0-9]+\/files\/[0-9]+$/, 'GET', () =>
      page.getByRole('link', { name: `Dossier ${first.pseudonym}` }).click(),
    );
    assert.equal(file.status, 200, JSON.stringify(file.body));
    await heading(page, `Dossier de ${first.pseudonym}`);
    await page.getByText('Engagement constant ; avis favorable.').waitFor();
    await page.getByText("Ouverture des droits à l'assurance maladie").waitFor();
    const shown = await page.locator('body').innerText();
    const html = await page.content();
    const answer = JSON.stringify(file.body);
    assert.ok(shown.includes(first.pseudonym), 'pseudonym shown');
    assert.ok(shown.includes('Nigeria (NGA)') && shown.includes('25 à 34 ans'), 'nationality and age band');
    for (const identity of [first.lastName, ...first.firstNames.split(' '), first.birthDate, fr(first.birthDate)]) {
      assert.ok(!html.includes(identity), `"${identity}" must not be on the page`);
      assert.ok(!answer.includes(identity), `"${identity}" must not be in the API answer`);
    }
    await expectAccessible(t, page, 'a tabled file (member)');

    // The server's clock cannot be pinned, and a séance that has deliberated keeps its date: the
    // window's end is shown on a séance held 40 days ago (convened 45 days ago), where a demande
    // is tabled — its window (convocation → séance + 30 days) has closed.
    const past = addDays(TODAY, -40);
    const worker = await sessionClient(env('PARCOURS_E2E_BASE_URL'), env('PARCOURS_E2E_PHARE_WORKER_EMAIL'), env('PARCOURS_E2E_PHARE_WORKER_PASSWORD'));
    let late;
    try {
      late = await submittedInitialDemande(worker, { lastName: 'Boateng', firstNames: 'Efua', nationality: 'GHA' });
    } finally {
      await worker.dispose();
    }
    const api = await instructorApi();
    let pastSeanceId;
    try {
      const created = expectStatus(
        await api.post(`/commissions/${world.arranged.commissionId}/seances`, { date: past, place: 'Préfecture de la Gironde', convocation_sent_on: addDays(past, -5) }),
        201, 'POST /commissions/{id}/seances (past)');
      pastSeanceId = created.id;
      expectStatus(await api.post(`/seances/${pastSeanceId}/agenda`, { demande_id: late.demandeId }), 200, 'POST /seances/{id}/agenda (past)');
      // The séance of this morning has deliberated: its date no longer changes.
      assert.equal((await api.patch(`/seances/${seanceId}`, { date: past })).status, 409, 'PATCH a deliberated séance');
    } finally {
      await api.dispose();
    }
    await page.goto(`/seances/${pastSeanceId}`);
    await heading(page, `Séance du ${fr(past)}`);
    const closed = norm(await page.locator('#seance-fenetre').innerText());
    assert.ok(closed.includes(`Accès aux dossiers ouvert du ${fr(addDays(past, -5))} au ${fr(addDays(past, 30))}`), closed);
    assert.equal(await page.locator('#ordre-du-jour').count(), 0, 'no agenda once the window has closed');
    assert.equal(await page.getByRole('link', { name: /^Dossier / }).count(), 0, 'no file link');
    assert.ok(!(await page.locator('main').innerText()).includes(late.pseudonym), 'no pseudonym either');
    await expectAccessible(t, page, 'the séance (member, window closed)');
    const after = await page.request.get(`/api/v1/seances/${pastSeanceId}/files/${late.demandeId}`);
    assert.equal(after.status(), 404, 'GET /seances/{id}/files/{demande} after the window');
    t.diagnostic(`window closed on ${fr(addDays(past, 30))}: the file answers 404`);
  });
});

test('(o) le signataire autorise une demande, refuse l’autre avec des motifs, notifie et télécharge les lettres', { skip }, async (t) => {
  const missing = needs('arranged');
  if (missing) return t.skip(missing);
  const [first, second] = world.arranged.demandes;

  await journey(
    t,
    async ({ page }) => {
      await signInEnrollingTotp(page, env('PARCOURS_E2E_COMMISSION_SIGNATORY_EMAIL'), env('PARCOURS_E2E_COMMISSION_SIGNATORY_PASSWORD'));
      await mainNav(page).getByRole('link', { name: 'Décisions', exact: true }).click();
      await heading(page, 'Décisions à prendre');
      for (const d of [first, second]) await page.getByRole('link', { name: `Décision sur la demande de ${d.pseudonym}` }).waitFor();
      await expectAccessible(t, page, 'the decisions awaiting signature');

      // The authorisation follows the favourable avis.
      await page.getByRole('link', { name: `Décision sur la demande de ${first.pseudonym}` }).click();
      await heading(page, `Décision sur la demande de ${first.pseudonym}`);
      const avisPanel = norm(await page.locator('section[aria-labelledby="decision-avis-commission"]').textContent());
      assert.ok(avisPanel.includes('Avis favorable') && avisPanel.includes('2 pour, 0 contre, 0 abstention'), avisPanel);
      assert.ok(avisPanel.includes(MEMBERS.association.name), `recusal shown: ${avisPanel}`);
      const opinion = norm(await page.locator('section[aria-labelledby="decision-avis-association"]').innerText());
      assert.ok(opinion.includes('Favorable') && opinion.includes('Engagement constant'), opinion);
      await expectAccessible(t, page, 'the decision page (before signature)');
      await radio(page, 'decision.outcome', 'autorise');
      assert.equal(await page.locator('input[name="decision.start_date"]').inputValue(), fr(TODAY), 'the period starts today by default');
      const signed = await answerTo(page, /^\/api\/v1\/demandes\/[0-9]+\/decisions$/, 'POST', () =>
        page.getByRole('button', { name: 'Signer la décision' }).click(),
      );
      assert.equal(signed.status, 201, JSON.stringify(signed.body));
      world.decisions.authorisation = signed.body;
      const summary = page.locator('section[aria-labelledby="decision-signee"]');
      await summary.getByText(`du ${fr(TODAY)} au ${fr(periodEnd(TODAY))}`, { exact: false }).waitFor();
      await download(page, summary.getByRole('link', { name: 'Télécharger la lettre de décision (PDF)' }), join(world.dir, 'authorisation.pdf'));
      world.files.authorisation = join(world.dir, 'authorisation.pdf');
      await radio(page, 'notification.channel', 'association');
      const notified = await answerTo(page, /^\/api\/v1\/decisions\/[0-9]+\/notifications$/, 'POST', () =>
        page.getByRole('button', { name: 'Enregistrer la notification' }).click(),
      );
      assert.equal(notified.status, 201, JSON.stringify(notified.body));
      await summary.getByText(`Notifiée le ${fr(TODAY)}`, { exact: false }).waitFor();
      await expectAccessible(t, page, 'the signed authorisation');

      // The refusal: reasons are required (the server says so under the field).
      await mainNav(page).getByRole('link', { name: 'Décisions', exact: true }).click();
      await heading(page, 'Décisions à prendre');
      assert.equal(await page.getByRole('link', { name: `Décision sur la demande de ${first.pseudonym}` }).count(), 0, 'decided: off the list');
      await page.getByRole('link', { name: `Décision sur la demande de ${second.pseudonym}` }).click();
      await heading(page, `Décision sur la demande de ${second.pseudonym}`);
      assert.ok(norm(await page.locator('section[aria-labelledby="decision-avis-commission"]').innerText()).includes(AVIS_REASONS));
      await radio(page, 'decision.outcome', 'refuse');
      const refused = await answerTo(page, /^\/api\/v1\/demandes\/[0-9]+\/decisions$/, 'POST', () =>
        page.getByRole('button', { name: 'Signer la décision' }).click(),
      );
      assert.equal(refused.status, 422, JSON.stringify(refused.body));
      assert.equal(refused.body.error.field, 'reasons');
      const group = page.locator('.fr-input-group', { has: page.locator('textarea[name="decision.reasons"]') });
      await page.locator('.fr-alert--error').waitFor();
      assert.match((await group.getAttribute('class')) ?? '', /fr-input-group--error/);
      assert.ok((await group.innerText()).includes(refused.body.error.message), 'the message is under the reasons field');
      await expectAccessible(t, page, 'the decision form with a server field error');
      await page.locator('textarea[name="decision.reasons"]').fill(REFUSAL_REASONS);
      const signedRefusal = await answerTo(page, /^\/api\/v1\/demandes\/[0-9]+\/decisions$/, 'POST', () =>
        page.getByRole('button', { name: 'Signer la décision' }).click(),
      );
      assert.equal(signedRefusal.status, 201, JSON.stringify(signedRefusal.body));
      world.decisions.refusal = signedRefusal.body;
      await summary.getByText(REFUSAL_REASONS).waitFor();
      await download(page, summary.getByRole('link', { name: 'Télécharger la lettre de décision (PDF)' }), join(world.dir, 'refusal.pdf'));
      world.files.refusal = join(world.dir, 'refusal.pdf');
      await page.locator('select[name="appeal.kind"]').selectOption('tribunal_administratif');
      await page.locator('input[name="appeal.filed_on"]').fill(fr(TODAY));
      const appeal = await answerTo(page, /^\/api\/v1\/decisions\/[0-9]+\/appeals$/, 'POST', () =>
        page.getByRole('button', { name: 'Enregistrer le recours' }).click(),
      );
      assert.equal(appeal.status, 201, JSON.stringify(appeal.body));
      await summary.getByText(`Tribunal administratif formé le ${fr(TODAY)}`).waitFor();
      await expectAccessible(t, page, 'the signed refusal with an appeal');
    },
    { expectedHttpErrors: [{ status: 422, path: /^\/api\/v1\/demandes\/[0-9]+\/decisions$/ }] },
  );
});

test('(p) les PDF : pseudonymes et avis au procès-verbal sans les noms ; nom, motifs et recours dans les lettres', { skip }, async (t) => {
  const missing = needs('arranged', 'files');
  if (missing) return t.skip(missing);
  const [first, second] = world.arranged.demandes;

  const minutes = await pdfText(world.files.minutes);
  for (const text of [first.pseudonym, second.pseudonym, 'Favorable', 'Défavorable', norm(AVIS_REASONS), MEMBERS.association.name]) {
    assert.ok(minutes.includes(text), `minutes: "${text}" expected in: ${minutes}`);
  }
  for (const d of [first, second]) {
    for (const identity of [d.lastName, ...d.firstNames.split(' ')]) assert.ok(!minutes.includes(identity), `minutes: "${identity}" must not appear`);
  }
  t.diagnostic(`minutes: ${minutes.length} characters, both pseudonyms and avis, no name`);

  const authorisation = await pdfText(world.files.authorisation);
  const period = `du ${fr(TODAY)} au ${fr(periodEnd(TODAY))}`;
  assert.ok(authorisation.includes(period), `authorisation letter: "${period}" expected in: ${authorisation}`);
  assert.ok(authorisation.includes(first.lastName), 'the letter names the person');
  assert.ok(!authorisation.toLowerCase().includes('tribunal administratif'), 'no appeal notice on an authorisation');

  const refusal = await pdfText(world.files.refusal);
  for (const text of [second.lastName, norm(REFUSAL_REASONS), 'tribunal administratif']) {
    assert.ok(refusal.includes(text), `refusal letter: "${text}" expected in: ${refusal}`);
  }
  t.diagnostic(`letters: authorisation ${period}; refusal with reasons and the appeal notice`);
});

test("(q) l'association : agrément et échéances, décisions et lettres, demande renvoyée incomplète puis redéposée", { skip }, async (t) => {
  const missing = needs('arranged', 'decisions');
  if (missing || !world.decisions.refusal) return t.skip(missing ?? 'no refusal signed by (o)');
  const [, second] = world.arranged.demandes;
  const baseURL = env('PARCOURS_E2E_BASE_URL');
  // A third demande, sent back as incomplete by the instructor (API).
  const worker = await sessionClient(baseURL, env('PARCOURS_E2E_PHARE_WORKER_EMAIL'), env('PARCOURS_E2E_PHARE_WORKER_PASSWORD'));
  let third;
  try {
    third = await submittedInitialDemande(worker, { lastName: 'Mensah', firstNames: 'Abena', nationality: 'GHA' });
  } finally {
    await worker.dispose();
  }
  const MISSING = 'Copie du récépissé de demande d’asile';
  const api = await instructorApi();
  try {
    expectStatus(await api.post(`/demandes/${third.demandeId}/incomplete`, { items: [MISSING] }), 200, 'POST /demandes/{id}/incomplete');
  } finally {
    await api.dispose();
  }

  await journey(t, async ({ page }) => {
    await signIn(page, env('PARCOURS_E2E_PHARE_WORKER_EMAIL'), env('PARCOURS_E2E_PHARE_WORKER_PASSWORD'));
    await mainNav(page).getByRole('link', { name: 'Agrément', exact: true }).click();
    await heading(page, `Agréments — ${PHARE.name}`);
    const card = page.locator('[data-agrement-id]').first();
    const text = norm(await card.innerText());
    assert.equal(await card.getAttribute('data-state'), 'approved');
    assert.match(text, /Agréée le \d{2}\/\d{2}\/\d{4}/);
    assert.match(text, /Valable jusqu'au \d{2}\/\d{2}\/\d{4}/);
    await expectAccessible(t, page, 'the agrément page (association)');

    // The refused demande: the decision, its reasons and its letter on the parcours page.
    await page.goto(`/parcours/${second.parcoursId}`);
    await heading(page, `Parcours de ${second.pseudonym}`);
    const decisions = page.locator('#decisions-liste');
    assert.ok(norm(await decisions.textContent()).includes('Engagement dans le parcours refusé'));
    await decisions.getByRole('link', { name: /^Lettre du .* \(PDF\)$/ }).waitFor();
    await expectAccessible(t, page, 'the parcours page with a refusal');

    // The demande sent back: what is missing, and submitted again.
    await page.goto(`/parcours/${third.parcoursId}`);
    await heading(page, `Parcours de ${third.pseudonym}`);
    const section = page.locator('section[aria-labelledby="demande-titre"]');
    await section.getByText('Renvoyée : incomplète', { exact: true }).waitFor();
    assert.ok(norm(await section.locator('#demande-renvoi-elements').innerText()).includes(MISSING));
    await expectAccessible(t, page, 'the parcours page with a demande sent back');
    const resubmitted = await answerTo(page, /^\/api\/v1\/demandes\/[0-9]+\/submit$/, 'POST', () =>
      section.getByRole('button', { name: 'Déposer à nouveau la demande' }).click(),
    );
    assert.equal(resubmitted.status, 200, JSON.stringify(resubmitted.body));
    await section.getByText('Déposée', { exact: true }).waitFor();
  });
});

test("(r) l'instructrice enregistre un dossier d'agrément et demande des pièces : état et échéances", { skip }, async (t) => {
  await journey(t, async ({ page }) => {
    await signIn(page, env('PARCOURS_E2E_INSTRUCTOR_EMAIL'), env('PARCOURS_E2E_INSTRUCTOR_PASSWORD'));
    await mainNav(page).getByRole('link', { name: 'Associations et agréments', exact: true }).click();
    await heading(page, 'Associations');
    await expectAccessible(t, page, 'the associations list (instructor)');
    await page.getByRole('link', { name: `Agréments de ${PHARE.name}` }).click();
    await heading(page, `Agréments — ${PHARE.name}`);
    const approved = page.locator('[data-agrement-id][data-state="approved"]');
    await approved.getByRole('button', { name: "Retirer l'agrément" }).waitFor();
    await expectAccessible(t, page, 'the agrément page (instructor)');

    // A new file while the agrément is valid: its renewal, with its clocks from the filing date.
    await page.getByRole('button', { name: 'Enregistrer un nouveau dossier' }).click();
    assert.equal(await page.locator('input[name="agrement.departement"]').inputValue(), '33');
    assert.equal(await page.locator('input[name="agrement.filed_on"]').inputValue(), fr(TODAY));
    const filed = await answerTo(page, /^\/api\/v1\/associations\/[0-9]+\/agrements$/, 'POST', () =>
      page.getByRole('button', { name: 'Enregistrer le dossier' }).click(),
    );
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    assert.ok(filed.body.renews_id !== null, 'a renewal of the valid agrément');
    const card = page.locator(`[data-agrement-id="${filed.body.id}"]`);
    await card.waitFor();
    const clocks = norm(await card.textContent());
    assert.ok(clocks.includes(`Réputé complet le ${fr(filed.body.clocks.complete_on)}`), clocks);
    assert.ok(clocks.includes(`Agrément tacite le ${fr(filed.body.clocks.tacit_approval_on)}`), clocks);
    assert.ok(clocks.includes(filed.body.clocks.complete_basis), 'the basis of the completeness clock');

    await card.getByRole('button', { name: 'Demander des pièces manquantes' }).click();
    await card.locator(`textarea[name="agrement-${filed.body.id}.items"]`).fill('Rapport d’activité 2025 ; budget prévisionnel');
    await expectAccessible(t, page, 'the agrément missing-documents form');
    const requested = await answerTo(page, /^\/api\/v1\/agrements\/[0-9]+\/missing-documents$/, 'POST', () =>
      card.getByRole('button', { name: 'Enregistrer' }).click(),
    );
    assert.equal(requested.status, 200, JSON.stringify(requested.body));
    assert.equal(requested.body.state, 'incomplete');
    await page.locator(`[data-agrement-id="${filed.body.id}"][data-state="incomplete"]`).waitFor();
    assert.ok(norm(await card.textContent()).includes('Rapport d’activité 2025'), 'the documents asked for');
    await card.getByRole('button', { name: 'Enregistrer la réception des pièces' }).waitFor();
    await expectAccessible(t, page, 'the agrément page with a file awaiting documents');
    t.diagnostic(`agrément ${filed.body.id}: ${filed.body.state_label} → ${requested.body.state_label}`);
  });
});
