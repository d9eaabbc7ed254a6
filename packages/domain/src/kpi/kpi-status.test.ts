import { describe, expect, it } from 'vitest';
import { kpiStatus, kpiStatusLabel } from './kpi-status.ts';

const survey = { stream: 'survey' as const, instrument: 'nps' as const };
const churn = {
  kind: 'rate' as const,
  direction: 'lower_is_better' as const,
  target: 8,
  threshold: 12,
  minSample: 30,
  source: { stream: 'operational' as const, eventType: 'renewal' },
};
const nps = { kind: 'nps' as const, direction: 'higher_is_better' as const, target: 40, threshold: 20, minSample: 30, source: survey };

describe('KPI status', () => {
  it('is direction-aware: renewal churn at 9.3% against 8% (lower is better) is above target, in words that say so', () => {
    const status = kpiStatus(churn, { value: 9.3, n: 900 });
    expect(status).toBe('short_of_target');
    expect(kpiStatusLabel(status, churn)).toBe('Above target');
    expect(kpiStatusLabel(kpiStatus(churn, { value: 13, n: 900 }), churn)).toBe('Above warning threshold');
    expect(kpiStatus(churn, { value: 7.9, n: 900 })).toBe('on_target');
    expect(kpiStatusLabel(kpiStatus(nps, { value: 30, n: 900 }), nps)).toBe('Below target');
    expect(kpiStatusLabel(kpiStatus(nps, { value: 19, n: 900 }), nps)).toBe('Below warning threshold');
  });

  it('makes no claim below the minimum sample and says how far short it is', () => {
    expect(kpiStatus(nps, { value: 100, n: 1 })).toBe('too_few');
    expect(kpiStatusLabel('too_few', nps, 4)).toBe('Too few answers: n = 4 of 30');
    expect(kpiStatusLabel('too_few', churn, 4)).toBe('Too few events: n = 4 of 30');
    expect(kpiStatus({ ...nps, minSample: 3 }, { value: 100, n: 4 })).toBe('on_target');
    expect(kpiStatus(nps, null)).toBe('no_data');
    expect(kpiStatus(nps, { value: 0, n: 0 })).toBe('too_few');
  });

  it('applies no minimum sample to counts and sums, which are every event, not a sample', () => {
    const cost = { ...churn, kind: 'sum' as const, target: 1000, threshold: null };
    expect(kpiStatus(cost, { value: 900, n: 3 })).toBe('on_target');
  });

  it('reaching a line is not past it', () => {
    expect(kpiStatus(nps, { value: 40, n: 100 })).toBe('on_target');
    expect(kpiStatus(nps, { value: 20, n: 100 })).toBe('short_of_target');
    expect(kpiStatus({ ...nps, target: null }, { value: 25, n: 100 })).toBe('no_target');
  });
});

describe('an untested movement in the KPI’s own unit', () => {
  it('reads as money, a money rate or a plain unit', async () => {
    const { describeUntestedChange } = await import('./kpi-headline.ts');
    expect(describeUntestedChange(-79_983.2, '£')).toBe('down £79,983 (no significance test for this kind)');
    expect(describeUntestedChange(-0.36, '£ per contact')).toBe('down £0.36 per contact (no significance test for this kind)');
    expect(describeUntestedChange(12, 'escalations')).toBe('up 12 escalations (no significance test for this kind)');
    expect(describeUntestedChange(0, 'hours')).toBe('unchanged (no significance test for this kind)');
  });
});
