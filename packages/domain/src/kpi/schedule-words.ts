/** Weekday names by cron number (0 and 7 are both Sunday). */
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** A plain whole number within [low, high], or null. */
function plain(field: string, low: number, high: number): number | null {
  if (!/^\d{1,2}$/.test(field)) return null;
  const value = Number(field);
  return value >= low && value <= high ? value : null;
}

/** "*\/k" with k in [1, high], or null. */
function step(field: string, high: number): number | null {
  const match = /^\*\/(\d{1,2})$/.exec(field);
  if (!match) return null;
  const k = Number(match[1]);
  return k >= 1 && k <= high ? k : null;
}

function ordinal(day: number): string {
  const teen = day % 100 >= 11 && day % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][day % 10] ?? 'th');
  return `${day}${suffix}`;
}

const clock = (hour: number, minute: number) => `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')} (UTC)`;

/**
 * A KPI's five-field cron schedule in words for people: "nightly at 02:00 (UTC)", "every 15
 * minutes", "weekly on Monday at 03:00 (UTC)". Schedules run in UTC, so a time of day says so.
 * Only the common shapes are put in words; anything else is quoted as it is.
 */
export function describeSchedule(cron: string): string {
  const fields = cron.trim().split(/\s+/);
  const fallback = `on the schedule "${cron}"`;
  if (fields.length !== 5) return fallback;
  const [minuteField, hourField, dayField, monthField, weekdayField] = fields as [string, string, string, string, string];
  if (monthField !== '*') return fallback;
  const everyDay = dayField === '*' && weekdayField === '*';

  if (everyDay && hourField === '*') {
    if (minuteField === '*') return 'every minute';
    const minutes = step(minuteField, 59);
    if (minutes !== null) return minutes === 1 ? 'every minute' : `every ${minutes} minutes`;
    const minute = plain(minuteField, 0, 59);
    if (minute === null) return fallback;
    return minute === 0 ? 'hourly, on the hour' : `hourly at :${String(minute).padStart(2, '0')}`;
  }

  const minute = plain(minuteField, 0, 59);
  if (minute === null) return fallback;
  const hours = step(hourField, 23);
  if (hours !== null && everyDay && minute === 0) return hours === 1 ? 'hourly, on the hour' : `every ${hours} hours`;
  const hour = plain(hourField, 0, 23);
  if (hour === null) return fallback;
  const at = clock(hour, minute);

  if (everyDay) return `${hour <= 5 || hour >= 22 ? 'nightly' : 'daily'} at ${at}`;
  const weekday = plain(weekdayField, 0, 7);
  if (dayField === '*' && weekday !== null) return `weekly on ${WEEKDAYS[weekday]} at ${at}`;
  const day = plain(dayField, 1, 31);
  if (day !== null && weekdayField === '*') return `monthly on the ${ordinal(day)} at ${at}`;
  return fallback;
}
