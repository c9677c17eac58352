// Dates: "AAAA-MM-JJ" in the API, "JJ/MM/AAAA" on screen. Calendar arithmetic in UTC so that
// no time zone or daylight-saving change ever moves a day.
import type { IsoDate } from "../api";

const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})/;

/** "2027-02-28" (or a timestamp starting with it) → "28/02/2027"; "—" for nothing. */
export function formatDate(value: string | null | undefined): string {
  if (value === null || value === undefined) return "—";
  const m = ISO_PATTERN.exec(value);
  if (m === null) return value;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** A timestamp as "JJ/MM/AAAA à HH:MM" in local time, or just the date when there is no time. */
export function formatDateTime(value: string | null | undefined): string {
  if (value === null || value === undefined) return "—";
  if (value.length <= 10) return formatDate(value);
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return formatDate(value);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()} à ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Today's local calendar date as "AAAA-MM-JJ". */
export function todayIso(now: Date = new Date()): IsoDate {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Days since 1970-01-01 of an "AAAA-MM-JJ" date (NaN when it is not one). */
export function dayNumber(iso: IsoDate): number {
  const m = ISO_PATTERN.exec(iso);
  if (m === null) return Number.NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000;
}

function fromDayNumber(day: number): IsoDate {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(iso) + days);
}

/** The same day-number `months` later, clamped to the end of the month (31/08 + 6 → 28/02 or 29/02). */
export function addMonths(iso: IsoDate, months: number): IsoDate {
  const m = ISO_PATTERN.exec(iso);
  if (m === null) return iso;
  const total = Number(m[1]) * 12 + (Number(m[2]) - 1) + months;
  const year = Math.floor(total / 12);
  const month = total % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(Number(m[3]), lastDay);
  return new Date(Date.UTC(year, month, day)).toISOString().slice(0, 10);
}
