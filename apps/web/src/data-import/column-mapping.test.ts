import { describe, expect, it } from 'vitest';
import { assignField, missingRequired, namesJourneyOrStep, proposeMapping, unmappedColumns } from './column-mapping.ts';

describe('proposeMapping', () => {
  it('maps a typical NPS export by name and takes the instrument from the score header', () => {
    const headers = ['Response ID', 'submitted_at', 'NPS Score', 'customer_id', 'Journey', 'channel', 'segment', 'comment'];
    const { fields } = proposeMapping('survey', headers);
    expect(fields).toEqual({
      externalId: { column: 0 },
      instrument: { fixed: 'nps' },
      score: { column: 2 },
      scale: null,
      occurredAt: { column: 1 },
      customerId: { column: 3 },
      journeyId: { column: 4 },
      stepId: null,
      channel: { column: 5 },
      segment: { column: 6 },
      verbatim: { column: 7 },
    });
  });

  it('prefers exact names, never gives one column to two fields, and leaves unknown fields unmapped', () => {
    const headers = ['id', 'customer_id', 'date', 'instrument', 'score'];
    const { fields } = proposeMapping('survey', headers);
    expect(fields.externalId).toEqual({ column: 0 });
    expect(fields.customerId).toEqual({ column: 1 });
    expect(fields.instrument).toEqual({ column: 3 });
    expect(fields.journeyId).toBeNull();
  });

  it('does not read "ces" out of words that merely contain it', () => {
    expect(proposeMapping('survey', ['id', 'sources', 'rating', 'date']).fields.instrument).toBeNull();
  });

  it('offers the unmapped columns of operational events as attributes', () => {
    const mapping = proposeMapping('operational', ['event_id', 'event_type', 'occurred_at', 'amount', 'region', 'agent']);
    expect(mapping.fields).toMatchObject({
      externalId: { column: 0 },
      type: { column: 1 },
      occurredAt: { column: 2 },
      value: { column: 3 },
    });
    expect(mapping.attributeColumns).toEqual([4, 5]);
  });
});

describe('mapping edits', () => {
  it('lists required fields still without a source', () => {
    const mapping = proposeMapping('survey', ['id', 'score']);
    expect(missingRequired('survey', mapping)).toEqual(['Instrument', 'Occurred at']);
  });

  it('takes a column out of the attributes when a field claims it', () => {
    const mapping = proposeMapping('operational', ['id', 'type', 'date', 'region']);
    const next = assignField(mapping, 'customerId', { column: 3 });
    expect(next.attributeColumns).toEqual([]);
    expect(unmappedColumns(next, 4)).toEqual([]);
    expect(unmappedColumns(assignField(next, 'customerId', null), 4)).toEqual([3]);
  });
});

describe('namesJourneyOrStep', () => {
  it('is false when no column feeds the journey or the step, so no journey KPI would count the rows', () => {
    const mapping = proposeMapping('survey', ['response_id', 'date', 'nps_score', 'comment']);
    expect(namesJourneyOrStep(mapping)).toBe(false);
    expect(namesJourneyOrStep(assignField(mapping, 'journeyId', { column: 3 }))).toBe(true);
    expect(namesJourneyOrStep(assignField(mapping, 'stepId', { column: 3 }))).toBe(true);
    expect(namesJourneyOrStep(proposeMapping('operational', ['event_id', 'event_type', 'occurred_at', 'journey']))).toBe(true);
  });
});
