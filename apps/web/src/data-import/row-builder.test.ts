import { describe, expect, it } from 'vitest';
import { proposeMapping } from './column-mapping.ts';
import { indexJourneys } from './journey-index.ts';
import { buildRow, type ImportPlan } from './row-builder.ts';

const CLAIMS = '0b6c3f7e-8d2a-4c1b-9e5f-1a2b3c4d5e6f';
const journeys = indexJourneys([
  { id: CLAIMS, name: 'Report a claim' },
  { id: '1b6c3f7e-8d2a-4c1b-9e5f-1a2b3c4d5e6f', name: 'Renew' },
  { id: '2b6c3f7e-8d2a-4c1b-9e5f-1a2b3c4d5e6f', name: 'renew ' },
]);

function plan(kind: ImportPlan['kind'], header: string[]): ImportPlan {
  return { kind, source: 'qualtrics-export', header, mapping: proposeMapping(kind, header), journeys };
}

const SURVEY = plan('survey', ['response_id', 'date', 'nps_score', 'journey', 'comment']);

describe('buildRow for survey responses', () => {
  it('converts a good row into what the API takes', () => {
    const built = buildRow(SURVEY, ['r-1', '2026-03-14 09:30', '9', 'report a CLAIM', ' Quick and kind ']);
    expect(built.issues).toEqual([]);
    expect(built.row).toMatchObject({
      source: 'qualtrics-export',
      externalId: 'r-1',
      instrument: 'nps',
      score: 9,
      journeyId: CLAIMS,
      verbatim: 'Quick and kind',
    });
    expect(built.values.occurredAt).toBe('2026-03-14T09:30:00.000Z');
    expect(built.row?.customerId).toBeNull();
  });

  it('names every faulty field, in words that follow its label', () => {
    const built = buildRow(SURVEY, ['', '14/03/2026', '11', 'Renew', 'x']);
    expect(built.row).toBeNull();
    expect(built.issues).toEqual([
      { field: 'externalId', message: 'is empty' },
      { field: 'occurredAt', message: 'is not a date such as 2026-03-14 or 2026-03-14T09:30:00Z (“14/03/2026”)' },
      { field: 'journeyId', message: '“Renew” names 2 journeys; use the journey’s id instead' },
      { field: 'score', message: 'is outside the nps scale of 0–10 (11)' },
    ]);
  });

  it('flags a row whose value count differs from the header', () => {
    const built = buildRow(SURVEY, ['r-2', '2026-03-14', '7', '', 'a', 'b']);
    expect(built.issues).toEqual([{ field: 'row', message: 'has 6 values where the header has 5; check for a stray comma or quote' }]);
  });

  it('refuses a journey id of another organisation and a non-number score', () => {
    const built = buildRow(SURVEY, ['r-3', '2026-02-30', 'nine', 'ffffffff-8d2a-4c1b-9e5f-1a2b3c4d5e6f', '']);
    expect(built.issues.map((i) => i.field)).toEqual(['score', 'occurredAt', 'journeyId']);
  });
});

describe('buildRow for CSAT asked on 1–7', () => {
  const CSAT7 = plan('survey', ['id', 'date', 'instrument', 'score', 'scale']);

  it('maps a scale column and sends it, so a 6 is read on 1–7', () => {
    expect(CSAT7.mapping.fields.scale).toEqual({ column: 4 });
    const built = buildRow(CSAT7, ['c-1', '2026-03-14', 'CSAT', '6', '7']);
    expect(built.issues).toEqual([]);
    expect(built.row).toMatchObject({ instrument: 'csat', score: 6, scale: 7 });
  });

  it('checks the score against the stated scale, and a scale the instrument is never asked on', () => {
    expect(buildRow(CSAT7, ['c-2', '2026-03-14', 'csat', '6', '']).issues).toEqual([
      { field: 'score', message: 'is outside the csat scale of 1–5 (6)' },
    ]);
    expect(buildRow(CSAT7, ['c-3', '2026-03-14', 'csat', '8', '7']).issues).toEqual([
      { field: 'score', message: 'is outside the csat scale of 1–7 (8)' },
    ]);
    expect(buildRow(CSAT7, ['c-4', '2026-03-14', 'csat', '6', '10']).issues).toEqual([
      { field: 'scale', message: 'csat is answered on a scale up to 5 or 7' },
    ]);
  });

  it('takes one scale for every row when the file has no column for it', () => {
    const fixed: ImportPlan = {
      ...CSAT7,
      header: ['id', 'date', 'instrument', 'score'],
      mapping: { ...proposeMapping('survey', ['id', 'date', 'instrument', 'score']) },
    };
    fixed.mapping.fields.scale = { fixed: '7' };
    expect(buildRow(fixed, ['c-5', '2026-03-14', 'csat', '7']).row).toMatchObject({ score: 7, scale: 7 });
  });
});

describe('buildRow for operational events', () => {
  it('sends unmapped columns as typed attributes, leaving empty ones out', () => {
    const ops = plan('operational', ['event_id', 'event_type', 'occurred_at', 'amount', 'region', 'postcode', 'vip', 'note']);
    const built = buildRow(ops, ['e-1', 'contact', '2026-03-14T10:00:00+01:00', '12.5', 'North', '01234', 'TRUE', '']);
    expect(built.issues).toEqual([]);
    expect(built.row).toMatchObject({ type: 'contact', value: 12.5, attributes: { region: 'North', postcode: '01234', vip: true } });
    expect(built.values.occurredAt).toBe('2026-03-14T09:00:00.000Z');
  });

  it('explains a value in a local number format', () => {
    const ops = plan('operational', ['event_id', 'event_type', 'occurred_at', 'amount']);
    expect(buildRow(ops, ['e-2', 'cost', '2026-03-14', '1,5']).issues[0]?.field).toBe('value');
  });
});

describe('buildRow against the rules the API applies', () => {
  it('flags a line dated more than 5 minutes ahead of now, as the API would refuse it', () => {
    const ahead = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const built = buildRow(SURVEY, ['r-9', ahead, '9', '', '']);
    expect(built.row).toBeNull();
    expect(built.issues).toEqual([
      {
        field: 'occurredAt',
        message: expect.stringMatching(/^is in the future: .* is more than 5 minutes after the server's clock/) as unknown,
      },
    ]);
  });

  it('flags a type one slip away from one the value model reads, and takes a known type in capitals', () => {
    const ops = plan('operational', ['event_id', 'event_type', 'occurred_at']);
    expect(buildRow(ops, ['e-3', 'chrun', '2026-03-14']).issues).toEqual([
      { field: 'type', message: "is “chrun”, which is not a type Throughline reads: did you mean 'churn'?" },
    ]);
    expect(buildRow(ops, ['e-4', 'Churn', '2026-03-14']).row).toMatchObject({ type: 'churn' });
  });
});
