// Rights and deadlines in the browser: the public AFIS simulator, an AFIS application on an
// authorised parcours, and the alerts of the home page (docs/api/rights.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signInAsWorker } from './lib/casework-steps.mjs';
import { addDays, addMonths, fr, periodEnd, todayIso } from './lib/dates.mjs';
import { expectAccessible, heading, journey } from './lib/journey.mjs';
import { alertsOf, authorisedParcours, renewalDraftThroughUi, rightsRouteMissing } from './lib/rights-steps.mjs';

const norm = (text) => text.replace(/\s+/g, ' ').trim();
const CASEWORK = process.env.PARCOURS_E2E_CASEWORK_UNAVAILABLE || '';
const RIGHTS = process.env.PARCOURS_E2E_RIGHTS_UNAVAILABLE || '';
const ALERTS = process.env.PARCOURS_E2E_ALERTS_UNAVAILABLE || '';
const skipRights = CASEWORK || RIGHTS || false;
const skipAlerts = CASEWORK || ALERTS || false;

async function simulate(page, { date, children, territory }) {
  await page.locator('input[name="date"]').fill(fr(date));
  await page.locator('input[name="children"]').fill(String(children));
  await page.locator(`input[type="radio"][name="territory"][value="${territory}"]`).check({ force: true });
  const answer = page.waitForResponse((r) => r.url().includes('/api/v1/rules/afis?'));
  await page.getByRole('button', { name: 'Calculer le montant' }).click();
  const response = await answer;
  const result = page.locator('#afis-resultat');
  if (response.status() === 200) {
    const body = await response.json();
    await result.locator('#afis-montant', { hasText: norm(body.amount_label).split(' ')[0] }).waitFor();
  }
  return { response, result };
}

test('(j) simulateur AFIS public : montant, formule et barème daté, sans connexion', async (t) => {
  await journey(
    t,
    async ({ page }) => {
      await page.goto('/connexion');
      await heading(page, 'Connexion à Parcours');
      await page.getByRole('main').getByRole('link', { name: 'simulateur AFIS' }).click();
      await heading(page, 'Simulateur AFIS');
      assert.equal(await page.locator('input[name="date"]').inputValue(), fr(todayIso()), 'the date defaults to today');
      await expectAccessible(t, page, 'the AFIS simulator (empty)');

      let { response, result } = await simulate(page, { date: '2024-01-01', children: 2, territory: 'metropole' });
      assert.equal(response.status(), 200);
      assert.equal(norm(await result.locator('#afis-montant').innerText()), '555,36 €');
      assert.ok(norm(await result.locator('#afis-formule').innerText()).includes('343,20 € + 2 × 106,08 €'));
      const rows = norm(await result.locator('table').innerText());
      assert.ok(rows.includes('2022-1340') && rows.includes('01/07/2022'), `decree and valid-from date: ${rows}`);
      assert.ok(norm(await result.locator('#afis-article').innerText()).includes('R121-12-13-1'));
      await expectAccessible(t, page, 'the AFIS simulator (metropolitan France, 2 children)');
      t.diagnostic('01/01/2024, 2 enfants, métropole → 555,36 €');

      ({ response, result } = await simulate(page, { date: '2017-05-01', children: 2, territory: 'mayotte' }));
      assert.equal(response.status(), 200);
      assert.equal(norm(await result.locator('#afis-montant').innerText()), '267,00 €');
      assert.ok(norm(await result.locator('#afis-formule').innerText()).includes('165,00 € + 2 × 51,00 €'));
      assert.ok(norm(await result.locator('table').innerText()).includes('Mayotte'));
      t.diagnostic('01/05/2017, 2 enfants, Mayotte → 267,00 €');

      // Before the AFIS existed: the server's message goes under the date field.
      ({ response } = await simulate(page, { date: '2017-04-30', children: 0, territory: 'metropole' }));
      assert.equal(response.status(), 422);
      const { error } = await response.json();
      assert.equal(error.field, 'date', JSON.stringify(error));
      const group = page.locator('.fr-input-group', { has: page.locator('input[name="date"]') });
      await page.locator('.fr-alert--error').waitFor();
      assert.match((await group.getAttribute('class')) ?? '', /fr-input-group--error/);
      assert.ok((await group.innerText()).includes(error.message), 'the message is under the date field');
      assert.equal(await page.locator('#afis-resultat').count(), 0, 'no stale result');
      await expectAccessible(t, page, 'the AFIS simulator with a server field error');

      // The footer links to the simulator on every page.
      await page.goto('/mentions-legales');
      await heading(page, 'Mentions légales');
      await page.getByRole('contentinfo').getByRole('link', { name: 'Simulateur AFIS', exact: true }).click();
      await heading(page, 'Simulateur AFIS');
    },
    { expectedHttpErrors: [{ status: 422, path: '/api/v1/rules/afis' }] },
  );
});

test("(k) une travailleuse sociale enregistre une demande d'AFIS : conditions, montant, réponse de la MSA", { skip: skipRights }, async (t) => {
  const today = todayIso();
  const { parcoursId, pseudonym } = await authorisedParcours(t, { startDate: addDays(today, -10), lastName: 'Mensah' });
  const missing = await rightsRouteMissing(parcoursId);
  if (missing) return t.skip(missing);
  t.diagnostic(`parcours ${parcoursId} (${pseudonym}) authorised from ${fr(addDays(today, -10))}`);

  await journey(t, async ({ page }) => {
    await signInAsWorker(t, page);
    await page.goto(`/parcours/${parcoursId}`);
    await heading(page, `Parcours de ${pseudonym}`);
    const rights = page.locator('section[aria-labelledby="droits-titre"]');
    await rights.getByText("Aucune demande d'AFIS enregistrée.").waitFor();
    await expectAccessible(t, page, 'the parcours page with its rights section (empty)');

    await rights.locator('input[name="afis.dependent_children"]').fill('2');
    await rights.locator('input[name="afis.resources"]').fill('120,50');
    await rights.locator('input[name="afis.rsa_or_ada_entitled"][value="false"]').check({ force: true });
    await rights.locator('select[name="afis.residence_document"]').selectOption('residence_permit');
    const saved = page.waitForResponse((r) => r.url().endsWith(`/api/v1/parcours/${parcoursId}/afis`) && r.request().method() === 'POST');
    await rights.getByRole('button', { name: "Enregistrer la demande d'AFIS" }).click();
    const response = await saved;
    assert.equal(response.status(), 201, `AFIS application: ${await response.text()}`);
    const afis = await response.json();
    assert.equal(afis.resources_cents, 12050, 'euros sent as integer cents');
    const card = rights.locator(`article[data-afis="${afis.id}"]`);
    await card.waitFor();
    const shown = await card.locator('.parcours-conditions li').evaluateAll((lis) => lis.map((li) => [li.dataset.condition, li.dataset.met]));
    assert.deepEqual(shown, afis.conditions.map((c) => [c.code, String(c.met)]), 'each condition, met or not');
    for (const code of ['in_period', 'adult', 'lawful_stay', 'resources_below_rsa', 'no_rsa_or_ada']) {
      assert.ok(shown.some(([c]) => c === code), `condition ${code} shown`);
    }
    const text = norm(await card.innerText());
    assert.ok(afis.conditions.every((c) => text.includes(c.label)), 'condition labels shown');
    assert.equal(norm(await card.locator('h4 .fr-badge').textContent()), afis.eligible ? 'Éligible' : 'Non éligible');
    const scale = await (await page.request.get(`/api/v1/rules/afis?date=${afis.application_date}&children=2&territory=metropole`)).json();
    assert.equal(afis.expected_amount_cents, scale.amount_cents, 'the amount of the scale on the application date');
    assert.equal(norm(await card.locator('.parcours-afis-amount').innerText()), norm(scale.amount_label));
    assert.ok(text.includes(afis.formula), 'formula shown');
    assert.ok(text.includes(fr(afis.rows[0].valid_from)), 'source row (valid from) shown');
    t.diagnostic(`AFIS: eligible=${afis.eligible}, ${scale.amount_label} (${afis.formula})`);
    await expectAccessible(t, page, 'the parcours page with an AFIS application');

    // The MSA grants a different amount: the difference is flagged.
    await card.locator(`input[name="msa-${afis.id}.amount"]`).fill('500');
    const msa = page.waitForResponse((r) => r.url().endsWith(`/api/v1/afis/${afis.id}/msa`));
    await card.getByRole('button', { name: 'Enregistrer la réponse de la MSA' }).click();
    assert.equal((await msa).status(), 200, 'MSA answer recorded');
    await card.locator('.parcours-msa-mismatch').waitFor();
    assert.ok(norm(await card.innerText()).includes('500,00 € par mois'));
    await expectAccessible(t, page, 'the parcours page with an MSA amount that differs');

    // An issued APS: listed in its table and as a second line under the period timeline.
    const issued = addDays(today, -5);
    const validityEnd = addMonths(issued, 6);
    await rights.locator('input[name="aps.issue_date"]').fill(fr(issued));
    await rights.locator('input[name="aps.validity_end"]').fill(fr(validityEnd));
    await rights.locator('select[name="aps.status"]').selectOption('issued');
    const aps = page.waitForResponse((r) => r.url().endsWith(`/api/v1/parcours/${parcoursId}/aps`));
    await rights.getByRole('button', { name: "Enregistrer l'APS" }).click();
    assert.equal((await aps).status(), 201, 'APS recorded');
    await rights.locator('section[aria-labelledby="aps-titre"] table').getByText(fr(validityEnd)).waitFor();
    const line = norm(await page.locator('#frise-aps').innerText());
    assert.ok(line.includes(`APS délivrée du ${fr(issued)} au ${fr(validityEnd)}`), line);
    await expectAccessible(t, page, 'the parcours page with an APS');
  });
});

// The server's clock cannot be pinned: the period is authorised in the past so that it ends in
// 31–60 days (renewal_not_started today); once the renewal draft exists, GET /alerts?date= on a day
// 30 days or less before the end gives renewal_not_submitted instead.
test("(l) alertes : l'échéance de la période apparaît à l'accueil et change quand le renouvellement est commencé", { skip: skipAlerts }, async (t) => {
  const today = todayIso();
  const start = addDays(addMonths(today, -4), -10);
  const end = periodEnd(start);
  const { parcoursId, pseudonym } = await authorisedParcours(t, { startDate: start, lastName: 'Boateng' });
  t.diagnostic(`parcours ${parcoursId} (${pseudonym}) authorised from ${fr(start)}: period ends ${fr(end)}`);
  const describe = (alerts) => alerts.map((a) => `${a.code} (${a.severity}, ${a.due_date})`).join(', ') || 'none';

  await journey(t, async ({ page }) => {
    await signInAsWorker(t, page);
    const alerts = await alertsOf(page, parcoursId);
    t.diagnostic(`alerts today: ${describe(alerts)}`);
    const notStarted = alerts.find((a) => a.code === 'renewal_not_started');
    assert.ok(notStarted, `renewal_not_started expected: ${describe(alerts)}`);
    const item = page.locator(`#alertes-liste li[data-record-id="${parcoursId}"][data-alert-code="renewal_not_started"]`);
    await item.waitFor();
    const itemText = norm(await item.innerText());
    assert.ok(itemText.includes(pseudonym), 'the message names the pseudonym');
    assert.ok(itemText.includes(`Échéance : ${fr(notStarted.due_date)}`), 'due date as JJ/MM/AAAA');
    assert.ok(itemText.includes(norm(notStarted.message)), 'the French message');
    assert.equal(norm(await item.locator('.fr-badge').textContent()), 'Priorité moyenne');
    const dues = await page.locator('#alertes-liste li strong').allTextContents();
    const iso = dues.map((d) => d.replace(/^.*?(\d{2})\/(\d{2})\/(\d{4}).*$/, '$3-$2-$1'));
    assert.deepEqual(iso, [...iso].sort(), 'sorted by due date');
    await expectAccessible(t, page, 'the home page with alerts');

    await item.getByRole('link').click();
    await page.waitForURL(new RegExp(`/parcours/${parcoursId}$`));
    await heading(page, `Parcours de ${pseudonym}`);
    await renewalDraftThroughUi(page, parcoursId);

    await page.getByRole('link', { name: /^Accueil/ }).first().click();
    await heading(page, 'Accueil');
    await page.locator('#alertes-liste, #alertes-vide').first().waitFor();
    assert.equal(await page.locator(`li[data-record-id="${parcoursId}"][data-alert-code="renewal_not_started"]`).count(), 0, 'renewal_not_started gone');
    const todayAfter = await alertsOf(page, parcoursId);
    assert.ok(!todayAfter.some((a) => a.code === 'renewal_not_started'), describe(todayAfter));
    const later = addDays(end, -20);
    const laterAlerts = await alertsOf(page, parcoursId, later);
    t.diagnostic(`alerts today after the draft: ${describe(todayAfter)}; on ${fr(later)}: ${describe(laterAlerts)}`);
    assert.ok(laterAlerts.some((a) => a.code === 'renewal_not_submitted'), `renewal_not_submitted on ${later}: ${describe(laterAlerts)}`);
    assert.ok(!laterAlerts.some((a) => a.code === 'renewal_not_started'), describe(laterAlerts));
  });
});
