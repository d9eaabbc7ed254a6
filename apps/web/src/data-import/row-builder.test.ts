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
    expect(built.row).toMatchObject({ source: 'qualtrics-export', externalId: 'r-1', instrument: 'nps', score: 9, journeyId: CLAIMS, verbatim: 'Quick and kind' });
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
