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
  it('draws the running period apart from the complete ones, joined by a stub', () => {
    const rows = seriesRows([point('2026-10-01', 30, true), point('2026-11-01', 32, true), point('2026-12-01', -5, false)]);
    expect(rows.map((r) => [r.label, r.value, r.partial])).toEqual([
      ['2026-10-01', 30, null],
      ['2026-11-01', 32, null],
      ['2026-12-01 (to date)', null, -5],
    ]);
  });

  it('leaves the stub out when every period is complete', () => {
    expect(seriesRows([point('2026-10-01', 30, true), point('2026-11-01', 32, true)]).map((r) => r.partial)).toEqual([null, null]);
  });
});
