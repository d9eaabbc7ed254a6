import { describe, expect, it } from 'vitest';
import type { KpiValue } from '../metrics/kpi-value.schema.ts';
import { kpiBreaches } from './kpi-breach.ts';

const value = (v: number, over: Partial<KpiValue> = {}): KpiValue => ({ value: v, n: 200, ciLow: null, ciHigh: null, method: 'nps-adjusted-wald', smallSample: false, ...over });

describe('KPI breaches', () => {
  it('compares against threshold and target in the KPI’s direction', () => {
    const nps = { direction: 'higher_is_better' as const, target: 40, threshold: 20 };
    expect(kpiBreaches(nps, value(45))).toEqual([]);
    expect(kpiBreaches(nps, value(30))).toEqual(['target']);
    expect(kpiBreaches(nps, value(10))).toEqual(['threshold', 'target']);
    const hours = { direction: 'lower_is_better' as const, target: 48, threshold: 72 };
    expect(kpiBreaches(hours, value(40))).toEqual([]);
    expect(kpiBreaches(hours, value(60))).toEqual(['target']);
    expect(kpiBreaches(hours, value(80))).toEqual(['threshold', 'target']);
  });

  it('raises nothing on a small sample or without lines', () => {
    expect(kpiBreaches({ direction: 'higher_is_better', target: 40, threshold: 20 }, value(0, { smallSample: true, n: 8 }))).toEqual([]);
    expect(kpiBreaches({ direction: 'higher_is_better', target: null, threshold: null }, value(-50))).toEqual([]);
  });
});
