// Shared steps of the browser journeys: one fresh browser per journey, headings, axe audits, login.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { axeViolations, openBrowser, screenshotOnFailure } from './browser.mjs';

export const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this suite through tests/e2e/run.mjs`);
  return value;
};

/**
 * Opens a fresh browser for one journey; checks console, CSP and third-party requests at the end.
 * `expectedHttpErrors` lists the 4xx answers this journey provokes on purpose ({status, path, method?}).
 */
export async function journey(t, fn, { expectedHttpErrors = [] } = {}) {
  const browser = await openBrowser(env('PARCOURS_E2E_BASE_URL'), { expectedHttpErrors });
  try {
    await fn(browser);
    assert.deepEqual(browser.problems, [], 'console errors, page errors or CSP violations');
    assert.deepEqual(browser.foreignRequests, [], 'requests to another origin (CDN, fonts…)');
  } catch (error) {
    const shot = await screenshotOnFailure(browser.page, t.name);
    if (shot) t.diagnostic(`screenshot: ${shot}`);
    if (browser.problems.length) t.diagnostic(`browser problems:\n${browser.problems.join('\n')}`);
    throw error;
  } finally {
    await browser.close();
  }
}

export async function heading(page, name) {
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await page.locator('html[data-fr-js="true"]').waitFor({ state: 'attached' });
}

let screenshotCount = 0;

/** Audits the page with axe-core; with PARCOURS_E2E_SCREENSHOTS=DIR, also saves a full-page screenshot. */
export async function expectAccessible(t, page, label) {
  const shots = process.env.PARCOURS_E2E_SCREENSHOTS;
  if (shots) {
    await mkdir(shots, { recursive: true });
    const name = `${String(++screenshotCount).padStart(2, '0')}-${label.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`;
    await page.screenshot({ path: join(shots, name), fullPage: true });
  }
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `axe-core violations on ${label}`);
  t.diagnostic(`axe-core: 0 violations on ${label}`);
}

export async function fillCredentials(page, email, password) {
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

export async function logout(page) {
  await page.getByRole('button', { name: 'Se déconnecter' }).first().click();
  await page.waitForURL('**/connexion');
  await heading(page, 'Connexion à Parcours');
}
