import { useQuery } from '@tanstack/react-query';
import { roleReach, type KpiDefinition } from '@throughline/domain';
import { useActor } from '../auth/use-actor.ts';
import { trpc } from '../trpc.ts';

export interface KpiEditScope {
  /** Whether the signed-in person may edit this KPI. */
  canEdit: (kpi: KpiDefinition) => boolean;
  /** The teams they may make a KPI's owner; null means any team. */
  ownerTeamIds: ReadonlySet<string> | null;
}

/**
 * Who may edit which KPI, mirroring the server's rule: the council edits any KPI; a team
 * member only those their own teams own, and only hands them to their own teams. The server
 * checks again; this only spares people buttons that would fail.
 */
export function useKpiEditScope(): KpiEditScope {
  const actor = useActor();
  const reach = actor ? roleReach(actor.role, 'kpi.edit') : null;
  const members = useQuery({ ...trpc.member.list.queryOptions(), enabled: reach === 'remit' });
  if (reach === 'organisation') return { canEdit: () => true, ownerTeamIds: null };
  if (reach === null) return { canEdit: () => false, ownerTeamIds: new Set() };
  const mine = new Set(members.data?.find((m) => m.userId === actor?.userId)?.teams.map((t) => t.id) ?? []);
  return { canEdit: (kpi) => kpi.ownerTeamId !== null && mine.has(kpi.ownerTeamId), ownerTeamIds: mine };
}
