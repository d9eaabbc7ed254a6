import { routeProposal, type Policy, type Route, type Team } from '@throughline/domain';

/**
 * Where a draft would go if submitted now, by the same rule the server applies on submit, so
 * the proposer knows before they press the button. The server's routing stays authoritative.
 */
export function previewRoute(
  policy: Pick<Policy, 'ownerTeamId' | 'decisionRightTeamIds'>,
  team: Pick<Team, 'id' | 'spendingAuthority'>,
  cost: number,
): Route {
  return routeProposal({
    changeTeamIds: [policy.ownerTeamId, ...policy.decisionRightTeamIds],
    proposingTeamId: team.id,
    spendingAuthority: team.spendingAuthority,
    cost,
  });
}
