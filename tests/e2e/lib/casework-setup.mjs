// Accounts and tokens for the case-workflow journey, created through the CLI before the server starts.
import { addMonths, todayIso } from './dates.mjs';
import { runCli } from './server.mjs';

export const ASSOCIATION = {
  name: 'Association Accueil Gironde',
  departement: '33',
  siret: '73282932000074',
  agrementArrete: 'Arrêté préfectoral n° 33-2025-118',
};

/**
 * `parcours association add` options that also record the association's agrément in its seat
 * département, approved a year ago (submitting a demande needs a valid agrément: docs/api/commission.md).
 */
export function agrementOptions(arrete) {
  return ['--agrement-approved-on', addMonths(todayIso(), -12), '--agrement-arrete', arrete];
}
export const WORKER = {
  email: 'amina.diallo@parcours.test',
  name: 'Amina Diallo',
  password: 'travailleuse sociale de Bordeaux 33',
};
export const SIGNATORY = {
  email: 'prefet.gironde@parcours.test',
  name: 'Paul Lefèvre',
  password: 'signataire de la préfecture 33',
};

export const lastLine = (out) => out.trimEnd().split('\n').pop()?.trim() ?? '';
export const firstLine = (error) => String(error?.message ?? error).split('\n').filter(Boolean).slice(0, 2).join(' ');

/**
 * Creates the association, the worker and the signatory, and API tokens for the instructor and the
 * signatory. Returns the environment for the journeys, or `unavailable` when this server's CLI
 * cannot do it yet (the journey is then skipped with that reason).
 */
export async function setUpCasework(bin, db, instructorEmail) {
  let associationId;
  try {
    const out = await runCli(bin, [
      'association', 'add', '--db', db, '--name', ASSOCIATION.name,
      '--departement', ASSOCIATION.departement, '--siret', ASSOCIATION.siret, ...agrementOptions(ASSOCIATION.agrementArrete),
    ]);
    associationId = lastLine(out);
  } catch (error) {
    return { unavailable: `\`parcours association add\` failed: ${firstLine(error)}` };
  }
  if (!/^[0-9]+$/.test(associationId)) {
    return { unavailable: `\`parcours association add\` printed no id on its last line (got ${JSON.stringify(associationId)})` };
  }
  await runCli(
    bin,
    ['user', 'add', '--db', db, '--email', WORKER.email, '--role', 'association_worker', '--association', associationId,
      '--name', WORKER.name, '--password-stdin'],
    { input: `${WORKER.password}\n` },
  );
  await runCli(
    bin,
    ['user', 'add', '--db', db, '--email', SIGNATORY.email, '--role', 'signatory', '--departement', '33',
      '--name', SIGNATORY.name, '--password-stdin'],
    { input: `${SIGNATORY.password}\n` },
  );
  const env = {
    PARCOURS_E2E_ASSOCIATION_ID: associationId,
    PARCOURS_E2E_WORKER_EMAIL: WORKER.email,
    PARCOURS_E2E_WORKER_PASSWORD: WORKER.password,
    PARCOURS_E2E_SIGNATORY_EMAIL: SIGNATORY.email,
    PARCOURS_E2E_SIGNATORY_PASSWORD: SIGNATORY.password,
  };
  env.PARCOURS_E2E_INSTRUCTOR_TOKEN = lastLine(await runCli(bin, ['token', 'create', '--db', db, '--email', instructorEmail]));
  try {
    env.PARCOURS_E2E_SIGNATORY_TOKEN = lastLine(await runCli(bin, ['token', 'create', '--db', db, '--email', SIGNATORY.email]));
  } catch (error) {
    // The journey then signs in as the signatory through the API (enrolling TOTP) and reports it.
    env.PARCOURS_E2E_SIGNATORY_TOKEN_ERROR = firstLine(error);
  }
  return { env };
}

/** `GET /api/v1/persons` answers 401 (not 404) once the persons API exists. */
export async function probeCaseworkApi(baseUrl) {
  const response = await fetch(`${baseUrl}/api/v1/persons`, { signal: AbortSignal.timeout(5_000) });
  await response.arrayBuffer();
  if (response.status === 401) return null;
  return `GET /api/v1/persons answers ${response.status} (401 expected): the persons API is not in this server yet`;
}
