import type { Initiative } from '@throughline/domain';
import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, matchesView, readView, sortInitiatives, toggleSort, writeView } from './backlog-view.ts';

function initiative(title: string, figures: Partial<Initiative['figures']>, extra: Partial<Initiative> = {}): Initiative {
  return {
    title,
    stage: 'idea',
    journeyId: 'j1',
    teamId: 't1',
    figures: { oneOff: 0, annualRunning: 0, priority: null, annualValue: null, roi: null, paybackMonths: null, ...figures },
    ...extra,
  } as Initiative;
}

describe('the backlog view in the address', () => {
  it('reads what it knows and defaults the rest', () => {
    expect(readView(new URLSearchParams(''))).toEqual(DEFAULT_VIEW);
    const view = readView(new URLSearchParams('view=list&stage=funded&team=t1&sort=payback&bogus=1'));
    expect(view).toMatchObject({ layout: 'list', stage: 'funded', team: 't1', journey: '', sort: 'payback', direction: 'asc' });
    expect(readView(new URLSearchParams('stage=shipped')).stage).toBe('');
  });

  it('writes only what differs from the default', () => {
    expect(writeView(DEFAULT_VIEW)).toEqual({});
    expect(writeView({ ...DEFAULT_VIEW, layout: 'list', sort: 'roi', direction: 'asc', journey: 'j1' })).toEqual({
      view: 'list',
      sort: 'roi',
      dir: 'asc',
      journey: 'j1',
    });
  });

  it('flips the order on the same column and starts a new one at its better end', () => {
    expect(toggleSort(DEFAULT_VIEW, 'priority')).toEqual({ sort: 'priority', direction: 'asc' });
    expect(toggleSort(DEFAULT_VIEW, 'payback')).toEqual({ sort: 'payback', direction: 'asc' });
  });
});

describe('filtering and sorting initiatives', () => {
  const a = initiative('Alpha', { priority: 1.2, paybackMonths: 20, oneOff: 100 });
  const b = initiative('Bravo', { priority: 3.4, paybackMonths: 8, oneOff: 50 }, { stage: 'funded', teamId: 't2' });
  const c = initiative('Charlie', {});

  it('puts initiatives without the figure last in either direction', () => {
    expect(sortInitiatives([a, b, c], 'priority', 'desc').map((i) => i.title)).toEqual(['Bravo', 'Alpha', 'Charlie']);
    expect(sortInitiatives([c, a, b], 'priority', 'asc').map((i) => i.title)).toEqual(['Alpha', 'Bravo', 'Charlie']);
    expect(sortInitiatives([a, b, c], 'payback', 'asc').map((i) => i.title)).toEqual(['Bravo', 'Alpha', 'Charlie']);
    expect(sortInitiatives([a, b, c], 'cost', 'asc').map((i) => i.title)).toEqual(['Charlie', 'Bravo', 'Alpha']);
  });

  it('filters by journey, team and stage together', () => {
    expect([a, b, c].filter((i) => matchesView(i, { journey: '', team: 't2', stage: '' })).map((i) => i.title)).toEqual(['Bravo']);
    expect([a, b, c].filter((i) => matchesView(i, { journey: 'j1', team: '', stage: 'idea' })).map((i) => i.title)).toEqual([
      'Alpha',
      'Charlie',
    ]);
  });
});
