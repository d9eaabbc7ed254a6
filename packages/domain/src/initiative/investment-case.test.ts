import { describe, expect, it } from 'vitest';
import { ZInvestmentCase } from './initiative.schema.ts';
import { hasNoTechnologyScope, investmentFigures, pickValuePerPoint } from './investment-case.ts';

const base = ZInvestmentCase.parse({
  oneOffBusiness: 40_000,
  oneOffTechnology: 80_000,
  runningBusiness: 5_000,
  runningTechnology: 15_000,
  itEffortDays: 60,
  kpiId: null,
  expectedUplift: 4,
  upliftConfidence: 'medium',
});

describe('investment case', () => {
  it('computes annual value, ROI, payback and priority by hand-checked numbers', () => {
    const f = investmentFigures(base, { value: 25_000, source: 'kpi_entered' });
    // one-off 120,000; running 20,000 a year; value 4 × 25,000 = 100,000 a year
    expect(f.oneOff).toBe(120_000);
    expect(f.annualRunning).toBe(20_000);
    expect(f.annualValue).toBe(100_000);
    // 3-year cost 120,000 + 60,000 = 180,000; 3-year value 300,000; ROI = 120,000 / 180,000 = 0.6667
    expect(f.roi).toBe(0.6667);
    // net 80,000 a year = 6,666.67 a month; 120,000 / 6,666.67 = 18.0 months
    expect(f.paybackMonths).toBe(18);
    // 0.6 × 300,000 / 180,000 = 1.00
    expect(f.priority).toBe(1);
    expect(f.priorityExplanation).toContain('0.6 (medium confidence) × £300,000 value over 3 years ÷ £180,000 cost over 3 years = 1');
    expect(f.noTechnologyScope).toBe(false);
  });

  it('weights priority by confidence', () => {
    // high: 0.9 × 300,000 / 180,000 = 1.5; low: 0.3 × 300,000 / 180,000 = 0.5
    expect(investmentFigures({ ...base, upliftConfidence: 'high' }, { value: 25_000, source: 'override' }).priority).toBe(1.5);
    expect(investmentFigures({ ...base, upliftConfidence: 'low' }, { value: 25_000, source: 'override' }).priority).toBe(0.5);
  });

  it('has no payback when running costs eat the value, and no figures without a value per point', () => {
    const f = investmentFigures({ ...base, expectedUplift: 0.5 }, { value: 25_000, source: 'override' });
    // value 12,500 a year < running 20,000: it never pays back; ROI = (37,500 − 180,000) / 180,000 = −0.7917
    expect(f.paybackMonths).toBeNull();
    expect(f.roi).toBe(-0.7917);
    const none = investmentFigures(base, { value: null, source: 'none' });
    expect(none.annualValue).toBeNull();
    expect(none.priority).toBeNull();
    expect(none.priorityExplanation).toMatch(/needs an expected uplift/);
  });

  it('counts costs to the penny, so a fraction of a penny is no cost rather than an infinite ROI', () => {
    // Found by the finiteness property: a running cost of the smallest double made the
    // horizon cost positive and ROI −Infinity. The column stores it as 0.00.
    const tiny = { ...base, oneOffBusiness: 0, oneOffTechnology: 0, runningBusiness: 0, runningTechnology: 5e-324, expectedUplift: -5e-15 };
    const f = investmentFigures(tiny, { value: 999_999_999_999.989, source: 'override' });
    expect(f.annualRunning).toBe(0);
    expect(f.roi).toBeNull();
    expect(f.priority).toBeNull();
    expect(f.priorityExplanation).toMatch(/needs a cost/);
    // Pence add up exactly as stored: 0.1 + 0.2 is 0.30, not 0.30000000000000004.
    const pence = investmentFigures({ ...base, oneOffBusiness: 0.1, oneOffTechnology: 0.2 }, { value: 25_000, source: 'override' });
    expect(pence.oneOff).toBe(0.3);
  });

  it('flags a case with no technology scope', () => {
    expect(hasNoTechnologyScope({ oneOffTechnology: 0, runningTechnology: 0, itEffortDays: 0, systemIds: [] })).toBe(true);
    expect(hasNoTechnologyScope({ oneOffTechnology: 0, runningTechnology: 0, itEffortDays: 2, systemIds: [] })).toBe(false);
  });

  it('prices with the override, else the entered link, else the value model', () => {
    expect(pickValuePerPoint(10, { entered: 20, modelled: 30 })).toEqual({ value: 10, source: 'override' });
    expect(pickValuePerPoint(null, { entered: 20, modelled: 30 })).toEqual({ value: 20, source: 'kpi_entered' });
    expect(pickValuePerPoint(null, { entered: null, modelled: 30 })).toEqual({ value: 30, source: 'value_model' });
    expect(pickValuePerPoint(null, null)).toEqual({ value: null, source: 'none' });
  });
});
