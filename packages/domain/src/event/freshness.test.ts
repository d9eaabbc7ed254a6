import { describe, expect, it } from 'vitest';
import { staleSources } from './freshness.ts';

describe('staleSources', () => {
  const now = new Date('2026-11-25T03:00:00Z');
  it('lists sources silent for longer than the limit, stalest first, with their age', () => {
    const result = staleSources(
      [
        { source: 'crm', latestAt: new Date('2026-11-24T03:00:00Z') },
        { source: 'survey', latestAt: new Date('2026-11-20T03:00:00Z') },
        { source: 'billing', latestAt: new Date('2026-11-22T00:00:00Z') },
      ],
      now,
      48,
    );
    expect(result.map((s) => [s.source, s.ageHours])).toEqual([
      ['survey', 120],
      ['billing', 75],
    ]);
  });
  it('does not call a source stale at exactly the limit', () => {
    expect(staleSources([{ source: 'crm', latestAt: new Date('2026-11-23T03:00:00Z') }], now, 48)).toEqual([]);
  });
});
