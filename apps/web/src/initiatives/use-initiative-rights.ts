import { useQuery } from '@tanstack/react-query';
import { isCouncil, mayDecide, type Approver, type Team } from '@throughline/domain';
import { useActor, useCan } from '../auth/use-actor.ts';
import { trpc } from '../trpc.ts';

export interface InitiativeRights {
  /** A CX lead or admin: acts for any team and decides any funding. */
  council: boolean;
  /** Whether the role may propose and edit initiatives at all. */
  canEdit: boolean;
  /** May edit and move this team's initiatives. */
  mayEditFor: (teamId: string) => boolean;
  /** May approve or reject funding routed to this approver for this team. */
  mayFund: (approver: Approver, teamId: string) => boolean;
  /** The teams the person may propose initiatives for: every team for the council, else their own. */
  ownTeams: (teams: readonly Team[]) => Team[];
  /** Whether the person's teams are known yet (the member list has loaded). */
  teamsKnown: boolean;
}

/**
 * What the backlog offers the signed-in person. Their teams come from the member list, which
 * every role may read, unless the page has them already (`known`, e.g. from initiative.backlog,
 * undefined while it loads); until they load the page offers what the role allows, and the
 * server, which checks every call, says no with its reason.
 */
export function useInitiativeRights(known?: { teamIds: readonly string[] | null | undefined }): InitiativeRights {
  const actor = useActor();
  const canEdit = useCan('initiative.edit');
  const canFund = useCan('initiative.fund');
  const members = useQuery({ ...trpc.member.list.queryOptions(), enabled: actor !== null && known === undefined });
  const me = actor ? members.data?.find((m) => m.userId === actor.userId) : undefined;
  const myTeamIds = known ? (known.teamIds ?? null) : me ? me.teams.map((t) => t.id) : null;
  const council = actor ? isCouncil(actor.role) : false;

  return {
    council,
    canEdit,
    teamsKnown: council || myTeamIds !== null,
    mayEditFor: (teamId) => canEdit && (council || myTeamIds === null || myTeamIds.includes(teamId)),
    mayFund: (approver, teamId) => {
      if (!actor || !canFund) return false;
      return mayDecide(approver, { role: actor.role, teamIds: myTeamIds ?? [teamId] }, teamId);
    },
    ownTeams: (teams) => (council ? [...teams] : teams.filter((t) => myTeamIds?.includes(t.id))),
  };
}
