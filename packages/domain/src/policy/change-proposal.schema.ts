import { z } from 'zod';
import { ZId, ZMoney, ZName, ZText, ZVersion } from '../common/common.schema.ts';

export const PROPOSAL_STATES = ['draft', 'proposed', 'approved', 'rejected', 'implemented'] as const;
export const ZProposalState = z.enum(PROPOSAL_STATES);
export type ProposalState = z.infer<typeof ZProposalState>;

/** Who must approve: the proposing team itself, or the CX council. */
export const ZApprover = z.enum(['team', 'council']);
export type Approver = z.infer<typeof ZApprover>;

export const ZProposalInput = z.object({
  policyId: ZId,
  /** The team asking for the change: it approves it itself when it holds the right and the money. */
  teamId: ZId,
  title: ZName,
  /** The policy as it would read after the change. */
  proposedStatement: ZText.min(1, 'is required'),
  rationale: ZText,
  /** One-off cost of making the change, in the organisation's currency. */
  cost: ZMoney,
});
export type ProposalInput = z.infer<typeof ZProposalInput>;

export const ZChangeProposal = ZProposalInput.extend({
  id: ZId,
  policyName: ZName,
  teamName: ZName,
  state: ZProposalState,
  approver: ZApprover.nullable(),
  routingReason: z.string().nullable(),
  decisionReason: z.string().nullable(),
  createdAt: z.string(),
  version: ZVersion,
});
export type ChangeProposal = z.infer<typeof ZChangeProposal>;

export const ZProposalDecisionInput = z.object({
  id: ZId,
  version: ZVersion,
  decision: z.enum(['approve', 'reject']),
  reason: ZText.min(1, 'is required: say why, for the decision log'),
});

export const ZDecision = z.object({
  id: ZId,
  subjectType: z.enum(['policy', 'change_proposal', 'remit', 'initiative']),
  subjectId: ZId,
  summary: z.string(),
  outcome: z.string(),
  reason: z.string(),
  decidedBy: z.string(),
  decidedByBody: ZApprover,
  decidedAt: z.string(),
});
export type Decision = z.infer<typeof ZDecision>;
