import type { KpiDefinition } from '@throughline/domain';
import { describe, expect, it } from 'vitest';
import { ANY, matchesKpiFilter, NO_TEAM, ORGANISATION } from './kpi-filter.ts';

const J = '11111111-1111-4111-8111-111111111111';
const T = '22222222-2222-4222-8222-222222222222';

function kpi(scope: KpiDefinition['scope'], ownerTeamId: string | null): KpiDefinition {
  return { scope, ownerTeamId } as KpiDefinition;
}

describe('matchesKpiFilter', () => {
  const journeyKpi = kpi({ level: 'journey', journeyId: J }, T);
  const stepKpi = kpi({ level: 'step', journeyId: J, stepId: T }, null);
  const orgKpi = kpi({ level: 'organisation' }, T);

  it('keeps everything when nothing is chosen', () => {
    expect([journeyKpi, stepKpi, orgKpi].every((k) => matchesKpiFilter(k, ANY, ANY))).toBe(true);
  });

  it('counts step KPIs under their journey, and organisation KPIs apart', () => {
    expect(matchesKpiFilter(journeyKpi, J, ANY)).toBe(true);
    expect(matchesKpiFilter(stepKpi, J, ANY)).toBe(true);
    expect(matchesKpiFilter(orgKpi, J, ANY)).toBe(false);
    expect(matchesKpiFilter(orgKpi, ORGANISATION, ANY)).toBe(true);
    expect(matchesKpiFilter(journeyKpi, ORGANISATION, ANY)).toBe(false);
  });

  it('filters by owner team, or by having none', () => {
    expect(matchesKpiFilter(journeyKpi, ANY, T)).toBe(true);
    expect(matchesKpiFilter(stepKpi, ANY, T)).toBe(false);
    expect(matchesKpiFilter(stepKpi, J, NO_TEAM)).toBe(true);
  });
});
