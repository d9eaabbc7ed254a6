import { describe, expect, it } from 'vitest';
import { mayDecide, nextProposalState, routeProposal } from './change-routing.ts';

const TEAM = 'team-a';
const facts = { changeTeamIds: [TEAM], proposingTeamId: TEAM, spendingAuthority: 50_000, cost: 10_000 };

describe('routing a policy change', () => {
  it('goes to the team when the policy is in its rights and the cost within its authority', () => {
    expect(routeProposal(facts).approver).toBe('team');
    // The boundary: a cost equal to the authority is within it.
    expect(routeProposal({ ...facts, cost: 50_000 }).approver).toBe('team');
  });

  it('goes to the council when the cost exceeds the team’s authority', () => {
    expect(routeProposal({ ...facts, cost: 50_000.01 })).toEqual({
      approver: 'council',
      reason: 'The cost exceeds the team’s spending authority.',
    });
  });

  it('goes to the council when the policy is outside the team’s decision rights', () => {
    expect(routeProposal({ ...facts, changeTeamIds: ['team-b'] })).toEqual({
      approver: 'council',
      reason: 'The policy is outside the team’s decision rights.',
    });
    expect(routeProposal({ ...facts, changeTeamIds: ['team-b'], cost: 1e6 }).reason).toContain('and the cost exceeds');
  });
});

describe('who may decide', () => {
  it('lets a member of the proposing team decide a team decision, but not a viewer or another team', () => {
    expect(mayDecide('team', { role: 'team_member', teamIds: [TEAM] }, TEAM)).toBe(true);
    expect(mayDecide('team', { role: 'team_member', teamIds: ['other'] }, TEAM)).toBe(false);
    expect(mayDecide('team', { role: 'viewer', teamIds: [TEAM] }, TEAM)).toBe(false);
  });

  it('leaves a council decision to CX leads and admins only', () => {
    expect(mayDecide('council', { role: 'team_member', teamIds: [TEAM] }, TEAM)).toBe(false);
    expect(mayDecide('council', { role: 'cx_lead', teamIds: [] }, TEAM)).toBe(true);
    expect(mayDecide('council', { role: 'admin', teamIds: [] }, TEAM)).toBe(true);
  });
});

describe('the proposal lifecycle', () => {
  it('runs draft → proposed → approved → implemented, or proposed → rejected', () => {
    expect(nextProposalState('draft', 'submit')).toEqual({ ok: true, state: 'proposed' });
    expect(nextProposalState('proposed', 'approve')).toEqual({ ok: true, state: 'approved' });
    expect(nextProposalState('proposed', 'reject')).toEqual({ ok: true, state: 'rejected' });
    expect(nextProposalState('approved', 'implement')).toEqual({ ok: true, state: 'implemented' });
  });

  it('refuses every other move with a reason', () => {
    expect(nextProposalState('draft', 'approve')).toEqual({
      ok: false,
      message: 'A draft proposal cannot be approved; only a proposed one can.',
    });
    expect(nextProposalState('rejected', 'implement').ok).toBe(false);
    expect(nextProposalState('implemented', 'submit')).toEqual({
      ok: false,
      message: 'An implemented proposal cannot be submitted; only a draft one can.',
    });
  });
});
