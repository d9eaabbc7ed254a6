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

  it('takes CSAT on 1–7 when the answer says so, and nothing outside its scale', () => {
    expect(ZSurveyResponse.parse({ ...base, instrument: 'csat', score: 7, scale: 7 }).scale).toBe(7);
    const unstated = ZSurveyResponse.safeParse({ ...base, instrument: 'csat', score: 6 });
    expect(unstated.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['score', 'csat scores run 1–5']]);
    const odd = ZSurveyResponse.safeParse({ ...base, instrument: 'csat', score: 3, scale: 6 });
    expect(odd.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['scale', 'csat is answered on a scale up to 5 or 7']]);
    expect(ZSurveyResponse.safeParse({ ...base, instrument: 'nps', score: 5, scale: 7 }).success).toBe(false);
  });
});
