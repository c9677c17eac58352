// The statistics journey's accounts (docs/api/statistics.md): a national analyst created through
// the CLI before the server starts (no second factor: domain::RequiresTotp is for the
// administrator and the signatory only). Its figures come from demandes arranged through the API.
import { firstLine } from './casework-setup.mjs';
import { runCli } from './server.mjs';

export const ANALYST = { email: 'mathilde.rousseau@parcours.test', name: 'Mathilde Rousseau', password: 'analyste nationale des statistiques' };

/** `{env}` for the journey, or `{unavailable}` (the reason to skip it). */
export async function setUpStatistics(bin, db) {
  try {
    await runCli(bin, ['user', 'add', '--db', db, '--email', ANALYST.email, '--role', 'analyst_national', '--name', ANALYST.name, '--password-stdin'], {
      input: `${ANALYST.password}\n`,
    });
  } catch (error) {
    return { unavailable: `\`parcours user add --role analyst_national\` failed: ${firstLine(error)}` };
  }
  return { env: { PARCOURS_E2E_ANALYST_EMAIL: ANALYST.email, PARCOURS_E2E_ANALYST_PASSWORD: ANALYST.password, PARCOURS_E2E_ANALYST_NAME: ANALYST.name } };
}

/** `GET /api/v1/stats` answers 401 (not 404) once the statistics API exists. */
export async function probeStatisticsApi(baseUrl) {
  const response = await fetch(`${baseUrl}/api/v1/stats`, { signal: AbortSignal.timeout(5_000) });
  await response.arrayBuffer();
  if (response.status === 401) return null;
  return `GET /api/v1/stats answers ${response.status} (401 expected): the statistics API is not in this server yet`;
}
