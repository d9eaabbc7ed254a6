import type { TokenScope } from '@throughline/domain';

/** What each API-token scope lets an integrator do, matching SCOPE_PERMISSIONS in domain/access. */
const SCOPE_DESCRIPTION: Record<TokenScope, string> = {
  'ingest:write': 'Send survey responses and operational events.',
  'kpi:read': 'Read KPI definitions and values.',
  'kpi:compute': 'Recompute KPIs and refit their value models now, e.g. after loading data.',
  'model:read': 'Read the operating model: teams, journeys, systems and KPIs.',
  'model:write': 'Change journeys and their blueprints.',
};

export function scopeDescription(scope: TokenScope): string {
  return SCOPE_DESCRIPTION[scope];
}
