// Debian's Chromium driven by playwright-core, with console/CSP watching and axe-core audits.
import { mkdtemp, rm, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// Chromium logs every 4xx answer as a console error. These are the answers the UI expects
// and handles (anonymous session check, refused login, second-factor step); anything else counts.
const EXPECTED_HTTP_ERRORS = [
  { status: 401, path: '/api/v1/me' },
  { status: 401, path: '/api/v1/auth/login' },
  // Only while run.mjs found these routes absent from the server (the UI then says so and goes on).
  ...(process.env.PARCOURS_E2E_RIGHTS_UNAVAILABLE ? [{ status: 404, path: /^\/api\/v1\/parcours\/[0-9]+\/rights$/ }] : []),
  ...(process.env.PARCOURS_E2E_ALERTS_UNAVAILABLE ? [{ status: 404, path: '/api/v1/alerts' }] : []),
];

function isExpectedHttpError(message, expected) {
  const match = /the server responded with a status of (\d{3})/.exec(message.text());
  if (!match) return false;
  const status = Number(match[1]);
  const url = message.location().url ?? '';
  let path = '';
  try {
    path = new URL(url).pathname;
  } catch {
    return false;
  }
  return expected.some((e) => e.status === status && (e.path instanceof RegExp ? e.path.test(path) : e.path === path));
}

/**
 * A fresh browser profile, one page, and the list of console errors, page errors and CSP violations seen.
 * `expectedHttpErrors` adds 4xx answers ({status, path: string | RegExp}) a journey provokes on purpose.
 */
export async function openBrowser(baseURL, { expectedHttpErrors = [] } = {}) {
  const expected = [...EXPECTED_HTTP_ERRORS, ...expectedHttpErrors];
  const userDataDir = await mkdtemp(join(tmpdir(), 'parcours-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    baseURL,
    locale: 'fr-FR',
    viewport: { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(10_000);
  const problems = [];
  const foreignRequests = [];
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} in ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    if (message.type() !== 'error' || isExpectedHttpError(message, expected)) return;
    problems.push(`console error on ${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error on ${page.url()}: ${error.message}`));
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${baseURL}/`) && !url.startsWith('data:') && !url.startsWith('about:')) {
      foreignRequests.push(url);
    }
  });
  const close = async () => {
    await context.close().catch(() => {});
    await rm(userDataDir, { recursive: true, force: true });
  };
  return { context, page, problems, foreignRequests, close };
}

/** Runs axe-core (WCAG 2.1 A and AA) on the current page; returns a readable list of violations. */
export async function axeViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return results.violations.map((v) => {
    const targets = v.nodes
      .slice(0, 3)
      .map((n) => n.target.join(' '))
      .join(' | ');
    return `[${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} node(s): ${targets})`;
  });
}

export async function screenshotOnFailure(page, name) {
  const dir = process.env.PARCOURS_E2E_ARTIFACTS;
  if (!dir || page.isClosed()) return null;
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
  await page.screenshot({ path, fullPage: true }).catch(() => {});
  return path;
}
