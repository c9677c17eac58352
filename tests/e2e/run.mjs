#!/usr/bin/env node
// Runs the browser journeys against a real Parcours server on a throw-away database.
//   PARCOURS_BIN=build/parcours [PARCOURS_WEB_ROOT=web/dist] node tests/e2e/run.mjs
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from 'node:test';
import { freePort, runCli, startServer, stopServer, tail, waitHealthy } from './lib/server.mjs';
import { selfTest } from './lib/totp.mjs';
import { probeCaseworkApi, setUpCasework } from './lib/casework-setup.mjs';
import { probeRightsApi } from './lib/rights-setup.mjs';
import { probeCommissionApi, setUpCommission } from './lib/commission-setup.mjs';
import { probeStatisticsApi, setUpStatistics } from './lib/statistics-setup.mjs';
import { setUpReport } from './lib/report-setup.mjs';
import { probePartnersApi, setUpPartners } from './lib/partners-setup.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..', '..');
const BIN = resolve(process.env.PARCOURS_BIN || join(REPO, 'build', 'parcours'));
const WEB_ROOT = resolve(process.env.PARCOURS_WEB_ROOT || join(REPO, 'web', 'dist'));
const ALL_FILES = ['journeys', 'casework', 'rights', 'commission', 'statistics', 'report', 'info', 'partners'];
// PARCOURS_E2E_ONLY=commission,rights runs only those files (same set-up).
const ONLY = (process.env.PARCOURS_E2E_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const TEST_FILES = (ONLY.length > 0 ? ALL_FILES.filter((name) => ONLY.includes(name)) : ALL_FILES).map((name) => join(HERE, `${name}.test.mjs`));

const INSTRUCTOR = { email: 'jeanne.martin@parcours.test', name: 'Jeanne Martin', password: 'instructrice de la Gironde 33' };
const ADMIN_EMAIL = 'admin@parcours.local';

function fail(message) {
  console.error(`e2e: ${message}`);
  process.exit(2);
}

if (TEST_FILES.length === 0) fail(`PARCOURS_E2E_ONLY=${process.env.PARCOURS_E2E_ONLY} names none of: ${ALL_FILES.join(', ')}`);
if (!existsSync(BIN)) fail(`no server executable at ${BIN} (build it, or set PARCOURS_BIN)`);
if (!existsSync(join(WEB_ROOT, 'index.html'))) fail(`no index.html in ${WEB_ROOT} (run: cd web && npm ci && npm run build)`);
if (!existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium')) fail('no /usr/bin/chromium (apt-get install chromium)');
selfTest();

const tmp = await mkdtemp(join(tmpdir(), 'parcours-e2e-'));
const db = `sqlite:${join(tmp, 'p.db')}`;
let server = null;

async function cleanUp() {
  if (server !== null) await stopServer(server);
  server = null;
  await rm(tmp, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => cleanUp().finally(() => process.exit(130)));
}

let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];
try {
  console.log(`e2e: server ${BIN}`);
  console.log(`e2e: web root ${WEB_ROOT}`);
  await runCli(BIN, ['migrate', '--db', db]);
  const initOut = await runCli(BIN, ['init', '--db', db, '--email', ADMIN_EMAIL]);
  const adminPassword = initOut.trimEnd().split('\n').pop()?.trim();
  if (!adminPassword) throw new Error(`\`parcours init\` printed no one-time password:\n${initOut}`);
  await runCli(
    BIN,
    ['user', 'add', '--db', db, '--email', INSTRUCTOR.email, '--role', 'prefecture_instructor', '--departement', '33', '--name', INSTRUCTOR.name, '--password-stdin'],
    { input: `${INSTRUCTOR.password}\n` },
  );
  const casework = await setUpCasework(BIN, db, INSTRUCTOR.email);
  const commission = casework.unavailable ? { unavailable: casework.unavailable } : await setUpCommission(BIN, db);
  const statistics = await setUpStatistics(BIN, db);
  const report = await setUpReport(BIN, db, casework.env?.PARCOURS_E2E_ASSOCIATION_ID);
  const partners = await setUpPartners(BIN, db, INSTRUCTOR.email);

  const port = await freePort();
  server = startServer({ bin: BIN, db, port, webRoot: WEB_ROOT, logPath: join(tmp, 'server.log') });
  const health = await waitHealthy(server);
  console.log(`e2e: server up at ${server.baseUrl} (schema_version ${health.schema_version})`);
  const caseworkUnavailable = casework.unavailable ?? (await probeCaseworkApi(server.baseUrl));
  if (caseworkUnavailable) console.log(`e2e: case-workflow journey skipped: ${caseworkUnavailable}`);
  const rights = await probeRightsApi(server.baseUrl, casework.env?.PARCOURS_E2E_INSTRUCTOR_TOKEN);
  if (rights.rights) console.log(`e2e: rights journeys skipped: ${rights.rights}`);
  if (rights.alerts) console.log(`e2e: alerts journey skipped: ${rights.alerts}`);
  const commissionUnavailable = commission.unavailable ?? caseworkUnavailable ?? (await probeCommissionApi(server.baseUrl));
  if (commissionUnavailable) console.log(`e2e: commission journeys skipped: ${commissionUnavailable}`);
  const statisticsUnavailable = statistics.unavailable ?? (await probeStatisticsApi(server.baseUrl));
  if (statisticsUnavailable) console.log(`e2e: statistics journeys skipped: ${statisticsUnavailable}`);
  const reportUnavailable = report.unavailable ?? caseworkUnavailable ?? statisticsUnavailable;
  if (reportUnavailable) console.log(`e2e: activity-report journeys skipped: ${reportUnavailable}`);
  const partnersUnavailable = partners.unavailable ?? (await probePartnersApi(server.baseUrl));
  if (partnersUnavailable) console.log(`e2e: partner-network journeys skipped: ${partnersUnavailable}`);
  if (casework.env?.PARCOURS_E2E_SIGNATORY_TOKEN_ERROR) {
    console.log(`e2e: no API token for the signatory (${casework.env.PARCOURS_E2E_SIGNATORY_TOKEN_ERROR}); the journey signs in instead`);
  }
  console.log('');

  Object.assign(process.env, {
    PARCOURS_E2E_BASE_URL: server.baseUrl,
    PARCOURS_E2E_ADMIN_EMAIL: ADMIN_EMAIL,
    PARCOURS_E2E_ADMIN_PASSWORD: adminPassword,
    PARCOURS_E2E_INSTRUCTOR_EMAIL: INSTRUCTOR.email,
    PARCOURS_E2E_INSTRUCTOR_PASSWORD: INSTRUCTOR.password,
    PARCOURS_E2E_INSTRUCTOR_NAME: INSTRUCTOR.name,
    PARCOURS_E2E_ARTIFACTS: process.env.PARCOURS_E2E_ARTIFACTS || join(HERE, 'artifacts'),
    ...(casework.env ?? {}),
    ...(commission.env ?? {}),
    ...(statistics.env ?? {}),
    ...(report.env ?? {}),
    ...(partners.env ?? {}),
    PARCOURS_E2E_CASEWORK_UNAVAILABLE: caseworkUnavailable ?? '',
    PARCOURS_E2E_RIGHTS_UNAVAILABLE: rights.rights ?? '',
    PARCOURS_E2E_ALERTS_UNAVAILABLE: rights.alerts ?? '',
    PARCOURS_E2E_COMMISSION_UNAVAILABLE: commissionUnavailable ?? '',
    PARCOURS_E2E_STATISTICS_UNAVAILABLE: statisticsUnavailable ?? '',
    PARCOURS_E2E_REPORT_UNAVAILABLE: reportUnavailable ?? '',
    PARCOURS_E2E_PARTNERS_UNAVAILABLE: partnersUnavailable ?? '',
  });

  let fileError = null;
  // The runner's own totals arrive as diagnostics too: ours are printed, not those.
  const RUNNER_TOTALS = /^(tests|suites|pass|fail|cancelled|skipped|todo|duration_ms) [0-9.]+$/;
  for await (const event of run({ files: TEST_FILES, concurrency: 1, timeout: 180_000 })) {
    const { data } = event;
    const indent = '  '.repeat((data.nesting ?? 0) + 1);
    if (event.type === 'test:pass' && data.nesting === 0 && data.skip !== undefined) {
      skipped++;
      console.log(`${indent}- ${data.name} (skipped: ${data.skip === true ? 'no reason given' : data.skip})`);
    } else if (event.type === 'test:pass' && data.nesting === 0) {
      passed++;
      console.log(`${indent}✔ ${data.name} (${Math.round(data.details.duration_ms)} ms)`);
    } else if (event.type === 'test:fail' && data.nesting === 0) {
      failed++;
      const cause = data.details.error?.cause ?? data.details.error;
      failures.push({ name: data.name, error: cause });
      console.log(`${indent}✖ ${data.name}\n${indent}  ${String(cause?.message ?? cause).split('\n').join(`\n${indent}  `)}`);
    } else if (event.type === 'test:diagnostic' && !RUNNER_TOTALS.test(data.message)) {
      // t.diagnostic() notes come right after their test's result line.
      console.log(`    · ${data.message.split('\n').join('\n      ')}`);
    } else if (event.type === 'test:stdout' || event.type === 'test:stderr') {
      process.stdout.write(data.message);
    } else if (event.type === 'test:complete' && TEST_FILES.includes(data.name) && data.details?.passed === false) {
      fileError = data.details.error;
    }
  }
  if (failed === 0 && passed === 0 && skipped === 0) {
    failed++;
    failures.push({ name: 'test files', error: fileError ?? new Error('no test ran') });
  }
} catch (error) {
  failed++;
  failures.push({ name: 'setup', error });
  console.error(`e2e: setup failed: ${error.message}`);
} finally {
  if (failed > 0 && server !== null) console.log(`\ne2e: last server log lines:\n${await tail(server.logPath, 20)}`);
  await cleanUp();
}

console.log('\n' + '─'.repeat(60));
for (const { name, error } of failures) console.log(`FAILED: ${name}: ${String(error?.message ?? error).split('\n')[0]}`);
console.log(`e2e: ${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed === 0 ? 0 : 1;
