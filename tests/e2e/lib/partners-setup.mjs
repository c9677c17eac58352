// The partner network journeys' world (docs/api/partners.md). Before the server starts, through the
// CLI: an association of the Dordogne (24, same region as the Gironde's prefecture instructor) with
// its worker, a prefecture instructor of the Rhône (69, another region) and API tokens for both
// instructors. Once the server runs, the journeys seed partners through the API (lib/partners-api in
// partners.test.mjs).
import { firstLine, lastLine } from './casework-setup.mjs';
import { runCli } from './server.mjs';

export const RELAIS = { name: 'Relais Périgord', departement: '24' };
export const RELAIS_WORKER = { email: 'ines.petitjean@parcours.test', name: 'Inès Petitjean', password: 'travailleuse sociale du Périgord 24' };
export const LYON_INSTRUCTOR = { email: 'marc.fontaine@parcours.test', name: 'Marc Fontaine', password: 'instructeur de la préfecture du Rhône 69' };

/** `{env}` for the journeys, or `{unavailable}` (the reason to skip them). */
export async function setUpPartners(bin, db, instructorEmail) {
  let associationId;
  try {
    associationId = lastLine(await runCli(bin, ['association', 'add', '--db', db, '--name', RELAIS.name, '--departement', RELAIS.departement]));
  } catch (error) {
    return { unavailable: `\`parcours association add\` failed: ${firstLine(error)}` };
  }
  if (!/^[0-9]+$/.test(associationId)) {
    return { unavailable: `\`parcours association add\` printed no id on its last line (got ${JSON.stringify(associationId)})` };
  }
  const add = (account, role, scope) =>
    runCli(bin, ['user', 'add', '--db', db, '--email', account.email, '--role', role, ...scope, '--name', account.name, '--password-stdin'], {
      input: `${account.password}\n`,
    });
  try {
    await add(RELAIS_WORKER, 'association_worker', ['--association', associationId]);
    await add(LYON_INSTRUCTOR, 'prefecture_instructor', ['--departement', '69']);
  } catch (error) {
    return { unavailable: `\`parcours user add\` failed: ${firstLine(error)}` };
  }
  const token = async (email) => lastLine(await runCli(bin, ['token', 'create', '--db', db, '--email', email]));
  return {
    env: {
      PARCOURS_E2E_PARTNERS_WORKER_EMAIL: RELAIS_WORKER.email,
      PARCOURS_E2E_PARTNERS_WORKER_PASSWORD: RELAIS_WORKER.password,
      PARCOURS_E2E_PARTNERS_WORKER_NAME: RELAIS_WORKER.name,
      PARCOURS_E2E_PARTNERS_INSTRUCTOR_TOKEN: await token(instructorEmail),
      PARCOURS_E2E_PARTNERS_OTHER_REGION_TOKEN: await token(LYON_INSTRUCTOR.email),
    },
  };
}

/** `GET /api/v1/partners` answers 401 (not 404) once the partners API exists. */
export async function probePartnersApi(baseUrl) {
  const response = await fetch(`${baseUrl}/api/v1/partners`, { signal: AbortSignal.timeout(5_000) });
  await response.arrayBuffer();
  if (response.status === 401) return null;
  return `GET /api/v1/partners answers ${response.status} (401 expected): the partners API is not in this server yet`;
}
