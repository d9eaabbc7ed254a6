import type { KpiResults } from '@throughline/domain';
import { describe, expect, it } from 'vitest';
import { changeWords } from './kpi-change-words.ts';

const change = (difference: number, description: string): NonNullable<KpiResults['change']> => ({
  from: '2026-10-01',
  to: '2026-11-01',
  fromLabel: 'Oct 2026',
  toLabel: 'Nov 2026',
  difference,
  ciLow: null,
  ciHigh: null,
  pValue: null,
  significant: false,
  tested: false,
  method: null,
  description,
});

describe('changeWords', () => {
  it('keeps a tested sentence, with its test beside the p-value, as the API wrote it', () => {
    const text = 'up 3.4 points, not significant (p = 0.662, adjusted-Wald difference), n = 252 → 180';
    expect(changeWords({ kind: 'nps', unit: 'NPS' }, { ...change(3.4, text), tested: true, pValue: 0.662, method: 'adjusted-Wald difference' })).toBe(text);
  });

  it('puts an untested movement in the KPI’s own format', () => {
    expect(changeWords({ kind: 'ratio', unit: '£ per contact' }, change(-0.36, 'down 0 £ per contact (no significance test for this kind)'))).toBe(
      'down £0.36 per contact (no significance test for this kind)',
    );
    expect(changeWords({ kind: 'count', unit: 'escalations' }, change(0, 'unchanged (no significance test for this kind)'))).toBe('unchanged (no significance test for this kind)');
  });
});
