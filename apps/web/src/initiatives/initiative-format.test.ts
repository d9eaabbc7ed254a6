import { describe, expect, it } from 'vitest';
import { formatPayback, formatPriority, formatRoi, valueSourceText } from './initiative-format.ts';

describe('investment figures as people read them', () => {
  it('shows ROI as a signed percentage', () => {
    expect(formatRoi(1.25)).toBe('+125%');
    expect(formatRoi(-0.4)).toBe('-40%');
    expect(formatRoi(null)).toBe('Not yet known');
  });

  it('says why there is no payback', () => {
    expect(formatPayback(14.24, 100_000)).toBe('14.2 months');
    expect(formatPayback(null, 100_000)).toMatch(/^Never/);
    expect(formatPayback(null, null)).toBe('Not yet known');
  });

  it('shows the priority to two decimals', () => {
    expect(formatPriority(2.4)).toBe('2.40');
    expect(formatPriority(null)).toBe('None yet');
  });

  it('names where the value per point comes from', () => {
    expect(valueSourceText({ valuePerPointSource: 'kpi_entered' }, 'Claims NPS')).toBe('The value per point entered on “Claims NPS”.');
    expect(valueSourceText({ valuePerPointSource: 'none' }, null)).toMatch(/Choose the KPI/);
  });
});
