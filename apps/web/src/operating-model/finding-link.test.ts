import { describe, expect, it } from 'vitest';
import { findingHref, findingLinkLabel } from './finding-link.ts';

const ID = '00000000-0000-4000-8000-000000000001';

describe('where a finding is fixed', () => {
  it('links each area to its page, with an anchor for rows in a list', () => {
    expect(findingHref({ area: 'journey', id: ID })).toBe(`/journeys/${ID}`);
    expect(findingHref({ area: 'team', id: ID })).toBe(`/teams/${ID}`);
    expect(findingHref({ area: 'system', id: ID })).toBe(`/ownership#system-${ID}`);
    expect(findingHref({ area: 'kpi', id: ID })).toBe(`/kpis#kpi-${ID}`);
    expect(findingHref({ area: 'policy', id: ID })).toBe(`/governance#policy-${ID}`);
  });

  it('says where the link goes', () => {
    expect(findingLinkLabel({ area: 'kpi', id: ID })).toBe('Fix in the KPI list');
  });
});
