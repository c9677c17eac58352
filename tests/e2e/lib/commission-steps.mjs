// Steps of the commission journeys (commission.test.mjs): sign-ins, downloads, PDF text.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { freshTotp } from './totp.mjs';
import { env, fillCredentials, heading } from './journey.mjs';

export const norm = (text) => text.replace(/\s+/g, ' ').trim();

export const mainNav = (page) => page.getByRole('navigation', { name: /menu principal/i });

/** Signs in with a password (no second factor) and lands on the home page. */
export async function signIn(page, email, password) {
  await page.goto('/connexion');
  await heading(page, 'Connexion à Parcours');
  await fillCredentials(page, email, password);
  await heading(page, 'Accueil');
}

/** A signatory's first sign-in: the second factor is enrolled on the way (the secret is read on the page). */
export async function signInEnrollingTotp(page, email, password) {
  await page.goto('/connexion');
  await heading(page, 'Connexion à Parcours');
  await fillCredentials(page, email, password);
  await page.waitForURL('**/double-authentification');
  await heading(page, 'Activer la double authentification');
  const secret = (await page.locator('#totp-secret').innerText()).replace(/\s/g, '');
  const { code } = await freshTotp(secret);
  await page.locator('input[name="code"]').fill(code);
  await page.getByRole('button', { name: 'Activer la double authentification' }).click();
  await page.waitForURL(`${env('PARCOURS_E2E_BASE_URL')}/`);
  await heading(page, 'Accueil');
}

/** Clicks a download link and saves the file (Playwright download); returns the server's file name. */
export async function download(page, link, path) {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const failure = await file.failure();
  assert.equal(failure, null, `download of ${file.suggestedFilename()} failed: ${failure}`);
  await file.saveAs(path);
  return file.suggestedFilename();
}

/** The text of a PDF (`pdftotext -layout file -`, Debian's poppler-utils), whitespace collapsed. */
export function pdfText(path) {
  return new Promise((resolve, reject) => {
    const child = spawn('pdftotext', ['-layout', path, '-'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('error', (error) => reject(new Error(`cannot run pdftotext (apt-get install poppler-utils): ${error.message}`)));
    child.on('close', (code) => (code === 0 ? resolve(norm(out)) : reject(new Error(`pdftotext ${path} exited ${code}: ${err}`))));
  });
}

/** Checks a radio button of a DSFR group (the native input is visually hidden). */
export const radio = (scope, name, value) => scope.locator(`input[type="radio"][name="${name}"][value="${value}"]`).check({ force: true });

/** Waits for the answer to a request whose path matches `pattern` (and method), returns {status, body}. */
export async function answerTo(page, pattern, method, action) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => pattern.test(new URL(r.url()).pathname) && r.request().method() === method),
    action(),
  ]);
  const text = await response.text();
  let body;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: response.status(), body };
}
