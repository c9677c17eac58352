// Direct API calls for the steps a journey does not drive through the browser (arranging cases,
// the commission's avis, the signatory's decision): Bearer tokens, or a session as a fallback.
import { request } from 'playwright-core';
import { freshTotp } from './totp.mjs';

async function call(context, method, path, body, headers = {}) {
  const response = await context.fetch(`/api/v1${path}`, {
    method,
    headers: { Accept: 'application/json', ...headers },
    ...(body === undefined ? {} : { data: body }),
  });
  const text = await response.text();
  let json;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: response.status(), body: json };
}

/** An API client acting with `Authorization: Bearer <token>`. */
export async function bearerClient(baseURL, token) {
  const context = await request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  return {
    kind: 'bearer',
    get: (path) => call(context, 'GET', path),
    post: (path, body) => call(context, 'POST', path, body ?? {}),
    put: (path, body) => call(context, 'PUT', path, body ?? {}),
    patch: (path, body) => call(context, 'PATCH', path, body ?? {}),
    delete: (path) => call(context, 'DELETE', path),
    dispose: () => context.dispose(),
  };
}

/**
 * An API client on a cookie session (CSRF header on writes). Signs in with the password, enrolling a
 * second factor through the API first when the role requires one and has none yet.
 */
export async function sessionClient(baseURL, email, password) {
  const context = await request.newContext({ baseURL });
  let login = await call(context, 'POST', '/auth/login', { email, password });
  if (login.status !== 200) throw new Error(`login of ${email}: HTTP ${login.status} ${JSON.stringify(login.body)}`);
  let csrf = login.body.csrf_token;
  if (login.body.user?.totp_enrolment_required) {
    const enrol = await call(context, 'POST', '/auth/totp/enrol', {}, { 'X-CSRF-Token': csrf });
    if (enrol.status !== 200) throw new Error(`TOTP enrolment of ${email}: HTTP ${enrol.status} ${JSON.stringify(enrol.body)}`);
    const { code } = await freshTotp(enrol.body.secret);
    const confirm = await call(context, 'POST', '/auth/totp/confirm', { code }, { 'X-CSRF-Token': csrf });
    if (confirm.status !== 200) throw new Error(`TOTP confirmation of ${email}: HTTP ${confirm.status} ${JSON.stringify(confirm.body)}`);
    const me = await call(context, 'GET', '/me');
    csrf = me.body?.csrf_token ?? csrf;
  }
  return {
    kind: 'session',
    get: (path) => call(context, 'GET', path),
    post: (path, body) => call(context, 'POST', path, body ?? {}, { 'X-CSRF-Token': csrf }),
    put: (path, body) => call(context, 'PUT', path, body ?? {}, { 'X-CSRF-Token': csrf }),
    patch: (path, body) => call(context, 'PATCH', path, body ?? {}, { 'X-CSRF-Token': csrf }),
    delete: (path) => call(context, 'DELETE', path, undefined, { 'X-CSRF-Token': csrf }),
    dispose: () => context.dispose(),
  };
}

/** Throws a readable error unless the answer has the expected status. */
export function expectStatus(answer, status, what) {
  if (answer.status !== status) {
    throw new Error(`${what}: expected HTTP ${status}, got ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return answer.body;
}
