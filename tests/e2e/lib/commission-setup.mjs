// The commission journey's world: accounts through the CLI before the server starts (an association
// with its agrément, its worker, a signatory who signs in through the browser, a commission member),
// then, through the API once it runs, two submitted initial demandes and the commission's members.
import { expectStatus, sessionClient } from './api.mjs';
import { agrementOptions, firstLine, lastLine } from './casework-setup.mjs';
import { ensureCommission, ensureVotingMember, instructorApi, submittedInitialDemande } from './commission-api.mjs';
import { addDays, addMonths, todayIso } from './dates.mjs';
import { env } from './journey.mjs';
import { runCli } from './server.mjs';

export const PHARE = { name: 'Association Le Phare', departement: '33', arrete: 'Arrêté préfectoral n° 33-2025-207' };
export const PHARE_WORKER = { email: 'lucie.moreau@parcours.test', name: 'Lucie Moreau', password: 'travailleuse sociale du Phare 33' };
/** A signatory of its own: this journey enrols the second factor in the browser. */
export const COMMISSION_SIGNATORY = { email: 'claire.dubois@parcours.test', name: 'Claire Dubois', password: 'signataire de la commission 33' };
export const MEMBER_ACCOUNT = { email: 'helene.girard@parcours.test', name: 'Hélène Girard', password: 'membre de la commission 33' };

/** The two persons whose initial demandes the commission examines (their names must never reach it). */
export const PERSONS = [
  { lastName: 'Nwankwo', firstNames: 'Esther Chioma', birthDate: '1994-06-12', nationality: 'NGA', status: 'asylum_seeker' },
  { lastName: 'Ilunga', firstNames: 'Rachel Mbuyi', birthDate: '1989-11-03', nationality: 'COD', status: 'undocumented' },
];

/** The members the journey adds to the commission (besides the helper's 2° member). */
export const MEMBERS = {
  // Linked to the member account: reads the tabled files during the window.
  linked: { category: '6', name: 'Hélène Girard', organisation: 'Service des étrangers, préfecture de la Gironde' },
  // Represents the association that prepared both demandes: recused.
  association: { category: '11', name: 'Marc Petit', organisation: 'Association Le Phare', arrete_ref: 'Arrêté n° 2025-311 du 2 décembre 2025' },
  // Appointed almost three years ago: the term warning.
  magistrate: { category: '1', name: 'Anne Roux', organisation: 'Tribunal judiciaire de Bordeaux', arrete_ref: 'Arrêté n° 2023-077' },
};

const userId = (out) => /user ([0-9]+) created/.exec(out)?.[1] ?? null;

/** CLI accounts; `{env}` for the journey, or `{unavailable}` (the reason to skip it). */
export async function setUpCommission(bin, db) {
  let associationId;
  try {
    associationId = lastLine(await runCli(bin, [
      'association', 'add', '--db', db, '--name', PHARE.name, '--departement', PHARE.departement, ...agrementOptions(PHARE.arrete),
    ]));
  } catch (error) {
    return { unavailable: `\`parcours association add --agrement-approved-on\` failed: ${firstLine(error)}` };
  }
  if (!/^[0-9]+$/.test(associationId)) {
    return { unavailable: `\`parcours association add\` printed no id on its last line (got ${JSON.stringify(associationId)})` };
  }
  const add = (account, role, scope) =>
    runCli(bin, ['user', 'add', '--db', db, '--email', account.email, '--role', role, ...scope, '--name', account.name, '--password-stdin'], {
      input: `${account.password}\n`,
    });
  await add(PHARE_WORKER, 'association_worker', ['--association', associationId]);
  await add(COMMISSION_SIGNATORY, 'signatory', ['--departement', '33']);
  let memberId;
  try {
    memberId = userId(await add(MEMBER_ACCOUNT, 'commission_member', ['--departement', '33']));
  } catch (error) {
    return { unavailable: `\`parcours user add --role commission_member\` failed: ${firstLine(error)}` };
  }
  if (memberId === null) return { unavailable: '`parcours user add` printed no "user N created" line' };
  return {
    env: {
      PARCOURS_E2E_PHARE_ID: associationId,
      PARCOURS_E2E_PHARE_WORKER_EMAIL: PHARE_WORKER.email,
      PARCOURS_E2E_PHARE_WORKER_PASSWORD: PHARE_WORKER.password,
      PARCOURS_E2E_COMMISSION_SIGNATORY_EMAIL: COMMISSION_SIGNATORY.email,
      PARCOURS_E2E_COMMISSION_SIGNATORY_PASSWORD: COMMISSION_SIGNATORY.password,
      PARCOURS_E2E_MEMBER_EMAIL: MEMBER_ACCOUNT.email,
      PARCOURS_E2E_MEMBER_PASSWORD: MEMBER_ACCOUNT.password,
      PARCOURS_E2E_MEMBER_USER_ID: memberId,
    },
  };
}

/** `GET /api/v1/commissions` answers 401 (not 404) once the commission API exists. */
export async function probeCommissionApi(baseUrl) {
  const response = await fetch(`${baseUrl}/api/v1/commissions`, { signal: AbortSignal.timeout(5_000) });
  await response.arrayBuffer();
  if (response.status === 401) return null;
  return `GET /api/v1/commissions answers ${response.status} (401 expected): the commission API is not in this server yet`;
}

/**
 * Through the API: the two submitted demandes (Le Phare's worker) and the commission's members
 * (instructor's token). Returns `{commissionId, demandes: [{…PERSONS[i], demandeId, pseudonym, parcoursId}],
 * members: {voting, linked, association, magistrate}}`.
 */
export async function arrangeCommission() {
  const baseURL = env('PARCOURS_E2E_BASE_URL');
  const worker = await sessionClient(baseURL, env('PARCOURS_E2E_PHARE_WORKER_EMAIL'), env('PARCOURS_E2E_PHARE_WORKER_PASSWORD'));
  const demandes = [];
  try {
    for (const person of PERSONS) demandes.push({ ...person, ...(await submittedInitialDemande(worker, person)) });
  } finally {
    await worker.dispose();
  }
  const api = await instructorApi();
  try {
    const commission = await ensureCommission(api);
    const voting = await ensureVotingMember(api, commission);
    const today = todayIso();
    const yearAgo = addMonths(today, -12);
    const add = async (body) =>
      expectStatus(await api.post(`/commissions/${commission.id}/members`, { titular: true, ...body }), 201, `member ${body.name}`);
    const members = {
      voting,
      linked: await add({ ...MEMBERS.linked, appointed_on: yearAgo, trained_on: addMonths(today, -11), user_id: Number(env('PARCOURS_E2E_MEMBER_USER_ID')) }),
      association: await add({ ...MEMBERS.association, appointed_on: yearAgo, association_id: Number(env('PARCOURS_E2E_PHARE_ID')) }),
      // Term end = appointment + 3 years − 1 day: about 30 days left today.
      magistrate: await add({ ...MEMBERS.magistrate, appointed_on: addDays(addMonths(today, -36), 30) }),
    };
    return { commissionId: commission.id, demandes, members };
  } finally {
    await api.dispose();
  }
}
