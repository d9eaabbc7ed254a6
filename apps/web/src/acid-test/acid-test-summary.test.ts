import { describe, expect, it } from 'vitest';
import { acidTestSummary } from './acid-test-summary.ts';

describe('acid test summary', () => {
  it('counts the initiatives that did not move their KPI as plainly as those that did', () => {
    expect(acidTestSummary(['improved', 'no_measurable_movement'])).toBe(
      '2 implemented initiatives: 1 moved its KPI significantly, 1 did not.',
    );
    expect(acidTestSummary(['no_measurable_movement', 'no_measurable_movement'])).toBe(
      '2 implemented initiatives: 2 did not measurably move their KPIs.',
    );
  });

  it('names a worsening, thin data and untestable KPIs', () => {
    expect(acidTestSummary(['improved', 'improved', 'worsened', 'insufficient_data', 'not_testable'])).toBe(
      '5 implemented initiatives: 2 moved their KPIs significantly, 1 moved its KPI significantly the wrong way, 1 has too little data to judge yet, 1 cannot be tested for significance.',
    );
    expect(acidTestSummary(['insufficient_data'])).toBe('1 implemented initiative: 1 has too little data to judge yet.');
  });

  it('says when there is nothing to test', () => {
    expect(acidTestSummary([])).toBe('No initiative has been implemented yet.');
  });
});
