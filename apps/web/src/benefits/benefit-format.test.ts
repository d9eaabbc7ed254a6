import type { BenefitsPortfolio, BenefitTotal } from '@throughline/domain';
import { describe, expect, it } from 'vitest';
import {
  benefitBars,
  benefitChartSummary,
  formatRealised,
  formatRealisedInterval,
  formatUplift,
  formatUpliftInterval,
  groupingOf,
  realisedShare,
  totalsBy,
} from './benefit-format.ts';

const total = (over: Partial<BenefitTotal>): BenefitTotal => ({
  key: 'claim',
  label: 'Report a home-insurance claim',
  delivered: 2,
  measured: 1,
  expectedAnnualValue: 168_000,
  realisedAnnualValue: 88_200,
  realisedLow: 21_000,
  realisedHigh: 155_400,
  awaitingMeasurement: 126_000,
  ...over,
});

describe('benefits realised, in words and bars', () => {
  it('writes a realised value with its interval, and an uplift with its sign', () => {
    expect(formatRealised(88_200, 21_000, 155_400)).toBe('£88,200 (95% CI £21,000 to £155,400)');
    expect(formatRealised(-4_000, null, null)).toBe('-£4,000');
    expect(formatRealisedInterval(-62_400, 111_520)).toBe('95% CI -£62,400 to £111,520');
    expect(formatRealisedInterval(null, 1)).toBeNull();
    expect(formatUplift(-0.44)).toBe('-0.4 points');
    expect(formatUpliftInterval(0.5, 3.7)).toBe('95% CI +0.5 to +3.7');
  });

  it('says how much of what the cases promised was realised, when they promised anything', () => {
    expect(realisedShare(total({}))).toBe('53% of what their cases expected');
    expect(realisedShare(total({ expectedAnnualValue: 0 }))).toBeNull();
  });

  it('draws only groups with something measured, the whisker as distances either side of the value', () => {
    const bars = benefitBars([total({}), total({ key: 'buy', label: 'Buy', measured: 0, realisedAnnualValue: 0 })]);
    expect(bars).toEqual([
      { key: 'claim', label: 'Report a home-insurance claim', expected: 168_000, realised: 88_200, whisker: [67_200, 67_200], measured: 1 },
    ]);
    expect(benefitChartSummary([total({})])).toBe(
      'Expected against realised annual value of measured initiatives. Report a home-insurance claim: expected £168,000, realised £88,200 (95% CI £21,000 to £155,400).',
    );
  });

  it('picks the grouping from the address, by journey unless it names another', () => {
    const portfolio = { byJourney: [total({})], byTeam: [total({ key: 't' })], byYear: [total({ key: '2026' })] } as BenefitsPortfolio;
    expect(groupingOf('team')).toBe('team');
    expect(groupingOf('nonsense')).toBe('journey');
    expect(groupingOf(null)).toBe('journey');
    expect(totalsBy(portfolio, 'year')[0]!.key).toBe('2026');
  });
});
