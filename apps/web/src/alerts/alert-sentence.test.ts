import { describe, expect, it } from 'vitest';
import { alertSentence } from './alert-sentence.ts';

const alert = {
  kind: 'threshold',
  value: -25,
  line: 20,
  n: 120,
  ciLow: -40.1,
  ciHigh: -9.9,
  periodLabel: 'Nov 2026',
  periodStart: '2026-11-01',
} as const;

describe('alertSentence', () => {
  it('states the interval that triggered the alert, in the KPI’s format and direction', () => {
    expect(alertSentence(alert, { kind: 'nps', unit: 'NPS', direction: 'higher_is_better', grain: 'month' })).toBe(
      '-25.0 (95% CI -40.1 to -9.9) is below the warning threshold +20.0, Nov 2026, n = 120',
    );
    expect(
      alertSentence(
        {
          ...alert,
          kind: 'target',
          value: 9.3,
          line: 8,
          ciLow: 8.4,
          ciHigh: 10.2,
          periodLabel: 'week of 23 Nov 2026',
          periodStart: '2026-11-23',
        },
        { kind: 'rate', unit: '%', direction: 'lower_is_better', grain: 'week' },
      ),
    ).toBe('9.3% (95% CI 8.4% to 10.2%) is above the target 8.0%, week of 23 Nov 2026, n = 120');
  });

  it('says "to date" for a period still running', () => {
    expect(
      alertSentence(
        { ...alert, periodLabel: 'Dec 2026', periodStart: '2026-12-01' },
        { kind: 'nps', unit: 'NPS', direction: 'higher_is_better', grain: 'month' },
        '2026-12-02',
      ),
    ).toMatch(/, Dec 2026 \(to date\), n = 120$/);
    expect(alertSentence(alert, { kind: 'nps', unit: 'NPS', direction: 'higher_is_better', grain: 'month' }, '2026-12-02')).toMatch(
      /, Nov 2026, n = 120$/,
    );
  });

  it('leaves the interval out for kinds without one', () => {
    expect(
      alertSentence(
        { ...alert, ciLow: null, ciHigh: null, value: 140, line: 100 },
        { kind: 'count', unit: 'escalations', direction: 'lower_is_better', grain: 'month' },
      ),
    ).toBe('140 escalations is above the warning threshold 100 escalations, Nov 2026, n = 120');
  });
});
