import type { Approver, ProposalState } from '@throughline/domain';

/** The states as people say them: "proposed" means it is waiting for someone to decide. */
const STATE_LABEL: Record<ProposalState, string> = {
  proposed: 'Awaiting decision',
  approved: 'Approved',
  draft: 'Draft',
  implemented: 'Implemented',
  rejected: 'Rejected',
};

/** What needs someone first: decisions, then approved changes to put live, then drafts. */
export const STATE_ORDER: readonly ProposalState[] = ['proposed', 'approved', 'draft', 'implemented', 'rejected'];

/** A group's heading in the list, saying what happens next. */
const GROUP_TITLE: Record<ProposalState, string> = {
  proposed: 'Awaiting decision',
  approved: 'Approved, to be implemented',
  draft: 'Drafts, not yet submitted',
  implemented: 'Implemented',
  rejected: 'Rejected',
};

export function stateLabel(state: ProposalState): string {
  return STATE_LABEL[state];
}

export function groupTitle(state: ProposalState): string {
  return GROUP_TITLE[state];
}

/** Who takes the decision, in a sentence: "the CX council" or the team's own name. */
export function deciderName(approver: Approver, teamName: string): string {
  return approver === 'council' ? 'the CX council' : teamName;
}

/** Funding decisions on initiatives, beside the proposal states. */
const FUNDING_OUTCOME: Record<string, { label: string; tone: ProposalState }> = {
  funded: { label: 'Funded', tone: 'approved' },
  'funding refused': { label: 'Funding refused', tone: 'rejected' },
};

/** What an outcome in the decision log means. */
export function outcomeLabel(outcome: string): string {
  if (outcome in STATE_LABEL) return STATE_LABEL[outcome as ProposalState];
  return FUNDING_OUTCOME[outcome]?.label ?? outcome;
}

/** The state an outcome looks like (its tag's colour; the words say it too). */
export function outcomeTone(outcome: string): string {
  return FUNDING_OUTCOME[outcome]?.tone ?? outcome;
}
