import { describe, expect, it } from 'vitest';
import { formatAxisTick, formatKpiInterval, formatKpiValue, formatPeriod, periodCount } from './kpi-format.ts';

describe('formatKpiValue', () => {
  it('signs NPS and keeps one decimal', () => {
    expect(formatKpiValue({ kind: 'nps', unit: 'NPS' }, 35)).toBe('+35.0');
    expect(formatKpiValue({ kind: 'nps', unit: 'NPS' }, -4.25)).toBe('-4.3');
    expect(formatKpiValue({ kind: 'nps', unit: 'NPS' }, 0)).toBe('0.0');
  });

  it('shows shares with a percent sign and CES with two decimals', () => {
    expect(formatKpiValue({ kind: 'csat', unit: '% top-2-box' }, 75)).toBe('75.0%');
    expect(formatKpiValue({ kind: 'rate', unit: '%' }, 8.04)).toBe('8.0%');
    expect(formatKpiValue({ kind: 'ces', unit: 'mean 1–7' }, 5.3125)).toBe('5.31');
    expect(formatKpiValue({ kind: 'ces_agree', unit: '% agree' }, 66.04)).toBe('66.0%');
  });

  it('puts money before the number and other units after it', () => {
    expect(formatKpiValue({ kind: 'ratio', unit: '£ per contact' }, 6.123)).toBe('£6.12 per contact');
    expect(formatKpiValue({ kind: 'sum', unit: '£' }, 1234567.8)).toBe('£1,234,568');
    expect(formatKpiValue({ kind: 'median', unit: 'hours' }, 28.46)).toBe('28.5 hours');
    expect(formatKpiValue({ kind: 'count', unit: 'escalations' }, 112)).toBe('112 escalations');
    expect(formatKpiValue({ kind: 'mean', unit: '' }, 3.14)).toBe('3.1');
  });
});

describe('formatKpiInterval', () => {
  it('names the unit once and is null without an interval', () => {
    expect(formatKpiInterval({ kind: 'nps', unit: 'NPS' }, 23.6, 45.4)).toBe('+23.6 to +45.4');
    expect(formatKpiInterval({ kind: 'median', unit: 'hours' }, 26.1, 31.2)).toBe('26.1 to 31.2 hours');
    expect(formatKpiInterval({ kind: 'sum', unit: '£' }, null, null)).toBeNull();
  });
});

describe('formatPeriod', () => {
  it('labels a period by its grain, weeks as weeks', () => {
    expect(formatPeriod('2026-03-01', 'month')).toBe('Mar 2026');
    expect(formatPeriod('2026-04-01', 'quarter')).toBe('Q2 2026');
    expect(formatPeriod('2026-03-02', 'week')).toBe('week of 2 Mar 2026');
    expect(formatPeriod('2026-03-02', 'day')).toBe('2 Mar 2026');
    expect(formatPeriod('not a date', 'day')).toBe('not a date');
  });

  it('counts periods', () => {
    expect(periodCount(12, 'month')).toBe('12 months');
    expect(periodCount(1, 'week')).toBe('1 week');
  });
});

describe('formatAxisTick', () => {
  it('drops the unit word and trailing zeros', () => {
    expect(formatAxisTick({ kind: 'nps', unit: 'NPS' }, 40)).toBe('+40');
    expect(formatAxisTick({ kind: 'nps', unit: 'NPS' }, 0)).toBe('0');
    expect(formatAxisTick({ kind: 'csat', unit: '%' }, 75)).toBe('75%');
    expect(formatAxisTick({ kind: 'ratio', unit: '£ per contact' }, 6)).toBe('£6');
    expect(formatAxisTick({ kind: 'ratio', unit: '£ per contact' }, 6.5)).toBe('£6.50');
    expect(formatAxisTick({ kind: 'count', unit: 'escalations' }, 100)).toBe('100');
  });
});
