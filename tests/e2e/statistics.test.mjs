// The statistics dashboard in the browser (docs/api/statistics.md): a national analyst reads masked
// figures (no count from 1 to 10 anywhere), changes the year, opens a département from the map,
// exports the CSV and finds in it the API's figures; the prefecture sees its own département
// unmasked. The figures rest on an initial demande submitted, given an avis at a séance and
// authorised today through the API (lib/commission-api.mjs).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { download, mainNav, norm, signIn } from './lib/commission-steps.mjs';
import { fr, todayIso } from './lib/dates.mjs';
import { env, expectAccessible, heading, journey } from './lib/journey.mjs';
import { authorisedParcours } from './lib/rights-steps.mjs';
import {
  assertCsvMatches,
  assertMasked,
  assertNoSmallCountOnPage,
  indicatorOf,
  readExport,
  shown,
  statsOf,
} from './lib/statistics-steps.mjs';

const skip =
  process.env.PARCOURS_E2E_STATISTICS_UNAVAILABLE ||
  process.env.PARCOURS_E2E_CASEWORK_UNAVAILABLE ||
  process.env.PARCOURS_E2E_COMMISSION_UNAVAILABLE ||
  false;

const TODAY = todayIso();
const YEAR = Number(TODAY.slice(0, 4));
const CURRENT = { from: `${YEAR}-01-01`, to: TODAY, at: TODAY };
const PREVIOUS = { from: `${YEAR - 1}-01-01`, to: `${YEAR - 1}-12-31`, at: `${YEAR - 1}-12-31` };

const world = { dir: null, arranged: false };
before(async () => {
  world.dir = await mkdtemp(join(tmpdir(), 'parcours-e2e-csv-'));
});
after(async () => {
  if (world.dir) await rm(world.dir, { recursive: true, force: true });
});

const keyFigure = (page, code) => page.locator(`#chiffres-cles [data-indicator="${code}"] .parcours-keyfigure__value`);
const lead = (page) => page.locator('#statistiques-perimetre');

/** Applies a year with the period form; waits for the figures of that year. */
async function chooseYear(page, year) {
  await page.locator('input[name="period-mode"][value="year"]').check({ force: true });
  await page.locator('select[name="year"]').selectOption(String(year));
  const answer = page.waitForResponse((r) => r.url().includes('/api/v1/stats?') && r.url().includes(`from=${year}-01-01`));
  await page.getByRole('button', { name: 'Afficher les statistiques' }).click();
  assert.equal((await answer).status(), 200);
  await page.locator('#chiffres-cles').waitFor();
}

/** The key figures on the page are the API's (count cells as shown, "< 11" when masked). */
async function assertKeyFigures(page, stats) {
  for (const code of ['parcours_in_progress', 'entries', 'demandes_submitted']) {
    assert.equal(norm(await keyFigure(page, code).innerText()), norm(shown(indicatorOf(stats, code))), `key figure ${code}`);
  }
  const rate = indicatorOf(stats, 'acceptance_rate');
  const rateText = norm(await page.locator('#chiffres-cles [data-indicator="acceptance_rate"]').innerText());
  if (rate.suppressed) assert.ok(rateText.includes('secret statistique'), rateText);
}

test("(s) l'analyste nationale : chiffres masqués, changement d'année, carte, département, export CSV", { skip }, async (t) => {
  const { parcoursId, pseudonym } = await authorisedParcours(t, { startDate: TODAY, lastName: 'Kamara', nationality: 'SLE' });
  world.arranged = true;
  t.diagnostic(`parcours ${parcoursId} (${pseudonym}) authorised from ${fr(TODAY)} in the Gironde`);

  await journey(t, async ({ page }) => {
    await signIn(page, env('PARCOURS_E2E_ANALYST_EMAIL'), env('PARCOURS_E2E_ANALYST_PASSWORD'));
    await mainNav(page).getByRole('link', { name: 'Statistiques', exact: true }).waitFor();
    await expectAccessible(t, page, 'the home page (national analyst)');
    await mainNav(page).getByRole('link', { name: 'Statistiques', exact: true }).click();
    await heading(page, 'Statistiques');
    await page.locator('#chiffres-cles').waitFor();
    assert.equal(norm(await lead(page).innerText()), `France entière — du ${fr(CURRENT.from)} au ${fr(CURRENT.to)}`);

    // The API, with the page's parameters: masked, and the new parcours among the small cells.
    let national = await statsOf(page, { scope: 'national', ...CURRENT });
    assertMasked(national);
    const inProgress = indicatorOf(national, 'parcours_in_progress');
    assert.ok(inProgress.suppressed || inProgress.value >= 11, `parcours in progress: ${JSON.stringify(inProgress.display)}`);
    const gironde = inProgress.by_departement.find((d) => d.code === '33');
    assert.ok(gironde.suppressed || gironde.value >= 11, 'the Gironde has at least the parcours authorised today');
    t.diagnostic(`national: parcours en cours ${inProgress.display}, Gironde ${gironde.display}, demandes déposées ${indicatorOf(national, 'demandes_submitted').display}`);
    await assertKeyFigures(page, national);
    assert.equal(await page.locator('#secret-statistique').count(), 1, 'the « < 11 » explanation, once');
    assert.ok(norm(await page.locator('#secret-statistique').innerText()).includes('secret statistique : moins de 11 personnes'));
    let counts = await assertNoSmallCountOnPage(page);
    assert.ok(counts.includes('< 11'), 'masked counts read « < 11 » on the page');

    // The map (a chunk of its own) colours parcours in progress; the Gironde is a link.
    const map = page.locator('#carte');
    await map.locator('svg a[data-code="33"]').waitFor();
    assert.equal(await map.locator('select[name="map-indicator"]').inputValue(), 'parcours_in_progress');
    const label = await map.locator('svg a[data-code="33"]').getAttribute('aria-label');
    assert.ok(label.startsWith(`Gironde (33) : ${shown(gironde)}`), label);
    const tone = await map.locator('svg a[data-code="33"] path').getAttribute('data-tone');
    if (gironde.suppressed) assert.equal(tone, 'secret', 'a masked département is hatched');
    else assert.match(tone, /^q[1-4]$/);
    assert.equal(await map.locator('svg a').count(), 96, 'every metropolitan département is a link for the national analyst');
    assert.equal(await map.locator('.parcours-map__overseas li').count(), 5, 'the five overseas départements');
    // The five years of the time series, with the table it draws.
    await page.locator('#evolution-tableau').waitFor();
    const years = await page.locator('#evolution-tableau tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.year));
    assert.deepEqual(years, [YEAR - 4, YEAR - 3, YEAR - 2, YEAR - 1, YEAR].map(String));
    const lastRow = page.locator(`#evolution-tableau tr[data-year="${YEAR}"] [data-indicator="parcours_in_progress"]`);
    assert.equal(norm(await lastRow.innerText()), norm(shown(inProgress)), 'the current year in the series');
    // Every indicator, grouped by family, with its definition behind the « i » button.
    for (const family of ['demandes', 'delais', 'parcours', 'personnes', 'droits', 'commission']) {
      await page.locator(`#indicateurs [data-family="${family}"]`).waitFor();
    }
    assert.equal(await page.locator('#indicateurs [data-indicator]').count(), national.indicators.length, 'every indicator listed');
    const tooltip = page.locator('#liste-definition-parcours_in_progress');
    assert.ok(norm(await tooltip.textContent()).includes(inProgress.definition.slice(0, 40)), 'the definition');
    assert.ok(norm(await tooltip.textContent()).includes(inProgress.kind_label), 'the kind');
    await page.locator('#liste-definition-parcours_in_progress-bouton').click();
    await tooltip.waitFor({ state: 'visible' });
    await expectAccessible(t, page, 'the statistics dashboard (national analyst, current year)');
    await page.keyboard.press('Escape');

    // The previous year: 01/01 → 31/12, stocks on 31/12.
    await chooseYear(page, YEAR - 1);
    assert.equal(norm(await lead(page).innerText()), `France entière — du ${fr(PREVIOUS.from)} au ${fr(PREVIOUS.to)}`);
    assert.ok(page.url().includes(`from=${PREVIOUS.from}`) && page.url().includes(`to=${PREVIOUS.to}`), page.url());
    const previous = await statsOf(page, { scope: 'national', ...PREVIOUS });
    assertMasked(previous);
    await assertKeyFigures(page, previous);
    assert.ok(norm(await page.locator('#chiffres-cles [data-indicator="parcours_in_progress"]').innerText()).includes(`Au ${fr(PREVIOUS.at)}`));
    await page.locator(`#evolution-tableau tr[data-year="${YEAR - 1}"]`).waitFor();
    await assertNoSmallCountOnPage(page);
    await expectAccessible(t, page, `the statistics dashboard (year ${YEAR - 1})`);

    // Back to the current year; the national export holds the API's figures.
    await chooseYear(page, YEAR);
    assert.equal(norm(await lead(page).innerText()), `France entière — du ${fr(CURRENT.from)} au ${fr(CURRENT.to)}`);
    national = await statsOf(page, { scope: 'national', ...CURRENT });
    const file = join(world.dir, 'national.csv');
    assert.equal(await download(page, page.locator('#export-csv'), file), `parcours-statistiques-national-${TODAY}.csv`);
    let csv = await readExport(file);
    const first = csv.line('parcours_in_progress');
    assert.equal(first['Périmètre'], 'France entière');
    assert.deepEqual([first.Du, first.Au, first["Date d'observation"]], [fr(CURRENT.from), fr(CURRENT.to), fr(CURRENT.at)]);
    assert.equal(first.Nature, inProgress.kind_label);
    assertCsvMatches(csv, national, 'parcours_in_progress');
    assertCsvMatches(csv, national, 'demandes_submitted');
    assert.equal(csv.line('parcours_in_progress', '33 Gironde').Valeur, shown(gironde));
    const commission = new Set(national.indicators.filter((i) => i.family === 'commission').map((i) => i.code));
    const smallInCsv = csv.rows.filter((r) => r['Unité'] === 'nombre' && !commission.has(r.Code) && /^(?:[1-9]|10)$/.test(r.Valeur));
    assert.deepEqual(smallInCsv, [], 'no count from 1 to 10 in the export');
    t.diagnostic(`national export: ${csv.rows.length} lines; parcours_in_progress ${first.Valeur}`);

    // The Gironde from the map: its own figures (scope departement:33).
    await map.locator('svg a[data-code="33"]').click();
    await page.waitForURL(/[?&]scope=departement%3A33(&|$)/);
    await page.locator('#statistiques-perimetre', { hasText: 'Gironde (33)' }).waitFor();
    await page.locator('#chiffres-cles').waitFor();
    assert.equal(norm(await lead(page).innerText()), `Gironde (33) — du ${fr(CURRENT.from)} au ${fr(CURRENT.to)}`);
    const departement = await statsOf(page, { scope: 'departement:33', ...CURRENT });
    assertMasked(departement);
    await assertKeyFigures(page, departement);
    assert.equal(norm(await keyFigure(page, 'parcours_in_progress').innerText()), norm(shown(gironde)), 'the same figure as on the map');
    assert.equal(await page.locator('#carte').count(), 0, 'no map for one département');
    await page.locator('#perimetres-englobants').getByRole('link', { name: 'Région Nouvelle-Aquitaine' }).waitFor();
    assert.equal(await page.locator('select[name="scope"]').inputValue(), 'departement:33');
    counts = await assertNoSmallCountOnPage(page);
    t.diagnostic(`Gironde: ${counts.length} counts shown, ${counts.filter((c) => c === '< 11').length} masked`);
    await expectAccessible(t, page, 'the statistics of the Gironde (national analyst)');

    const depFile = join(world.dir, 'gironde.csv');
    assert.equal(await download(page, page.locator('#export-csv'), depFile), `parcours-statistiques-departement-33-${TODAY}.csv`);
    csv = await readExport(depFile);
    assert.equal(csv.line('parcours_in_progress')['Périmètre'], 'Gironde (33)');
    assertCsvMatches(csv, departement, 'parcours_in_progress');
    const submitted = assertCsvMatches(csv, departement, 'demandes_submitted');
    assert.ok(submitted.breakdown.length > 0, 'demandes by kind');
    assertCsvMatches(csv, departement, 'decisions');

    // The browser's back button returns to the nation.
    await page.goBack();
    await page.locator('#statistiques-perimetre', { hasText: 'France entière' }).waitFor();
  });
});

test("(t) l'instructrice voit les chiffres de son département, non masqués à l'écran", { skip }, async (t) => {
  if (!world.arranged) return t.skip('journey (s) did not arrange its demande');
  await journey(t, async ({ page }) => {
    await signIn(page, env('PARCOURS_E2E_INSTRUCTOR_EMAIL'), env('PARCOURS_E2E_INSTRUCTOR_PASSWORD'));
    await mainNav(page).getByRole('link', { name: 'Statistiques', exact: true }).click();
    await heading(page, 'Statistiques');
    await page.locator('#chiffres-cles').waitFor();
    assert.ok(norm(await page.locator('#perimetre-fixe').innerText()).includes('Gironde (33)'), 'the scope is fixed');
    assert.equal(await page.locator('select[name="scope"]').count(), 0);
    const stats = await statsOf(page, { scope: 'departement:33', ...CURRENT });
    assert.equal(stats.masked, false, 'the prefecture sees its département unmasked');
    const inProgress = indicatorOf(stats, 'parcours_in_progress');
    assert.ok(inProgress.value >= 1, `at least the parcours authorised today: ${inProgress.value}`);
    await assertKeyFigures(page, stats);
    assert.equal(norm(await keyFigure(page, 'parcours_in_progress').innerText()), String(inProgress.value));
    await page.locator('#chiffres-non-masques').waitFor();
    assert.equal(await page.locator('#secret-statistique').count(), 0);
    const rate = indicatorOf(stats, 'acceptance_rate');
    if (rate.denominator > 0) {
      const detail = norm(await page.locator('#chiffres-cles [data-indicator="acceptance_rate"] .parcours-keyfigure__detail').innerText());
      assert.ok(detail.endsWith(`sur ${rate.denominator} décision${rate.denominator > 1 ? 's' : ''}`), detail);
      t.diagnostic(`acceptance rate ${rate.display}: ${detail}`);
    }
    await expectAccessible(t, page, 'the statistics of the Gironde (prefecture instructor)');

    // A département outside hers is refused by the server, and the page says so.
    const answer = page.waitForResponse((r) => r.url().includes('scope=departement%3A24'));
    await page.goto(`/statistiques?scope=departement:24&from=${CURRENT.from}&to=${CURRENT.to}&at=${CURRENT.at}`);
    assert.equal((await answer).status(), 403);
    await page.getByRole('heading', { name: 'Périmètre non autorisé' }).waitFor();
    await expectAccessible(t, page, 'the statistics page with a refused scope');
  }, { expectedHttpErrors: [{ status: 403, path: '/api/v1/stats' }] });
});
