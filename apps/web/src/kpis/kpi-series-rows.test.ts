import type { KpiResults } from '@throughline/domain';
import { describe, expect, it } from 'vitest';
import { seriesRows } from './kpi-series-rows.ts';

const point = (periodStart: string, value: number, complete: boolean): KpiResults['series'][number] => ({
  periodStart,
  segment: '',
  value,
  n: 100,
  ciLow: null,
  ciHigh: null,
  method: 'nps-adjusted-wald',
  smallSample: false,
  complete,
  label: periodStart,
});

describe('seriesRows', () => {
  it('draws the running period apart from the complete ones, with its interval', () => {
    const rows = seriesRows([
      point('2026-10-01', 30, true),
      point('2026-11-01', 32, true),
      { ...point('2026-12-01', -5, false), ciLow: -40, ciHigh: 20 },
    ]);
    expect(rows.map((r) => [r.label, r.value, r.partial, r.partialError])).toEqual([
      ['2026-10-01', 30, null, null],
      ['2026-11-01', 32, null, null],
      ['2026-12-01', null, -5, [35, 25]],
    ]);
  });

  it('has no running point when every period is complete', () => {
    expect(seriesRows([point('2026-10-01', 30, true), point('2026-11-01', 32, true)]).map((r) => r.partial)).toEqual([null, null]);
  });
});
