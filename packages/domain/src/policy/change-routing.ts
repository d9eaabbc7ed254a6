import type { Role } from '../organisation/organisation.schema.ts';
import type { Approver, ProposalState } from './change-proposal.schema.ts';

export interface RoutingFacts {
  /** The teams that may change the policy: its owner and every team holding the decision right. */
  changeTeamIds: readonly string[];
  proposingTeamId: string;
  /** The proposing team's spending authority, in the organisation's currency. */
  spendingAuthority: number;
  cost: number;
}

export interface Route {
  approver: Approver;
  /** Why, in one sentence for the person who proposed it. */
  reason: string;
}

/**
 * PRODUCT.md: approval by the team when the policy is in its remit and the cost is within its
 * spending authority; otherwise by the CX council.
 */
export function routeProposal(f: RoutingFacts): Route {
  const mayChange = f.changeTeamIds.includes(f.proposingTeamId);
  const affordable = f.cost <= f.spendingAuthority;
  if (mayChange && affordable)
    return { approver: 'team', reason: 'The policy is in the team’s decision rights and the cost is within its spending authority.' };
  if (!mayChange && !affordable)
    return { approver: 'council', reason: 'The policy is outside the team’s decision rights and the cost exceeds its spending authority.' };
  if (!mayChange) return { approver: 'council', reason: 'The policy is outside the team’s decision rights.' };
  return { approver: 'council', reason: 'The cost exceeds the team’s spending authority.' };
}

/** The council: CX leads, and admins who stand in for them. */
export function isCouncil(role: Role): boolean {
  return role === 'cx_lead' || role === 'admin';
}

/**
 * Who may approve or reject: a council member always (the council can take any decision up);
 * for a team decision, also a member of the proposing team who is not a viewer.
 */
export function mayDecide(approver: Approver, actor: { role: Role; teamIds: readonly string[] }, proposingTeamId: string): boolean {
  if (isCouncil(actor.role)) return true;
  return approver === 'team' && actor.role === 'team_member' && actor.teamIds.includes(proposingTeamId);
}

export type ProposalAction = 'submit' | 'approve' | 'reject' | 'implement';

const TRANSITIONS: Record<ProposalAction, { from: ProposalState; to: ProposalState }> = {
  submit: { from: 'draft', to: 'proposed' },
  approve: { from: 'proposed', to: 'approved' },
  reject: { from: 'proposed', to: 'rejected' },
  implement: { from: 'approved', to: 'implemented' },
};

/** draft → proposed → approved | rejected; approved → implemented. Anything else is refused. */
export function nextProposalState(
  state: ProposalState,
  action: ProposalAction,
): { ok: true; state: ProposalState } | { ok: false; message: string } {
  const t = TRANSITIONS[action];
  if (t.from === state) return { ok: true, state: t.to };
  const article = /^[aeiou]/.test(state) ? 'An' : 'A';
  return {
    ok: false,
    message: `${article} ${state} proposal cannot be ${action === 'submit' ? 'submitted' : `${action}d`}; only a ${t.from} one can.`,
  };
}
