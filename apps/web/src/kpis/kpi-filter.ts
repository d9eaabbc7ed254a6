import type { KpiDefinition } from '@throughline/domain';

/** '' for any; 'organisation' for KPIs measured across the whole organisation; else a journey id. */
export type JourneyFilter = string;
/** '' for any; 'none' for KPIs without an owner team; else a team id. */
export type TeamFilter = string;

export const ANY = '';
export const ORGANISATION = 'organisation';
export const NO_TEAM = 'none';

/** Whether a KPI belongs in the dashboard under the chosen journey and owner team. */
export function matchesKpiFilter(kpi: KpiDefinition, journey: JourneyFilter, team: TeamFilter): boolean {
  const journeyOk =
    journey === ANY ||
    (journey === ORGANISATION ? kpi.scope.level === 'organisation' : kpi.scope.level !== 'organisation' && kpi.scope.journeyId === journey);
  const teamOk = team === ANY || (team === NO_TEAM ? kpi.ownerTeamId === null : kpi.ownerTeamId === team);
  return journeyOk && teamOk;
}
