import { describe, expect, it } from 'vitest';
import { ZSurveyResponse } from './event.schema.ts';

const base = {
  source: 'qualtrics',
  externalId: 'r-1',
  customerId: 'C1',
  journeyId: null,
  stepId: null,
  channel: 'web',
  segment: null,
  verbatim: null,
  occurredAt: '2026-11-01T10:00:00Z',
};

describe('ZSurveyResponse', () => {
  it('accepts a score on the instrument scale and coerces the timestamp', () => {
    const parsed = ZSurveyResponse.parse({ ...base, instrument: 'nps', score: 10 });
    expect(parsed.occurredAt).toEqual(new Date('2026-11-01T10:00:00Z'));
  });
  it.each([
    ['nps', 11],
    ['csat', 0],
    ['ces', 8],
  ] as const)('rejects a %s score of %d with the field path', (instrument, score) => {
    const result = ZSurveyResponse.safeParse({ ...base, instrument, score });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['score']);
  });
});
