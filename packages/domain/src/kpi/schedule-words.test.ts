import { describe, expect, it } from 'vitest';
import { describeSchedule } from './schedule-words.ts';

describe('a KPI schedule in words', () => {
  it.each([
    ['0 2 * * *', 'nightly at 02:00 (UTC)'],
    ['45 23 * * *', 'nightly at 23:45 (UTC)'],
    ['0 5 * * *', 'nightly at 05:00 (UTC)'],
    ['30 6 * * *', 'daily at 06:30 (UTC)'],
    ['0 21 * * *', 'daily at 21:00 (UTC)'],
    ['*/15 * * * *', 'every 15 minutes'],
    ['* * * * *', 'every minute'],
    ['*/1 * * * *', 'every minute'],
    ['0 * * * *', 'hourly, on the hour'],
    ['15 * * * *', 'hourly at :15'],
    ['5 * * * *', 'hourly at :05'],
    ['0 */6 * * *', 'every 6 hours'],
    ['0 3 * * 1', 'weekly on Monday at 03:00 (UTC)'],
    ['0 3 * * 0', 'weekly on Sunday at 03:00 (UTC)'],
    ['0 3 * * 7', 'weekly on Sunday at 03:00 (UTC)'],
    ['0 4 1 * *', 'monthly on the 1st at 04:00 (UTC)'],
    ['0 4 2 * *', 'monthly on the 2nd at 04:00 (UTC)'],
    ['0 4 3 * *', 'monthly on the 3rd at 04:00 (UTC)'],
    ['0 4 11 * *', 'monthly on the 11th at 04:00 (UTC)'],
    ['0 4 22 * *', 'monthly on the 22nd at 04:00 (UTC)'],
    ['  0   2 * * *  ', 'nightly at 02:00 (UTC)'],
  ])('%s → %s', (cron, words) => {
    expect(describeSchedule(cron)).toBe(words);
  });

  it.each(['0 2 * 1 *', '0 2 1 * 1', '30 */6 * * *', '0 1-5 * * *', '0,30 * * * *', '0 3 * * 1-5', '0 2 * *', '61 2 * * *', 'nonsense'])(
    'quotes anything else: %s',
    (cron) => {
      expect(describeSchedule(cron)).toBe(`on the schedule "${cron}"`);
    },
  );
});
