import { describe, expect, it } from 'vitest';
import type { KpiValue } from '../metrics/kpi-value.schema.ts';
import { kpiBreaches } from './kpi-breach.ts';
import type { KpiGoal } from './kpi-status.ts';

const value = (v: number, over: Partial<KpiValue> = {}): KpiValue => ({
  value: v,
  n: 200,
  ciLow: v - 5,
  ciHigh: v + 5,
  method: 'nps-adjusted-wald',
  smallSample: false,
  ...over,
});
const goal = (over: Pick<KpiGoal, 'direction' | 'target' | 'threshold'> & Partial<KpiGoal>): KpiGoal => ({
  kind: 'nps',
  minSample: 30,
  ...over,
});
const complete = { complete: true };

describe('KPI breaches', () => {
  it('compares the whole interval against threshold and target in the KPI’s direction', () => {
    const nps = goal({ direction: 'higher_is_better', target: 40, threshold: 20 });
    expect(kpiBreaches(nps, value(45), complete)).toEqual([]);
    expect(kpiBreaches(nps, value(30), complete)).toEqual(['target']);
    expect(kpiBreaches(nps, value(10), complete)).toEqual(['threshold', 'target']);
    const hours = goal({ kind: 'mean', direction: 'lower_is_better', target: 48, threshold: 72 });
    expect(kpiBreaches(hours, value(40), complete)).toEqual([]);
    expect(kpiBreaches(hours, value(60), complete)).toEqual(['target']);
    expect(kpiBreaches(hours, value(80), complete)).toEqual(['threshold', 'target']);
  });

  it('raises nothing while the interval still reaches the line', () => {
    const nps = goal({ direction: 'higher_is_better', target: 40, threshold: 20 });
    // The case: a two-day-old month whose interval spans −57.7 to +7.7, and one that spans the threshold.
    expect(kpiBreaches(nps, value(-25, { n: 30, ciLow: -57.7, ciHigh: 7.7 }), complete)).toEqual(['threshold', 'target']);
    expect(kpiBreaches(nps, value(15, { ciLow: 8, ciHigh: 22 }), complete)).toEqual(['target']);
    expect(kpiBreaches(nps, value(38, { ciLow: 30, ciHigh: 46 }), complete)).toEqual([]);
  });

  it('raises nothing below the minimum sample, however far off the value is', () => {
    const nps = goal({ direction: 'higher_is_better', target: 40, threshold: 20 });
    expect(kpiBreaches(nps, value(-100, { n: 8, ciLow: -100, ciHigh: -60 }), complete)).toEqual([]);
    expect(kpiBreaches({ ...nps, minSample: 5 }, value(-100, { n: 8, ciLow: -100, ciHigh: -60 }), complete)).toEqual([
      'threshold',
      'target',
    ]);
    expect(kpiBreaches(goal({ direction: 'higher_is_better', target: null, threshold: null }), value(-50), complete)).toEqual([]);
  });

  it('speaks of a period to date only with an interval and the minimum sample reached', () => {
    const nps = goal({ direction: 'higher_is_better', target: 40, threshold: 20 });
    expect(kpiBreaches(nps, value(10), { complete: false })).toEqual(['threshold', 'target']);
    expect(kpiBreaches(nps, value(10, { n: 12 }), { complete: false })).toEqual([]);
    const claims = goal({ kind: 'count', direction: 'higher_is_better', target: 400, threshold: 300 });
    const soFar = value(40, { ciLow: null, ciHigh: null, method: 'count' });
    expect(kpiBreaches(claims, soFar, { complete: false })).toEqual([]);
    expect(kpiBreaches(claims, soFar, complete)).toEqual(['threshold', 'target']);
  });
});
