import { describe, expect, it } from 'vitest';
import {
  addPeriods,
  dayIn,
  isComplete,
  isTimeZone,
  lastCompletePeriodStart,
  periodLabel,
  periodStartOf,
  selectedWindow,
  selectionOf,
  windowLabel,
  ZPeriodParams,
} from './period.ts';

describe('periods', () => {
  it('finds the period holding a day for every grain (ISO weeks start on Monday)', () => {
    expect(periodStartOf('2026-12-02', 'day')).toBe('2026-12-02');
    expect(periodStartOf('2026-12-02', 'week')).toBe('2026-11-30');
    expect(periodStartOf('2026-11-29', 'week')).toBe('2026-11-23');
    expect(periodStartOf('2026-12-02', 'month')).toBe('2026-12-01');
    expect(periodStartOf('2026-12-02', 'quarter')).toBe('2026-10-01');
    expect(addPeriods('2026-10-01', 'quarter', -1)).toBe('2026-07-01');
    expect(addPeriods('2026-01-01', 'month', -1)).toBe('2025-12-01');
  });

  it('leads on 2 December with November, the last complete month, and the partial December beside it', () => {
    expect(lastCompletePeriodStart('month', '2026-12-02')).toBe('2026-11-01');
    expect(lastCompletePeriodStart('week', '2026-12-02')).toBe('2026-11-23');
    expect(lastCompletePeriodStart('day', '2026-12-02')).toBe('2026-12-01');
    expect(isComplete({ from: '2026-11-01', to: '2026-12-01' }, '2026-12-02')).toBe(true);
    expect(isComplete({ from: '2026-12-01', to: '2027-01-01' }, '2026-12-02')).toBe(false);
    // A month ends at midnight on its last day: on 1 December November is complete.
    expect(isComplete({ from: '2026-11-01', to: '2026-12-01' }, '2026-12-01')).toBe(true);
  });

  it('reads the date in the organisation’s time zone', () => {
    const lateOn30Nov = new Date('2026-11-30T23:30:00Z');
    expect(dayIn('UTC', lateOn30Nov)).toBe('2026-11-30');
    expect(dayIn('Europe/Berlin', lateOn30Nov)).toBe('2026-12-01');
    expect(dayIn('America/New_York', new Date('2026-12-01T03:00:00Z'))).toBe('2026-11-30');
    // Asked again and again (every read asks for today): the day turns on the zone's midnight,
    // to the millisecond, also in a zone 45 minutes off the hour, and with the clock going back.
    expect(dayIn('Asia/Kathmandu', new Date('2026-12-01T18:14:59.999Z'))).toBe('2026-12-01');
    expect(dayIn('Asia/Kathmandu', new Date('2026-12-01T18:15:00.000Z'))).toBe('2026-12-02');
    expect(dayIn('Asia/Kathmandu', new Date('2026-12-01T18:14:59.999Z'))).toBe('2026-12-01');
    expect(dayIn('UTC', new Date('2026-12-01T23:59:59.999Z'))).toBe('2026-12-01');
    expect(dayIn('UTC', new Date('2026-12-02T00:00:00.000Z'))).toBe('2026-12-02');
    expect(isTimeZone('Europe/London')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone("UTC'; DROP TABLE kpi; --")).toBe(false);
  });

  it('labels weeks as weeks, months, quarters and ranges in words', () => {
    expect(periodLabel('2026-11-23', 'week')).toBe('week of 23 Nov 2026');
    expect(periodLabel('2026-11-01', 'month')).toBe('Nov 2026');
    expect(periodLabel('2026-10-01', 'quarter')).toBe('Q4 2026');
    expect(windowLabel({ from: '2026-09-01', to: '2026-12-01' }, 'month')).toBe('1 Sep – 30 Nov 2026');
    expect(windowLabel({ from: '2025-12-01', to: '2026-02-01' }, 'month')).toBe('1 Dec 2025 – 31 Jan 2026');
  });

  it('turns a selection into the window it means and the one before it', () => {
    expect(selectedWindow({ kind: 'last_complete' }, 'month', '2026-12-02')).toEqual({
      from: '2026-11-01',
      to: '2026-12-01',
      label: 'Nov 2026',
      complete: true,
      previous: { from: '2026-10-01', to: '2026-11-01' },
    });
    expect(selectedWindow({ kind: 'period', start: '2026-12-02' }, 'month', '2026-12-02')).toMatchObject({
      from: '2026-12-01',
      complete: false,
      label: 'Dec 2026',
    });
    expect(selectedWindow({ kind: 'range', from: '2026-09-01', to: '2026-11-30' }, 'month', '2026-12-02')).toEqual({
      from: '2026-09-01',
      to: '2026-12-01',
      label: '1 Sep – 30 Nov 2026',
      complete: true,
      previous: { from: '2026-06-02', to: '2026-09-01' },
    });
  });

  it('reads the flat parameters an API or a URL carries, refusing half a range', () => {
    expect(selectionOf(ZPeriodParams.parse({}))).toEqual({ kind: 'last_complete' });
    expect(selectionOf(ZPeriodParams.parse({ period: '2026-10-01' }))).toEqual({ kind: 'period', start: '2026-10-01' });
    expect(ZPeriodParams.safeParse({ from: '2026-10-01' }).error?.issues[0]?.path).toEqual(['to']);
    expect(ZPeriodParams.safeParse({ from: '2026-10-02', to: '2026-10-01' }).error?.issues[0]?.path).toEqual(['to']);
  });
});
