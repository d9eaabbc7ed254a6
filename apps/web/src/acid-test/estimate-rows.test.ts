import { describe, expect, it } from 'vitest';
import { staged } from './acid-test.fixture.ts';
import { decidingEffectText, estimateRows } from './estimate-rows.ts';

const nps = { kind: 'nps' as const, unit: 'NPS' };

describe('the three estimates of a change’s effect', () => {
  it('lists the designs strongest first, with the one that decides marked, and says why one could not run', () => {
    const rows = estimateRows(staged, nps);
    expect(rows.map((r) => [r.label, r.decides])).toEqual([
      ['Difference in differences', true],
      ['Interrupted time series', false],
      ['Before vs after', false],
    ]);
    expect(rows[0]!.estimate).toEqual({ effect: '+4.1 points', interval: '+1.0 to +7.2', p: 'p = 0.010' });
    expect(rows[1]!.estimate).toBeNull();
    expect(rows[1]!.explanation).toBe('Fewer than 12 weeks of the KPI before the change: too little to learn its trend.');
    expect(rows[2]!.estimate).toEqual({ effect: '+8.0 points', interval: '+2.4 to +13.6', p: 'p = 0.004' });
    expect(rows[2]!.explanation).toMatch(/kept for reference/);
  });

  it('gives the naive sentence when before vs after could not be computed', () => {
    const thin = {
      ...staged,
      difference: null,
      differenceLow: null,
      differenceHigh: null,
      pValue: null,
      sentence: 'Too little data to judge (n = 4 before, 2 after).',
    };
    expect(estimateRows(thin, nps)[2]).toMatchObject({ estimate: null, explanation: 'Too little data to judge (n = 4 before, 2 after).' });
  });

  it('writes the deciding estimate for the overview, or why there is none', () => {
    expect(decidingEffectText(staged, nps)).toBe('+4.1 points (95% CI +1.0 to +7.2)');
    expect(decidingEffectText({ ...staged, effect: null, movement: 'insufficient_data' }, nps)).toBe('Not estimated: too little data');
  });
});
