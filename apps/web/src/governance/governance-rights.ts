import { useQuery } from '@tanstack/react-query';
import { isCouncil, mayDecide, type ChangeProposal } from '@throughline/domain';
import { useActor, useCan } from '../auth/use-actor.ts';
import { trpc } from '../trpc.ts';

export interface GovernanceRights {
  /** Whether the role may draft proposals at all. */
  canPropose: boolean;
  /** A CX lead or admin: acts for any team and decides anything. */
  council: boolean;
  /** The signed-in person's teams, or null while they are unknown (the server then decides). */
  myTeamIds: readonly string[] | null;
  /** May draft, submit or implement on behalf of this team. */
  mayActFor: (teamId: string) => boolean;
  /** May approve or reject this proposal. */
  mayDecide: (proposal: Pick<ChangeProposal, 'approver' | 'teamId'>) => boolean;
}

/**
 * What the page offers the signed-in person. Their teams come from the member list, which every
 * role may read; until it loads, or if it fails, the page offers the action and shows the
 * server's refusal instead, since the server checks every call anyway.
 */
export function useGovernanceRights(): GovernanceRights {
  const actor = useActor();
  const canPropose = useCan('proposal.create');
  const canDecide = useCan('proposal.decide');
  const members = useQuery({ ...trpc.member.list.queryOptions(), enabled: actor !== null });
  const me = actor ? members.data?.find((m) => m.userId === actor.userId) : undefined;
  const myTeamIds = me ? me.teams.map((t) => t.id) : null;
  const council = actor ? isCouncil(actor.role) : false;

  return {
    canPropose,
    council,
    myTeamIds,
    mayActFor: (teamId) => canPropose && (council || myTeamIds === null || myTeamIds.includes(teamId)),
    mayDecide: (p) => {
      if (!actor || !canDecide) return false;
      if (!p.approver) return false;
      // Unknown teams: offer it to team members and let the server say no with its reason.
      return mayDecide(p.approver, { role: actor.role, teamIds: myTeamIds ?? [p.teamId] }, p.teamId);
    },
  };
}
