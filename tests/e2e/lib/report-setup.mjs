// The activity-report journey's account (docs/api/statistics.md, `scope=association:ID`): an
// `association_admin` of the case-workflow association (lib/casework-setup.mjs), created through
// the CLI before the server starts. Its figures come from records arranged through the API.
import { firstLine } from './casework-setup.mjs';
import { runCli } from './server.mjs';

export const ASSOCIATION_ADMIN = {
  email: 'sophie.laurent@parcours.test',
  name: 'Sophie Laurent',
  password: 'administratrice Accueil Gironde 33',
};

/** `{env}` for the journey, or `{unavailable}` (the reason to skip it). */
export async function setUpReport(bin, db, associationId) {
  if (!associationId) return { unavailable: 'the case-workflow association was not created' };
  try {
    await runCli(
      bin,
      ['user', 'add', '--db', db, '--email', ASSOCIATION_ADMIN.email, '--role', 'association_admin', '--association', associationId,
        '--name', ASSOCIATION_ADMIN.name, '--password-stdin'],
      { input: `${ASSOCIATION_ADMIN.password}\n` },
    );
  } catch (error) {
    return { unavailable: `\`parcours user add --role association_admin\` failed: ${firstLine(error)}` };
  }
  return {
    env: {
      PARCOURS_E2E_ASSOCIATION_ADMIN_EMAIL: ASSOCIATION_ADMIN.email,
      PARCOURS_E2E_ASSOCIATION_ADMIN_PASSWORD: ASSOCIATION_ADMIN.password,
      PARCOURS_E2E_ASSOCIATION_ADMIN_NAME: ASSOCIATION_ADMIN.name,
    },
  };
}
