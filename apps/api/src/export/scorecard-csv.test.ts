import { describe, expect, it } from 'vitest';
import { neutraliseFormula } from './scorecard-csv.ts';

describe('a CSV text cell', () => {
  it('that a spreadsheet would run as a formula gets a leading apostrophe', () => {
    for (const cell of ['=1+1', '+1', '-1+cmd|/c calc!A0', '@SUM(A1)', '\t=1', '\r=1']) expect(neutraliseFormula(cell)).toBe(`'${cell}`);
  });

  it('is otherwise written as it is', () => {
    for (const cell of ['', 'Report a claim', '2026-10-01', 'a=b', ' =1', "'quoted", '−3.2 points (a minus sign, not a hyphen)'])
      expect(neutraliseFormula(cell)).toBe(cell);
  });
});
