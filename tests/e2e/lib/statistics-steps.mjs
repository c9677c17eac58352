// Steps of the statistics journeys (statistics.test.mjs): the API's figures as the page and the
// CSV export must show them, small-cell checks, the CSV parser.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { parseCsv } from './csv.mjs';

/** Counts from 1 to 10 (threshold 11) must never reach an analyst or an export. */
export const SMALL_COUNT = /^\s*(?:[1-9]|10)\s*$/;

const INTEGER = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });

/** A count cell as the page shows it: the server's "< 11" when masked, else the French number. */
export const shown = (cell) => (cell.suppressed || cell.value === null ? cell.display : INTEGER.format(cell.value));

/** A count cell as the CSV writes it: "< 11" when masked, else the plain integer. */
export const inCsv = (cell) => (cell.suppressed ? cell.display : cell.value === null ? '' : String(cell.value));

export const indicatorOf = (stats, code) => {
  const found = stats.indicators.find((i) => i.code === code);
  assert.ok(found, `indicator ${code} in the answer`);
  return found;
};

/** Every count of persons in an answer: totals, breakdowns and départements of the count
 * indicators (commissions, séances, agréments and members are not persons: never masked). */
export function countCells(stats) {
  const cells = [];
  for (const i of stats.indicators.filter((x) => x.unit === 'nombre' && x.family !== 'commission')) {
    cells.push({ where: i.code, cell: i });
    for (const b of i.breakdown ?? []) cells.push({ where: `${i.code}/${b.key}`, cell: b });
    for (const d of i.by_departement ?? []) cells.push({ where: `${i.code}/${d.code}`, cell: d });
  }
  return cells;
}

/** Asserts a masked answer has no count from 1 to 10, and that masked cells read "< 11". */
export function assertMasked(stats) {
  assert.equal(stats.masked, true, 'an analyst gets masked figures');
  for (const { where, cell } of countCells(stats)) {
    if (cell.suppressed) {
      assert.equal(cell.value, null, `${where}: a masked cell has no value`);
      assert.equal(cell.display, `< ${stats.threshold}`, `${where}: masked display`);
    } else {
      assert.ok(cell.value === 0 || cell.value >= stats.threshold, `${where}: ${cell.value} is a small count shown to an analyst`);
    }
  }
}

/** Every count the page shows ([data-count]); none may be from 1 to 10. Returns them. */
export async function assertNoSmallCountOnPage(page) {
  const counts = await page.locator('[data-count]').evaluateAll((nodes) => nodes.map((n) => n.textContent.trim()));
  assert.ok(counts.length > 0, 'the page shows counts');
  const small = counts.filter((c) => /^(?:[1-9]|10)$/.test(c));
  assert.deepEqual(small, [], 'no count from 1 to 10 on the page');
  return counts;
}

/** The figures the page got for the current query (same session as the page). */
export async function statsOf(page, query) {
  const response = await page.request.get(`/api/v1/stats?${new URLSearchParams(query)}`);
  assert.equal(response.status(), 200, `GET /stats ${JSON.stringify(query)}`);
  return response.json();
}

export const CSV_HEADER = [
  'Indicateur', 'Code', 'Nature', 'Unité', 'Périmètre', 'Du', 'Au', "Date d'observation", 'Département', 'Catégorie', 'Valeur',
  'Dénominateur', 'Définition',
];

/** Fields of one CSV line (";" separated, '"' quoted with "" for a quote). */
const csvFields = (line) => parseCsv(line)[0] ?? [''];

/**
 * Reads an export: UTF-8 with a BOM, CRLF line ends, ";" separator, the documented header.
 * Returns its rows as objects keyed by the header, and a finder by (code, département, catégorie).
 */
export async function readExport(path) {
  const bytes = await readFile(path);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the export starts with a UTF-8 BOM');
  const text = bytes.subarray(3).toString('utf8');
  assert.ok(text.endsWith('\r\n'), 'CRLF line ends');
  const lines = text.slice(0, -2).split('\r\n');
  assert.ok(!lines.some((l) => l.includes('\n')), 'no bare LF outside CRLF');
  assert.deepEqual(csvFields(lines[0]), CSV_HEADER, 'header line');
  const rows = lines.slice(1).map((l) => {
    const fields = csvFields(l);
    assert.equal(fields.length, CSV_HEADER.length, `fields of: ${l}`);
    return Object.fromEntries(CSV_HEADER.map((h, i) => [h, fields[i]]));
  });
  const line = (code, departement = '', category = '') => {
    const found = rows.filter((r) => r.Code === code && r['Département'] === departement && r['Catégorie'] === category);
    assert.equal(found.length, 1, `one CSV line for ${code} / ${departement || '(total)'} / ${category || '(total)'}`);
    return found[0];
  };
  return { rows, line };
}

/** The CSV lines of a count indicator match the API's answer (total, categories, départements). */
export function assertCsvMatches(csv, stats, code) {
  const indicator = indicatorOf(stats, code);
  assert.equal(csv.line(code).Valeur, inCsv(indicator), `${code}: total`);
  for (const b of indicator.breakdown ?? []) assert.equal(csv.line(code, '', b.label).Valeur, inCsv(b), `${code}: ${b.label}`);
  for (const d of indicator.by_departement ?? []) {
    assert.equal(csv.line(code, `${d.code} ${d.name}`).Valeur, inCsv(d), `${code}: ${d.code}`);
  }
  return indicator;
}
