import { describe, expect, it } from 'vitest';
import { kindDescription } from './kpi-labels.ts';

describe('kindDescription', () => {
  it('says which CSAT answers count as satisfied, on which scale', () => {
    expect(kindDescription({ kind: 'csat', source: { stream: 'survey', instrument: 'csat' } })).toBe('CSAT (4–5 of 1–5)');
    expect(kindDescription({ kind: 'csat', source: { stream: 'survey', instrument: 'csat', scale: { max: 7, positiveFrom: 6 } } })).toBe(
      'CSAT (6–7 of 1–7)',
    );
    expect(kindDescription({ kind: 'csat', source: { stream: 'survey', instrument: 'csat', scale: { max: 7, positiveFrom: 7 } } })).toBe(
      'CSAT (7 of 1–7)',
    );
  });

  it('is the kind alone for every other KPI', () => {
    expect(kindDescription({ kind: 'nps', source: { stream: 'survey', instrument: 'nps' } })).toBe('NPS');
    expect(kindDescription({ kind: 'ces', source: { stream: 'survey', instrument: 'ces' } })).toBe('CES');
  });

  it('says which CES answers count as agreeing', () => {
    expect(kindDescription({ kind: 'ces_agree', source: { stream: 'survey', instrument: 'ces' } })).toBe('CES % agree (5–7 of 1–7)');
  });
});
