import { describe, expect, it } from 'vitest';
import { costSentence, formatUnitCost, frequencyText, gapText } from './failure-point-format.ts';

describe('failure point wording', () => {
  it('keeps the pence of a unit cost', () => {
    expect(formatUnitCost(6.5)).toBe('£6.50');
    expect(formatUnitCost(412.25)).toBe('£412.25');
    expect(formatUnitCost(2500)).toBe('£2,500');
  });

  it('says how often, in what each occurrence is', () => {
    expect(frequencyText({ frequency: 1200, frequencyPeriod: 'month', costBasis: 'contact' })).toBe('1,200 contacts a month');
    expect(frequencyText({ frequency: 1, frequencyPeriod: 'week', costBasis: 'churn' })).toBe('1 lost customer a week');
  });

  it('shows how the annual cost comes about', () => {
    expect(costSentence({ frequency: 1200, frequencyPeriod: 'month', costBasis: 'contact', unitCost: 6.5, annualCost: 93_600 })).toBe(
      '1,200 contacts a month × £6.50 each = £93,600 a year',
    );
  });

  it('words the gap between expectation and capability', () => {
    expect(gapText({ expectation: 5, capability: 2, gap: 3 })).toBe('5 vs 2, gap 3');
    expect(gapText({ expectation: 3, capability: 3, gap: 0 })).toBe('3 vs 3, no gap');
    expect(gapText({ expectation: 2, capability: 4, gap: -2 })).toBe('2 vs 4, exceeds by 2');
  });
});
