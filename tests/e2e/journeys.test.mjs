// Browser journeys against a real `parcours serve`, started by run.mjs (which sets the env below).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freshTotp } from './lib/totp.mjs';
import { env, expectAccessible, fillCredentials, heading, journey, logout } from './lib/journey.mjs';

const BASE_URL = env('PARCOURS_E2E_BASE_URL');
const INSTRUCTOR = {
  email: env('PARCOURS_E2E_INSTRUCTOR_EMAIL'),
  password: env('PARCOURS_E2E_INSTRUCTOR_PASSWORD'),
  name: env('PARCOURS_E2E_INSTRUCTOR_NAME'),
};
const ADMIN = { email: env('PARCOURS_E2E_ADMIN_EMAIL'), oneTimePassword: env('PARCOURS_E2E_ADMIN_PASSWORD') };
const ADMIN_NEW_PASSWORD = 'une phrase de passe assez longue 2024';

test('(a) une instructrice se connecte et voit son nom et son rôle', async (t) => {
  await journey(t, async ({ page }) => {
    await page.goto('/');
    await page.waitForURL('**/connexion');
    await heading(page, 'Connexion à Parcours');
    await expectAccessible(t, page, 'the login page');
    await fillCredentials(page, INSTRUCTOR.email, INSTRUCTOR.password);
    await page.waitForURL(`${BASE_URL}/`);
    await heading(page, 'Accueil');
    const text = await page.locator('#connected-as').innerText();
    assert.match(text, new RegExp(`Connecté·e : ${INSTRUCTOR.name}`));
    assert.ok(text.includes(INSTRUCTOR.email), text);
    assert.ok(text.includes('rôle : Instructeur·rice de la préfecture'), text);
    assert.ok(text.includes('département 33'), text);
    await expectAccessible(t, page, 'the home page (instructor)');
  });
});

test('(b) un mauvais mot de passe affiche le message du serveur et reste sur la connexion', async (t) => {
  await journey(t, async ({ page }) => {
    await page.goto('/connexion');
    await heading(page, 'Connexion à Parcours');
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
    await fillCredentials(page, INSTRUCTOR.email, 'ce nest pas le bon mot de passe');
    const response = await answer;
    assert.equal(response.status(), 401);
    const body = await response.json();
    assert.equal(body.error.code, 'invalid_credentials');
    assert.ok(body.error.message.length > 0);
    const alert = page.locator('.fr-alert--error');
    await alert.waitFor();
    assert.ok((await alert.innerText()).includes(body.error.message), 'the alert shows the server message');
    assert.match(page.url(), /\/connexion$/);
    await expectAccessible(t, page, 'the login error state');
  });
});

test("(c) parcours de l'administrateur·rice : mot de passe, double authentification, reconnexion", async (t) => {
  await journey(t, async ({ page }) => {
    await page.goto('/connexion');
    await heading(page, 'Connexion à Parcours');
    await fillCredentials(page, ADMIN.email, ADMIN.oneTimePassword);

    await page.waitForURL('**/mot-de-passe');
    await heading(page, 'Choisir un nouveau mot de passe');
    await expectAccessible(t, page, 'the password-change page');
    await page.locator('input[name="current_password"]').fill(ADMIN.oneTimePassword);
    await page.locator('input[name="new_password"]').fill(ADMIN_NEW_PASSWORD);
    await page.locator('input[name="confirmation"]').fill(`${ADMIN_NEW_PASSWORD} typo`);
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await page.locator('.fr-alert--error').waitFor();
    await expectAccessible(t, page, 'the password-change error state');
    await page.locator('input[name="confirmation"]').fill(ADMIN_NEW_PASSWORD);
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();

    await page.waitForURL('**/double-authentification');
    await heading(page, 'Activer la double authentification');
    const secretText = await page.locator('#totp-secret').innerText();
    assert.match(secretText, /^([A-Z2-7]{4} )*[A-Z2-7]{1,4}$/, `secret grouped by 4: ${secretText}`);
    await page.getByRole('img', { name: /QR code/ }).waitFor();
    await expectAccessible(t, page, 'the TOTP enrolment page');
    const secret = secretText.replace(/\s/g, '');
    const first = await freshTotp(secret);
    await page.locator('input[name="code"]').fill(first.code);
    await page.getByRole('button', { name: 'Activer la double authentification' }).click();

    await page.waitForURL(`${BASE_URL}/`);
    await heading(page, 'Accueil');
    assert.ok((await page.locator('#connected-as').innerText()).includes("Administrateur·rice de l'instance"));
    await expectAccessible(t, page, 'the home page (administrator)');

    await logout(page);
    await fillCredentials(page, ADMIN.email, ADMIN_NEW_PASSWORD);
    const totpInput = page.locator('input[name="totp"]');
    await totpInput.waitFor();
    assert.equal(await totpInput.getAttribute('inputmode'), 'numeric');
    assert.equal(await totpInput.getAttribute('autocomplete'), 'one-time-code');
    await expectAccessible(t, page, 'the login TOTP step');
    const second = await freshTotp(secret, first.counter);
    await totpInput.fill(second.code);
    await page.getByRole('button', { name: 'Valider le code' }).click();
    await page.waitForURL(`${BASE_URL}/`);
    await heading(page, 'Accueil');
    assert.ok((await page.locator('#connected-as').innerText()).includes("Administrateur·rice de l'instance"));
  });
});

test('(f) la déconnexion ramène à la connexion et ferme la session', async (t) => {
  await journey(t, async ({ page, context }) => {
    await page.goto('/connexion');
    await heading(page, 'Connexion à Parcours');
    await fillCredentials(page, INSTRUCTOR.email, INSTRUCTOR.password);
    await heading(page, 'Accueil');
    assert.equal((await context.request.get('/api/v1/me')).status(), 200, '/me before logout');
    await logout(page);
    const me = await context.request.get('/api/v1/me');
    assert.equal(me.status(), 401, '/me after logout');
    assert.equal((await me.json()).error.code, 'unauthenticated');
    await page.goto('/');
    await page.waitForURL('**/connexion');
  });
});

test('pages publiques, repli SPA, en-têtes CSP et ressources locales', async (t) => {
  await journey(t, async ({ page }) => {
    const scripts = [];
    page.on('response', (r) => {
      if (/^\/assets\/index-[^/]+\.js$/.test(new URL(r.url()).pathname)) scripts.push(r);
    });
    const response = await page.goto('/une-page-qui-n-existe-pas');
    assert.equal(response.status(), 200, 'unknown non-API paths fall back to index.html');
    // The application's script, compressed by the web build (web/scripts/precompress.mjs).
    assert.equal(scripts.length, 1, 'the application script is loaded once');
    assert.equal((await scripts[0].allHeaders())['content-encoding'], 'br', 'it comes as its brotli variant');
    const csp = response.headers()['content-security-policy'] ?? '';
    for (const directive of ["default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'"]) {
      assert.ok(csp.includes(directive), `CSP header has ${directive}: ${csp}`);
    }
    await heading(page, 'Page non trouvée');
    await expectAccessible(t, page, 'the not-found page');
    const fontOk = await page.evaluate(async () => {
      await document.fonts.ready;
      return document.fonts.check('1rem Marianne');
    });
    assert.ok(fontOk, 'the Marianne font is loaded from the server');
    for (const [link, title] of [
      ['Mentions légales', 'Mentions légales'],
      ['Données personnelles', 'Données personnelles'],
      ['Accessibilité : non conforme', "Déclaration d'accessibilité"],
    ]) {
      await page.getByRole('contentinfo').getByRole('link', { name: link, exact: true }).click();
      await heading(page, title);
      await expectAccessible(t, page, `the "${title}" page`);
    }
    // Skip link: first in the tab order, and it moves the focus to the main content.
    await page.goto('/connexion');
    await heading(page, 'Connexion à Parcours');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Contenu', 'skip link first');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'contenu');
    const api404 = await page.request.get('/api/v1/route-inconnue');
    assert.notEqual(api404.status(), 200, 'unknown /api paths are not served index.html');
  });
});
