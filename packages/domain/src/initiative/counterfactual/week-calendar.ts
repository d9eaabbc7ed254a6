import { DomainError } from '../../common/domain-error.ts';
import type { WeekFigure } from './counterfactual.schema.ts';

/**
 * Weeks as the designs count them: weeks are ISO weeks starting on Monday, and a date is a day
 * number (days since 1970-01-01, UTC) so that week arithmetic is integer arithmetic.
 */
const DAY_MS = 86_400_000;

export function dayNumber(day: string): number {
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(ms)) throw new DomainError('BAD_REQUEST', `${day} is not a date (YYYY-MM-DD)`);
  return ms / DAY_MS;
}

export const dateOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** 1970-01-01 was a Thursday, so day d is a Monday when (d + 3) mod 7 = 0. */
const weekdayFromMonday = (day: number) => (((day + 3) % 7) + 7) % 7;

/** The Monday on or before `day`. */
export const mondayOnOrBefore = (day: number) => day - weekdayFromMonday(day);

/** The Monday on or after `day`. */
export const mondayOnOrAfter = (day: number) => mondayOnOrBefore(day + 6);

/**
 * The weeks either side of a go-live date. A week is after when the change was live all of it
 * (it starts on or after the date), before when it ended before the date; a week the change
 * went live part-way through is neither, as the go-live day is in the naive before/after.
 */
export function weeksAround(startsOn: string): { lastBefore: number; firstAfter: number } {
  const start = dayNumber(startsOn);
  return { lastBefore: mondayOnOrBefore(start - 7), firstAfter: mondayOnOrAfter(start) };
}

/** The month (1–12) a week is counted in: its Thursday's, as ISO 8601 assigns a week to a year. */
export const monthOfWeek = (monday: number): number => new Date((monday + 3) * DAY_MS).getUTCMonth() + 1;

/** A group's weeks by Monday, refusing weeks that are not Mondays or appear twice: the caller has mixed up its grain. */
export function weeksByMonday(weeks: readonly WeekFigure[], whose: string): Map<number, WeekFigure> {
  const byMonday = new Map<number, WeekFigure>();
  for (const week of weeks) {
    const monday = dayNumber(week.weekStart);
    if (weekdayFromMonday(monday) !== 0)
      throw new DomainError('BAD_REQUEST', `${whose}: week ${week.weekStart} does not start on a Monday`);
    if (byMonday.has(monday)) throw new DomainError('BAD_REQUEST', `${whose}: week ${week.weekStart} appears twice`);
    byMonday.set(monday, week);
  }
  return byMonday;
}

/** Whether a week's figure is measured well enough to use: a value, from at least `minWeekN` answers. */
export const usable = (week: WeekFigure | undefined, minWeekN: number): week is WeekFigure & { value: number } =>
  week !== undefined && week.value !== null && Number.isFinite(week.value) && week.n >= minWeekN && week.n > 0;

/** Checks the window options shared by both designs. */
export function checkWindow(windowWeeksAfter: number, minWeekN: number) {
  if (!Number.isInteger(windowWeeksAfter) || windowWeeksAfter < 1 || windowWeeksAfter > 520)
    throw new DomainError('BAD_REQUEST', 'windowWeeksAfter must be a whole number of weeks from 1 to 520');
  if (!Number.isInteger(minWeekN) || minWeekN < 1) throw new DomainError('BAD_REQUEST', 'minWeekN must be a whole number from 1');
}

/** Fewest weeks before and after the change a design is fitted on; fewer and the interval is mostly noise. */
export const MIN_WEEKS_BEFORE = 8;
export const MIN_WEEKS_AFTER = 4;

/** A year of weeks before the change, every month among them, and the season can be told from the trend. */
export const SEASONAL_HISTORY_WEEKS = 52;

/** A week from fewer answers than this is left out as too noisy to steer a regression. */
export const DEFAULT_MIN_WEEK_N = 5;
