// Is the rights API (docs/api/rights.md) in this server? A route that exists asks for a login (401)
// before anything else; an absent one answers 404 to everybody. Alerts are probed logged in.

async function status(url, headers = {}) {
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(5_000) });
  await response.arrayBuffer();
  return response.status;
}

/** `{rights, alerts}`: null when the routes are there, else the reason to skip their journeys. */
export async function probeRightsApi(baseUrl, instructorToken) {
  const rightsStatus = await status(`${baseUrl}/api/v1/parcours/1/rights`);
  const rights = rightsStatus === 404
    ? `GET /api/v1/parcours/{id}/rights answers 404 (401 expected when anonymous): the rights API is not in this server yet`
    : null;
  let alerts = null;
  if (instructorToken) {
    const alertsStatus = await status(`${baseUrl}/api/v1/alerts`, { Authorization: `Bearer ${instructorToken}` });
    if (alertsStatus === 404) alerts = 'GET /api/v1/alerts answers 404 to a logged-in instructor: the alerts API is not in this server yet';
  } else if ((await status(`${baseUrl}/api/v1/alerts`)) === 404) {
    alerts = 'GET /api/v1/alerts answers 404: the alerts API is not in this server yet';
  }
  return { rights, alerts };
}
