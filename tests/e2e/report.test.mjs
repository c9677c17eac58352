// The association admin's activity report in the browser (docs/api/statistics.md,
// `scope=association:ID`): the admin of the case-workflow association opens « Rapport d'activité »,
// finds the figures of `GET /stats` (unmasked on screen), changes the year, prints, and downloads
// the CSV export, which applies the statistical secret (« < 11 »). A worker of the same association
// has no such page and the server answers 404. The records are arranged through the API.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectStatus, sessionClient } from './lib/api.mjs';
import { ASSOCIATION } from './lib/casework-setup.mjs';
import { DEPARTEMENT, submittedInitialDemande } from './lib/commission-api.mjs';
import { download, mainNav, norm, signIn } from './lib/commission-steps.mjs';
import { fr, todayIso } from './lib/dates.mjs';
import { env, expectAccessible, heading, journey } from './lib/journey.mjs';
import { indicatorOf, readExport, shown } from './lib/statistics-steps.mjs';

const skip = process.env.PARCOURS_E2E_REPORT_UNAVAILABLE || false;

const TODAY = todayIso();
const YEAR = Number(TODAY.slice(0, 4));
const CURRENT = { from: `${YEAR}-01-01`, to: TODAY, at: TODAY };
const PREVIOUS = { from: `${YEAR - 1}-01-01`, to: `${YEAR - 1}-12-31`, at: `${YEAR - 1}-12-31` };
const REPORT = "Rapport d'activité";

/** The counts among the report's key figures (the acceptance rate is checked on its own). */
const KEY_COUNTS = [
  'referrals', 'assessments', 'eligible_not_presented', 'demandes_submitted', 'avis', 'decisions', 'parcours_in_progress', 'entries',
  'exits', 'afis_recipients', 'afis_granted', 'aps_issued',
];
/** Key figures listed with their categories. */
const WITH_BREAKDOWN = ['eligible_not_presented', 'exits'];

const world = { dir: null };
before(async () => {
  world.dir = await mkdtemp(join(tmpdir(), 'parcours-e2e-report-'));
});
after(async () => {
  if (world.dir) await rm(world.dir, { recursive: true, force: true });
});

const scope = () => `association:${env('PARCOURS_E2E_ASSOCIATION_ID')}`;
const keyFigure = (page, code) => page.locator(`#chiffres-cles [data-indicator="${code}"]`);
const lead = (page) => page.locator('#rapport-periode');
const statsUrl = (query) => `/api/v1/stats?${new URLSearchParams(query)}`;

/** The report's figures as the admin's session gets them (same parameters as the page). */
async function reportStats(page, period) {
  const response = await page.request.get(statsUrl({ scope: scope(), ...period }));
  assert.equal(response.status(), 200, `GET /stats?scope=${scope()} ${JSON.stringify(period)}`);
  return response.json();
}

/**
 * Through the API, as the association's worker: a person referred today whose initial demande is
 * submitted, and a second person referred today, eligible but not presented (awaiting documents).
 */
async function arrangeRecords() {
  const api = await sessionClient(env('PARCOURS_E2E_BASE_URL'), env('PARCOURS_E2E_WORKER_EMAIL'), env('PARCOURS_E2E_WORKER_PASSWORD'));
  try {
    const submitted = await submittedInitialDemande(api, { lastName: 'Mensah', firstNames: 'Abena', birthDate: '1990-08-21', nationality: 'GHA' });
    const referral = { date: TODAY, source: 'street_outreach', notes: 'Rencontrée lors d’une maraude.' };
    expectStatus(await api.post(`/persons/${submitted.personId}/referrals`, referral), 201, 'referral');
    const person = expectStatus(await api.post('/persons', {
      identity: { last_name: 'Osei', first_names: 'Efua', aliases: [], birth_date: '1997-01-30', nationality: 'GHA', languages: ['en'],
        interpreter_needed: false },
      sex_or_gender: 'female', children: [], administrative_status: 'undocumented', contact_channel: 'siao_115',
    }), 201, 'second person');
    expectStatus(await api.post(`/persons/${person.id}/referrals`, { ...referral, source: 'siao_115' }), 201, 'second referral');
    const grid = expectStatus(await api.get(`/departements/${DEPARTEMENT}/criteria`), 200, 'criteria');
    expectStatus(await api.post(`/persons/${person.id}/assessments`, {
      date: TODAY, grid_version: grid.version, outcome: 'postpone', reason_code: 'awaiting_documents',
      answers: grid.criteria.map((c) => ({ code: c.code, answer: 'met', evidence: 'Constaté en entretien.' })),
    }), 201, 'assessment (postponed)');
    return submitted;
  } finally {
    await api.dispose();
  }
}

/** The report on the page shows the API's figures: every key count, the categories, the rate and its basis. */
async function assertReport(t, page, stats, period) {
  assert.equal(stats.masked, false, 'an association admin sees its own activity unmasked');
  assert.equal(norm(await page.getByRole('heading', { level: 1 }).innerText()), stats.scope_label, 'the association as title');
  assert.equal(norm(await lead(page).innerText()), `${REPORT} ${period.from.slice(0, 4)} — du ${fr(period.from)} au ${fr(period.to)}`);
  for (const code of KEY_COUNTS) {
    const indicator = indicatorOf(stats, code);
    const value = keyFigure(page, code).locator('.parcours-keyfigure__value');
    assert.equal(norm(await value.innerText()), norm(shown(indicator)), `key figure ${code}`);
  }
  // The categories that are not zero under their key figure; all of them in the list below.
  for (const code of WITH_BREAKDOWN) {
    const indicator = indicatorOf(stats, code);
    assert.ok(indicator.breakdown.length > 0, `${code} has categories`);
    for (const b of indicator.breakdown) {
      const item = keyFigure(page, code).locator(`li[data-key="${b.key}"]`);
      if (b.value === 0) assert.equal(await item.count(), 0, `${code} / ${b.key}: a zero is not listed`);
      else assert.equal(norm(await item.innerText()), norm(`${b.label} : ${shown(b)}`), `${code} / ${b.key}`);
      const row = page.locator(`#indicateurs [data-indicator="${code}"] tr[data-key="${b.key}"] td`);
      assert.equal(norm(await row.innerText()), norm(shown(b)), `${code} / ${b.key} in the list`);
    }
  }
  const inProgress = norm(await keyFigure(page, 'parcours_in_progress').locator('.parcours-keyfigure__detail').innerText());
  assert.ok(inProgress.startsWith(`Au ${fr(period.at)}`), inProgress);
  const rate = indicatorOf(stats, 'acceptance_rate');
  const rateDetail = norm(await keyFigure(page, 'acceptance_rate').locator('.parcours-keyfigure__detail').innerText());
  if (rate.denominator > 0) {
    assert.equal(norm(await keyFigure(page, 'acceptance_rate').locator('.parcours-keyfigure__value').innerText()), norm(rate.display));
    assert.ok(rateDetail.endsWith(`sur ${rate.denominator} décision${rate.denominator > 1 ? 's' : ''}`), rateDetail);
  } else {
    assert.equal(rateDetail, 'Aucune décision sur la période.');
  }
  // Every indicator of the answer, with its definition behind the « i » button; no map.
  assert.equal(await page.locator('#indicateurs [data-indicator]').count(), stats.indicators.length, 'every indicator listed');
  const referrals = indicatorOf(stats, 'referrals');
  const tooltip = page.locator('#liste-definition-referrals');
  assert.ok(norm(await tooltip.textContent()).includes(norm(referrals.definition)), 'the definition of referrals');
  assert.equal(await page.locator('#carte').count(), 0, 'no map');
  assert.ok(stats.indicators.every((i) => (i.by_departement ?? []).length === 0), 'no by_departement in the answer');
  t.diagnostic(
    `${stats.scope_label} ${period.from.slice(0, 4)}: ${KEY_COUNTS.map((c) => `${c} ${indicatorOf(stats, c).display}`).join(', ')}; ` +
      `acceptance_rate ${rate.display} (${rate.denominator ?? '—'})`,
  );
}

/** Chooses a year with the form and waits for its report. */
async function chooseYear(page, year) {
  await page.locator('select[name="year"]').selectOption(String(year));
  const answer = page.waitForResponse((r) => r.url().includes('/api/v1/stats?') && r.url().includes(`from=${year}-01-01`));
  await page.getByRole('button', { name: 'Afficher le rapport' }).click();
  assert.equal((await answer).status(), 200);
  await page.waitForURL(new RegExp(`/rapport-activite\\?annee=${year}$`));
  await lead(page).filter({ hasText: `${REPORT} ${year}` }).waitFor();
  await page.locator('#chiffres-cles').waitFor();
}

test("(u) l'administratrice de l'association : rapport d'activité, changement d'année, impression, export CSV", { skip }, async (t) => {
  const { pseudonym } = await arrangeRecords();
  t.diagnostic(`${pseudonym}: referred and demande submitted on ${fr(TODAY)}; a second person referred, eligible, not presented`);

  await journey(t, async ({ page }) => {
    await signIn(page, env('PARCOURS_E2E_ASSOCIATION_ADMIN_EMAIL'), env('PARCOURS_E2E_ASSOCIATION_ADMIN_PASSWORD'));
    const me = await (await page.request.get('/api/v1/me')).json();
    assert.equal(me.user.role, 'association_admin');
    assert.equal(String(me.user.association_id), env('PARCOURS_E2E_ASSOCIATION_ID'), 'the association of /me');
    await page.locator('section[aria-labelledby="raccourcis-titre"]').getByRole('link', { name: REPORT }).waitFor();
    await expectAccessible(t, page, 'the home page (association admin)');

    await mainNav(page).getByRole('link', { name: REPORT, exact: true }).click();
    await page.waitForURL('**/rapport-activite');
    await heading(page, ASSOCIATION.name);
    await page.locator('#chiffres-cles').waitFor();
    assert.equal(await page.locator('input[name="period-mode"]').count(), 0, 'a year picker only');
    assert.equal(await page.locator('select[name="year"]').inputValue(), String(YEAR), 'the current year by default');

    let stats = await reportStats(page, CURRENT);
    assert.equal(stats.scope, scope());
    assert.equal(stats.scope_label, ASSOCIATION.name);
    assert.deepEqual([stats.from, stats.to, stats.at], [CURRENT.from, CURRENT.to, CURRENT.at]);
    assert.ok(indicatorOf(stats, 'referrals').value >= 2, 'the two referrals of today');
    assert.ok(indicatorOf(stats, 'demandes_submitted').value >= 1, 'the demande submitted today');
    const awaiting = indicatorOf(stats, 'eligible_not_presented').breakdown.find((b) => b.key === 'awaiting_documents');
    assert.ok(awaiting?.value >= 1, `eligible, not presented, awaiting documents: ${JSON.stringify(awaiting)}`);
    await assertReport(t, page, stats, CURRENT);
    // No commission figures for an association (docs/api/statistics.md).
    assert.deepEqual(stats.indicators.filter((i) => i.family === 'commission').map((i) => i.code), []);
    await page.locator('#chiffres-non-masques').filter({ hasText: '« < 11 »' }).waitFor();
    assert.equal(await page.locator('#secret-statistique').count(), 0, 'unmasked: no « < 11 » on screen');
    assert.ok(norm(await page.locator('#export-csv-note').innerText()).includes('« < 11 »'), 'the note beside the export');
    await page.locator('#liste-definition-referrals-bouton').click();
    await page.locator('#liste-definition-referrals').waitFor({ state: 'visible' });
    await expectAccessible(t, page, `the activity report (${YEAR})`);
    await page.keyboard.press('Escape');

    // Another association's report is refused (403 on the scope).
    if (process.env.PARCOURS_E2E_PHARE_ID) {
      const other = await page.request.get(statsUrl({ scope: `association:${process.env.PARCOURS_E2E_PHARE_ID}`, ...CURRENT }));
      assert.equal(other.status(), 403, "another association's report");
      assert.equal((await other.json()).error?.field, 'scope');
    }

    // « Imprimer » calls window.print() (stubbed: headless); on paper, no form, menu or buttons, and
    // each definition is printed under its indicator.
    await page.evaluate(() => {
      window.parcoursPrinted = 0;
      window.print = () => {
        window.parcoursPrinted += 1;
      };
    });
    await page.getByRole('button', { name: 'Imprimer' }).click();
    assert.equal(await page.evaluate(() => window.parcoursPrinted), 1, 'window.print() called once');
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['form.parcours-stats-form', '#imprimer', '#export-csv', '.fr-header__menu', '.fr-footer', '.parcours-info']) {
      assert.ok(await page.locator(hidden).first().isHidden(), `${hidden} is not printed`);
    }
    const printed = page.locator('#indicateurs [data-indicator="referrals"] .parcours-print-only');
    assert.ok(await printed.isVisible(), 'the definition is printed');
    assert.equal(norm(await printed.innerText()), norm(indicatorOf(stats, 'referrals').definition));
    assert.ok(await page.locator('#chiffres-cles').isVisible());
    await page.emulateMedia({ media: 'screen' });
    assert.ok(await printed.isHidden(), 'the definition is behind its button on screen');

    // The CSV export (masked, like every export): the small counts read « < 11 ».
    const file = join(world.dir, 'rapport.csv');
    const name = await download(page, page.locator('#export-csv'), file);
    assert.equal(name, `parcours-statistiques-association-${env('PARCOURS_E2E_ASSOCIATION_ID')}-${TODAY}.csv`);
    const csv = await readExport(file);
    const first = csv.line('referrals');
    assert.equal(first['Périmètre'], stats.scope_label);
    assert.deepEqual([first.Du, first.Au, first["Date d'observation"]], [fr(CURRENT.from), fr(CURRENT.to), fr(CURRENT.at)]);
    let small = 0;
    for (const code of ['referrals', 'demandes_submitted', 'eligible_not_presented']) {
      const indicator = indicatorOf(stats, code);
      const value = csv.line(code).Valeur;
      if (indicator.value >= 1 && indicator.value < stats.threshold) {
        assert.equal(value, `< ${stats.threshold}`, `${code}: ${indicator.value} on screen, masked in the export`);
        small++;
      } else if (indicator.value === 0) {
        assert.equal(value, '0', code);
      }
      t.diagnostic(`${code}: ${indicator.display} on screen, ${value} in the export`);
    }
    assert.ok(small > 0, 'a small count masked in the export');
    const notPersons = new Set(stats.indicators.filter((i) => i.family === 'commission').map((i) => i.code));
    const smallInCsv = csv.rows.filter((r) => r['Unité'] === 'nombre' && !notPersons.has(r.Code) && /^(?:[1-9]|10)$/.test(r.Valeur));
    assert.deepEqual(smallInCsv, [], 'no count from 1 to 10 in the export');
    assert.ok(csv.rows.every((r) => r['Département'] === ''), 'no line per département');

    // The previous year: 01/01 → 31/12, stocks on 31/12; then back.
    await chooseYear(page, YEAR - 1);
    stats = await reportStats(page, PREVIOUS);
    await assertReport(t, page, stats, PREVIOUS);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'rapport-periode', 'the focus on the new period');
    await expectAccessible(t, page, `the activity report (${YEAR - 1})`);
    await chooseYear(page, YEAR);
    await assertReport(t, page, await reportStats(page, CURRENT), CURRENT);
  });
});

test("(v) un travailleur de l'association n'a pas de rapport d'activité (404)", { skip }, async (t) => {
  await journey(t, async ({ page }) => {
    await signIn(page, env('PARCOURS_E2E_WORKER_EMAIL'), env('PARCOURS_E2E_WORKER_PASSWORD'));
    await mainNav(page).getByRole('link', { name: 'Personnes', exact: true }).waitFor();
    assert.equal(await mainNav(page).getByRole('link', { name: REPORT }).count(), 0, 'no menu entry');
    assert.equal(await page.getByRole('link', { name: REPORT }).count(), 0, 'no shortcut');
    for (const path of ['/api/v1/stats', '/api/v1/stats/export.csv']) {
      const answer = await page.request.get(`${path}?${new URLSearchParams({ scope: scope(), ...CURRENT })}`);
      assert.equal(answer.status(), 404, `GET ${path}?scope=${scope()} for the worker`);
    }
    await page.goto('/rapport-activite');
    await heading(page, 'Accès non autorisé');
    await expectAccessible(t, page, 'the activity report refused to a worker');
  });
});
