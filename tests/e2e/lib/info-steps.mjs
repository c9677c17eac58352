// The public information pages (/info, /info/:lang): their texts (content/info/*.json, read here as the
// page reads them) and the probes of the public routes of docs/api/partners.md (« Public »).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const CONTENT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'content', 'info');

export const INFO_LANGS = ['fr', 'en', 'es', 'pt', 'ro', 'bg', 'ar', 'zh'];
export const PICTOGRAM_KEYS = ['accompaniment', 'money', 'residence_permit', 'housing', 'health', 'training', 'commission', 'steps'];

/** `{fr: {...}, en: {...}, …}` from content/info/{lang}.json. */
export function infoContent() {
  return Object.fromEntries(INFO_LANGS.map((lang) => [lang, JSON.parse(readFileSync(join(CONTENT_DIR, `${lang}.json`), 'utf8'))]));
}

/** How `other` differs in shape from `reference` (same keys, same array lengths, no empty string): a list of paths. */
export function shapeDifferences(reference, other, path = '') {
  const out = [];
  const kind = (v) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);
  if (kind(reference) !== kind(other)) return [`${path || '/'}: ${kind(other)} instead of ${kind(reference)}`];
  if (Array.isArray(reference)) {
    if (reference.length !== other.length) out.push(`${path}: ${other.length} items instead of ${reference.length}`);
    reference.forEach((item, i) => i < other.length && out.push(...shapeDifferences(item, other[i], `${path}[${i}]`)));
  } else if (kind(reference) === 'object') {
    const a = Object.keys(reference);
    const b = Object.keys(other);
    for (const key of a) if (!b.includes(key)) out.push(`${path}.${key}: missing`);
    for (const key of b) if (!a.includes(key)) out.push(`${path}.${key}: not in fr.json`);
    for (const key of a) if (b.includes(key)) out.push(...shapeDifferences(reference[key], other[key], `${path}.${key}`));
  } else if (typeof other === 'string' && other.trim() === '') {
    out.push(`${path}: empty`);
  }
  return out;
}

async function status(url) {
  const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
  await response.arrayBuffer();
  return { status: response.status, setCookie: response.headers.get('set-cookie') };
}

/**
 * `{associations, leaflet}`: the status of `GET /api/v1/public/associations` and of the French leaflet.
 * While the server has no such route (404) the page shows `directory.unavailable`, and the journeys
 * tolerate that 404 in the browser.
 */
export async function probePublicInfoRoutes(baseUrl) {
  const associations = await status(`${baseUrl}/api/v1/public/associations`);
  const leaflet = await status(`${baseUrl}/api/v1/public/info/fr/leaflet.pdf`);
  return { associations, leaflet };
}

/** Every `Set-Cookie` header the page receives from now on (`[{url, value}]`). */
export function watchSetCookies(page) {
  const seen = [];
  page.on('response', async (response) => {
    const value = await response.headerValue('set-cookie').catch(() => null);
    if (value) seen.push({ url: response.url(), value });
  });
  return seen;
}

/** Waits until the directory has answered: its list, or its "empty" or "unavailable" message. */
export async function directorySettled(page) {
  await page.locator('#info-annuaire-liste, #info-annuaire-etat .fr-alert').first().waitFor();
}
