// The model of the 24-month timeline: 4 blocks of 6 months, authorised periods, gaps, today.
import type { Period } from "../../api";
import { addDays, addMonths, dayNumber, formatDate } from "../../casework/dates";

export const BLOCKS = 4;
export const MONTHS_PER_BLOCK = 6;

export type PeriodStatus = "past" | "current" | "future";

export interface TimelineMonth {
  start: string;
  end: string;
  today: boolean;
}

export interface TimelineGap {
  /** Days without rights; null while the gap is still open (no next period yet). */
  days: number | null;
  from: string;
  to: string | null;
  today: boolean;
}

export interface TimelineBlock {
  number: number;
  period: Period | null;
  status: PeriodStatus | null;
  months: TimelineMonth[];
  /** The rupture de droits just before this block, if any. */
  gapBefore: TimelineGap | null;
}

export interface TimelineModel {
  blocks: TimelineBlock[];
  today: string;
  /** Where "today" falls, in words (for the text equivalent). */
  todayText: string;
  /** Today is before the first authorised period (or there is none). */
  todayBefore: boolean;
}

/** States in which a period that ended without a successor is a rupture de droits in progress. */
const AWAITING_RENEWAL = new Set(["active", "renewal_submitted", "renewal_opinion_given"]);

function monthsOf(period: Period, today: number): TimelineMonth[] {
  return Array.from({ length: MONTHS_PER_BLOCK }, (_, k) => {
    const start = addMonths(period.start, k);
    const end = k === MONTHS_PER_BLOCK - 1 ? period.end : addDays(addMonths(period.start, k + 1), -1);
    return { start, end, today: dayNumber(start) <= today && today <= dayNumber(end) };
  });
}

export function buildTimeline(periods: Period[], state: string, todayIso: string): TimelineModel {
  const today = dayNumber(todayIso);
  const sorted = [...periods].sort((a, b) => a.number - b.number);
  const blocks: TimelineBlock[] = [];
  let todayText = "";

  for (let n = 1; n <= BLOCKS; n++) {
    const period = sorted.find((p) => p.number === n) ?? null;
    const previous = sorted.find((p) => p.number === n - 1) ?? null;
    let gapBefore: TimelineGap | null = null;
    if (period !== null && previous !== null && period.gap_days_before > 0) {
      const from = addDays(previous.end, 1);
      const to = addDays(period.start, -1);
      gapBefore = { days: period.gap_days_before, from, to, today: dayNumber(from) <= today && today <= dayNumber(to) };
    } else if (period === null && previous !== null && AWAITING_RENEWAL.has(state) && today > dayNumber(previous.end)) {
      gapBefore = { days: null, from: addDays(previous.end, 1), to: null, today: true };
    }
    if (gapBefore?.today) {
      todayText = gapBefore.to
        ? `dans la rupture de droits précédant la période ${n}`
        : `en rupture de droits depuis le ${formatDate(gapBefore.from)}`;
    }

    let status: PeriodStatus | null = null;
    let months: TimelineMonth[] = [];
    if (period !== null) {
      months = monthsOf(period, today);
      if (today > dayNumber(period.end)) status = "past";
      else if (today < dayNumber(period.start)) status = "future";
      else status = "current";
      const month = months.findIndex((m) => m.today);
      if (month >= 0) todayText = `dans la période ${n}, mois ${month + 1} sur ${MONTHS_PER_BLOCK}`;
    }
    blocks.push({ number: n, period, status, months, gapBefore });
  }

  const first = sorted[0];
  const todayBefore = first === undefined || today < dayNumber(first.start);
  if (todayText === "") {
    if (first === undefined) todayText = "aucune période n'est encore autorisée";
    else if (todayBefore) todayText = `avant le début de la période 1 (le ${formatDate(first.start)})`;
    else todayText = "après la dernière période autorisée";
  }
  return { blocks, today: todayIso, todayText, todayBefore };
}
