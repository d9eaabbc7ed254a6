import { describe, expect, it, vi } from 'vitest';
import { editDistance, nearestKnownType } from './event-type.ts';
import {
  operationalEventSchema,
  operationalIngestInputSchema,
  surveyIngestInputSchema,
  surveyResponseSchema,
  ZOperationalEvent,
  ZOperationalIngestInput,
  ZSurveyIngestInput,
  ZSurveyResponse,
} from './event.schema.ts';

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

describe('a row dated in the future', () => {
  const NOW = new Date('2026-12-02T10:00:00Z');
  const clock = () => NOW;
  const event = {
    source: 'crm',
    externalId: 'e-1',
    type: 'contact',
    value: null,
    customerId: null,
    journeyId: null,
    stepId: null,
    attributes: {},
  };

  it('is taken up to 5 minutes after the clock, for clocks that drift', () => {
    expect(
      surveyResponseSchema(clock).safeParse({ ...base, instrument: 'nps', score: 9, occurredAt: '2026-12-02T10:05:00Z' }).success,
    ).toBe(true);
    expect(operationalEventSchema(clock).safeParse({ ...event, occurredAt: '2026-12-02T10:04:59Z' }).success).toBe(true);
  });

  it('is refused by field beyond that, for survey responses and operational events', () => {
    const late = surveyResponseSchema(clock).safeParse({ ...base, instrument: 'nps', score: 9, occurredAt: '2026-12-02T10:05:01Z' });
    expect(late.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      [
        'occurredAt',
        "is in the future: 2026-12-02T10:05:01.000Z is more than 5 minutes after the server's clock (2026-12-02T10:00:00.000Z)",
      ],
    ]);
    const events = operationalIngestInputSchema(clock).safeParse({
      events: [
        { ...event, occurredAt: '2026-12-01T00:00:00Z' },
        { ...event, externalId: 'e-2', occurredAt: '2027-01-01' },
      ],
    });
    expect(events.error?.issues.map((i) => i.path.join('.'))).toEqual(['events.1.occurredAt']);
    const responses = surveyIngestInputSchema(clock).safeParse({
      responses: [{ ...base, instrument: 'nps', score: 9, occurredAt: '2026-12-03T00:00:00Z' }],
    });
    expect(responses.error?.issues.map((i) => i.path.join('.'))).toEqual(['responses.0.occurredAt']);
  });

  it('is judged by the clock at validation time, not when the schema was made', () => {
    vi.useFakeTimers();
    try {
      vi.setSystemTime(new Date('2026-12-02T10:00:00Z'));
      const row = { ...base, instrument: 'nps', score: 9, occurredAt: '2026-12-02T12:00:00Z' };
      expect(ZSurveyResponse.safeParse(row).success).toBe(false);
      expect(ZSurveyIngestInput.safeParse({ responses: [row] }).success).toBe(false);
      vi.setSystemTime(new Date('2026-12-02T12:00:00Z'));
      expect(ZSurveyResponse.safeParse(row).success).toBe(true);
      expect(ZOperationalEvent.safeParse({ ...event, occurredAt: '2026-12-02T12:04:00Z' }).success).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('an operational event type', () => {
  const event = {
    source: 'crm',
    externalId: 'e-1',
    value: null,
    customerId: null,
    journeyId: null,
    stepId: null,
    attributes: {},
    occurredAt: '2026-11-01T00:00:00Z',
  };
  const typeIssues = (type: string) =>
    ZOperationalEvent.safeParse({ ...event, type }).error?.issues.map((i) => [i.path.join('.'), i.message]) ?? [];

  it('of a known type in another case is stored in lower case', () => {
    expect(ZOperationalEvent.parse({ ...event, type: 'Churn' }).type).toBe('churn');
    expect(ZOperationalEvent.parse({ ...event, type: ' REVENUE ' }).type).toBe('revenue');
  });

  it.each([
    ['chrun', 'churn'],
    ['Chrun', 'churn'],
    ['churned', 'churn'],
    ['renewl', 'renewal'],
    ['revenu', 'revenue'],
    ['costs', 'cost'],
    ['escalaton', 'escalation'],
    ['contacts', 'contact'],
  ])('that is a near miss of a known one (%s) is refused with the likely one', (type, meant) => {
    expect(typeIssues(type)).toEqual([['type', `is “${type}”, which is not a type Throughline reads: did you mean '${meant}'?`]]);
    const batch = ZOperationalIngestInput.safeParse({
      events: [
        { ...event, type: 'churn' },
        { ...event, type },
      ],
    });
    expect(batch.error?.issues.map((i) => i.path.join('.'))).toEqual(['events.1.type']);
  });

  it('of its own is taken when it is a lower-case name, and refused otherwise', () => {
    for (const type of ['claim_reported', 'renewal_due', 'case', 'first-contact', 'web.visit', 'sla_breach_2'])
      expect(typeIssues(type), type).toEqual([]);
    expect(typeIssues('ClaimReported')).toEqual([
      ['type', 'must be a lower-case name such as claim_reported (letters and digits, words joined by _ . or -), not “ClaimReported”'],
    ]);
    expect(typeIssues('claim reported')[0]?.[0]).toBe('type');
  });

  it('counts a swap of two neighbouring letters as one edit', () => {
    expect(editDistance('chrun', 'churn')).toBe(1);
    expect(editDistance('case', 'cost')).toBe(2);
    expect(editDistance('', 'sale')).toBe(4);
    expect(nearestKnownType('case')).toBeNull();
  });
});

describe('what the database cannot store', () => {
  const event = {
    source: 'crm',
    externalId: 'e-1',
    type: 'contact',
    value: 1,
    customerId: null,
    journeyId: null,
    stepId: null,
    attributes: {},
    occurredAt: '2026-11-01T10:00:00Z',
  };

  it('is refused in a 5,000-row batch by row and field: a NUL or half a surrogate pair in any text', () => {
    const responses: Record<string, unknown>[] = Array.from({ length: 5_000 }, (_, i) => ({
      ...base,
      externalId: `r-${i}`,
      instrument: 'nps',
      score: i % 11,
    }));
    responses[1234] = { ...responses[1234]!, verbatim: 'a\u0000b' };
    responses[4321] = { ...responses[4321]!, segment: 'home\uD800' };
    responses[4999] = { ...responses[4999]!, source: '\u0000', channel: '\u0000' };
    const issues = ZSurveyIngestInput.safeParse({ responses }).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual([
      ['responses.1234.verbatim', 'must not contain a NUL character (\\u0000)'],
      ['responses.4321.segment', 'must not contain an unpaired UTF-16 surrogate (half of a character)'],
      ['responses.4999.source', 'must not contain a NUL character (\\u0000)'],
      ['responses.4999.channel', 'must not contain a NUL character (\\u0000)'],
    ]);
  });

  it('is refused in an event’s type, ids and attributes, keys and values alike', () => {
    const paths = (over: object) =>
      ZOperationalIngestInput.safeParse({ events: [event, { ...event, ...over }] }).error?.issues.map((i) => i.path.join('.'));
    expect(paths({ type: 'contact\u0000' })).toEqual(['events.1.type']);
    expect(paths({ externalId: 'e\u0000' })).toEqual(['events.1.externalId']);
    expect(paths({ customerId: '\uDC00' })).toEqual(['events.1.customerId']);
    expect(paths({ attributes: { queue: 'claims\u0000' } })).toEqual(['events.1.attributes.queue']);
    expect(paths({ attributes: { 'queue\u0000': 'claims' } })).toEqual(['events.1.attributes.queue\u0000']);
  });

  it('is refused for a date before 1900 or beyond a JavaScript date’s reach, and a value beyond ±1e12', () => {
    const paths = (over: object) =>
      ZOperationalIngestInput.safeParse({ events: [{ ...event, ...over }] }).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(paths({ occurredAt: '-271821-04-20T00:00:00Z' })).toEqual([
      ['events.0.occurredAt', 'must be between 1900-01-01 and 2999-12-31'],
    ]);
    expect(paths({ occurredAt: '+275760-09-13T00:00:00Z' })).toEqual([
      ['events.0.occurredAt', 'must be between 1900-01-01 and 2999-12-31'],
    ]);
    expect(paths({ occurredAt: '0000-01-01T00:00:00Z' })).toEqual([['events.0.occurredAt', 'must be between 1900-01-01 and 2999-12-31']]);
    expect(paths({ value: 1e308 })?.[0]?.[0]).toBe('events.0.value');
    expect(paths({ attributes: { amount: -1e308 } })?.[0]?.[0]).toBe('events.0.attributes.amount');
  });
});
