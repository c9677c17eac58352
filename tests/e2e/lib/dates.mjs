// Calendar helpers of the journeys (UTC arithmetic on "AAAA-MM-JJ" strings).

export function todayIso(now = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** "2027-02-28" → "28/02/2027". */
export function fr(iso) {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * End of a 6-month period (docs/api/case-workflow.md): the day before the same day-number six months
 * later, or the last day of that month when the day-number does not exist in it.
 */
export function periodEnd(startIso) {
  const [y, m, d] = startIso.split('-').map(Number);
  const total = y * 12 + (m - 1) + 6;
  const year = Math.floor(total / 12);
  const month = total % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const end = d > lastDay ? new Date(Date.UTC(year, month, lastDay)) : new Date(Date.UTC(year, month, d - 1));
  return end.toISOString().slice(0, 10);
}

// Check values of the rule, including the end-of-month cases.
for (const [start, end] of [
  ['2026-09-01', '2027-02-28'],
  ['2026-08-31', '2027-02-28'],
  ['2027-08-30', '2028-02-29'],
  ['2026-01-15', '2026-07-14'],
  ['2026-03-01', '2026-08-31'],
]) {
  if (periodEnd(start) !== end) throw new Error(`periodEnd(${start}) = ${periodEnd(start)}, expected ${end}`);
}

/** "AAAA-MM-JJ" + n days (UTC). */
export function addDays(iso, days) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The same day-number n months later (or earlier), clamped to the end of the month. */
export function addMonths(iso, months) {
  const [y, m, d] = iso.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = ((total % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, lastDay))).toISOString().slice(0, 10);
}
