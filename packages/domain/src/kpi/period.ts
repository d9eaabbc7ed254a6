import { z } from 'zod';
import type { Grain } from './kpi.schema.ts';
import { text, ZIsoDate } from '../common/common.schema.ts';

/**
 * Periods, as PRODUCT.md defines them: a period is complete once it has ended in the
 * organisation's time zone. Days are ISO dates (YYYY-MM-DD) in that zone; a window is the
 * half-open run of days [from, to).
 */
export interface PeriodWindow {
  /** First day. */
  from: string;
  /** The day after the last. */
  to: string;
}

const DAY_MS = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const msOf = (day: string) => Date.parse(`${day}T00:00:00Z`);

export function addDays(day: string, days: number): string {
  return dayOf(msOf(day) + days * DAY_MS);
}

/** Whether `timeZone` is an IANA zone this runtime knows (e.g. "Europe/London"). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(timeZone);
  } catch {
    return false;
  }
}

export const ZTimeZone = text().max(64).refine(isTimeZone, 'must be an IANA time zone, e.g. "Europe/London" or "UTC"');

/** The date it is at `now` in `timeZone`. */
export function dayIn(timeZone: string, now: Date): string {
  // Every zone's offset is a whole number of seconds (today's are whole minutes; old local mean
  // times are not): within one second the day is the same.
  const second = Math.floor(now.getTime() / 1_000);
  let zone = dayFormats.get(timeZone);
  if (!zone) {
    // en-CA formats dates as YYYY-MM-DD.
    zone = {
      format: new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }),
      second: NaN,
      day: '',
    };
    dayFormats.set(timeZone, zone);
  }
  if (zone.second !== second) {
    zone.day = zone.format.format(now);
    zone.second = second;
  }
  return zone.day;
}

/**
 * Made once per zone, with the last second's answer: a formatter costs a hundred times what
 * formatting with it does, and every read asks for today.
 */
const dayFormats = new Map<string, { format: Intl.DateTimeFormat; second: number; day: string }>();

/** The first day of the period holding `day` (ISO weeks start on Monday). */
export function periodStartOf(day: string, grain: Grain): string {
  if (grain === 'day') return day;
  const d = new Date(msOf(day));
  if (grain === 'week') d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  else d.setUTCDate(1);
  if (grain === 'quarter') d.setUTCMonth(d.getUTCMonth() - (d.getUTCMonth() % 3));
  return d.toISOString().slice(0, 10);
}

/** The start of the period `k` periods after (or before, for negative `k`) the one starting at `start`. */
export function addPeriods(start: string, grain: Grain, k: number): string {
  if (grain === 'day') return addDays(start, k);
  if (grain === 'week') return addDays(start, 7 * k);
  const d = new Date(msOf(start));
  d.setUTCMonth(d.getUTCMonth() + (grain === 'quarter' ? 3 : 1) * k);
  return d.toISOString().slice(0, 10);
}

export function periodWindow(start: string, grain: Grain): PeriodWindow {
  return { from: start, to: addPeriods(start, grain, 1) };
}

/** A window is complete once its last day has passed: `today` is on or after its end. */
export function isComplete(window: PeriodWindow, today: string): boolean {
  return window.to <= today;
}

/** The period still running on `today` (partial: shown as "to date"). */
export function currentPeriodStart(grain: Grain, today: string): string {
  return periodStartOf(today, grain);
}

/** The latest period that has ended by `today`: the one headlines use. */
export function lastCompletePeriodStart(grain: Grain, today: string): string {
  return addPeriods(periodStartOf(today, grain), grain, -1);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const dayLabel = (day: string, withYear = true) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]}${withYear ? ` ${y}` : ''}`;
};

/** A period in words: "Nov 2026", "Q4 2026", "week of 23 Nov 2026", "2 Dec 2026". */
export function periodLabel(start: string, grain: Grain): string {
  const [y, m] = start.split('-').map(Number) as [number, number];
  switch (grain) {
    case 'day':
      return dayLabel(start);
    case 'week':
      return `week of ${dayLabel(start)}`;
    case 'month':
      return `${MONTHS[m - 1]} ${y}`;
    case 'quarter':
      return `Q${Math.floor((m - 1) / 3) + 1} ${y}`;
  }
}

/** A window in words: its period's label when it is exactly one period, else "1 Sep – 30 Nov 2026". */
export function windowLabel(window: PeriodWindow, grain: Grain): string {
  if (periodStartOf(window.from, grain) === window.from && addPeriods(window.from, grain, 1) === window.to)
    return periodLabel(window.from, grain);
  const last = addDays(window.to, -1);
  if (last === window.from) return dayLabel(last);
  return `${dayLabel(window.from, window.from.slice(0, 4) !== last.slice(0, 4))} – ${dayLabel(last)}`;
}

/**
 * Which period a view leads with: the last complete one (the default), one chosen period (any
 * day in it), or a range of days, from and to inclusive, aggregated by the same formulas.
 */
export const ZPeriodSelection = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('last_complete') }),
  z.object({ kind: z.literal('period'), start: ZIsoDate }),
  z.object({ kind: z.literal('range'), from: ZIsoDate, to: ZIsoDate }),
]);
export type PeriodSelection = z.infer<typeof ZPeriodSelection>;

/** The flat form an API or a URL carries: `period`, or `from` and `to`, or neither. */
export const ZPeriodParams = z
  .object({ period: ZIsoDate.optional(), from: ZIsoDate.optional(), to: ZIsoDate.optional() })
  .superRefine((p, ctx) => {
    if (p.period && (p.from || p.to))
      ctx.addIssue({ code: 'custom', path: ['period'], message: 'give a period or a from–to range, not both' });
    if ((p.from === undefined) !== (p.to === undefined))
      ctx.addIssue({ code: 'custom', path: [p.from ? 'to' : 'from'], message: 'a range needs both from and to' });
    if (p.from && p.to && p.from > p.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be on or after from' });
  });
export type PeriodParams = z.infer<typeof ZPeriodParams>;

export function selectionOf(p: PeriodParams): PeriodSelection {
  if (p.from && p.to) return { kind: 'range', from: p.from, to: p.to };
  if (p.period) return { kind: 'period', start: p.period };
  return { kind: 'last_complete' };
}

export interface SelectedWindow extends PeriodWindow {
  label: string;
  complete: boolean;
  /** The window a change is measured against: the period (or as many days) just before. */
  previous: PeriodWindow;
}

/** The window a selection means for a KPI of this grain, on `today` in the organisation's zone. */
export function selectedWindow(selection: PeriodSelection, grain: Grain, today: string): SelectedWindow {
  let window: PeriodWindow;
  let previous: PeriodWindow;
  if (selection.kind === 'range') {
    window = { from: selection.from, to: addDays(selection.to, 1) };
    const days = Math.round((msOf(window.to) - msOf(window.from)) / DAY_MS);
    previous = { from: addDays(window.from, -days), to: window.from };
  } else {
    const start = selection.kind === 'period' ? periodStartOf(selection.start, grain) : lastCompletePeriodStart(grain, today);
    window = periodWindow(start, grain);
    previous = periodWindow(addPeriods(start, grain, -1), grain);
  }
  return { ...window, previous, label: windowLabel(window, grain), complete: isComplete(window, today) };
}
