import { useMutation } from '@tanstack/react-query';
import { ZProposalDecisionInput, type ChangeProposal } from '@throughline/domain';
import { errorMessage } from '../common/error-message.ts';
import { ReasonedDecisionForm } from '../common/reasoned-decision-form.tsx';
import { trpc } from '../trpc.ts';
import { useGovernanceRights } from './governance-rights.ts';
import { deciderName } from './proposal-labels.ts';

/** Called when an action has moved a proposal on: the page announces it and follows it. */
export type OnProposalMoved = (after: ChangeProposal, message: string) => void;

interface ProposalActionsProps {
  proposal: ChangeProposal;
  onMoved: OnProposalMoved;
}

/** What the signed-in person can do next with a proposal, or who is expected to act. */
export function ProposalActions({ proposal, onMoved }: ProposalActionsProps) {
  const rights = useGovernanceRights();
  switch (proposal.state) {
    case 'draft':
      return rights.mayActFor(proposal.teamId) ? (
        <SubmitAction proposal={proposal} onMoved={onMoved} />
      ) : (
        <p className="proposal__waiting">Waiting for {proposal.teamName} to submit it.</p>
      );
    case 'proposed':
      return rights.mayDecide(proposal) ? (
        <DecideForm proposal={proposal} onMoved={onMoved} />
      ) : (
        <p className="proposal__waiting">
          Waiting for {proposal.approver ? deciderName(proposal.approver, proposal.teamName) : 'a decision'}
          {proposal.approver === 'council' ? ': a CX lead decides it.' : '.'}
        </p>
      );
    case 'approved':
      return rights.mayActFor(proposal.teamId) ? (
        <ImplementAction proposal={proposal} onMoved={onMoved} />
      ) : (
        <p className="proposal__waiting">Waiting for {proposal.teamName} to put the new wording into use.</p>
      );
    default:
      return null;
  }
}

function SubmitAction({ proposal, onMoved }: ProposalActionsProps) {
  const submit = useMutation(
    trpc.proposal.submit.mutationOptions({
      onSuccess: (after) =>
        onMoved(
          after,
          `“${after.title}” was submitted: ${after.approver ? deciderName(after.approver, after.teamName) : 'the approver'} decides it next.`,
        ),
    }),
  );
  return (
    <div className="proposal__actions">
      <button
        type="button"
        className="button button--primary"
        onClick={() => submit.mutate({ id: proposal.id, version: proposal.version })}
        disabled={submit.isPending}
        aria-busy={submit.isPending}
      >
        {submit.isPending ? 'Submitting…' : 'Submit for decision'}
        <span className="visually-hidden"> “{proposal.title}”</span>
      </button>
      {submit.isError ? (
        <p role="alert" className="proposal__error">
          {errorMessage(submit.error)}
        </p>
      ) : null}
    </div>
  );
}

function ImplementAction({ proposal, onMoved }: ProposalActionsProps) {
  const implement = useMutation(
    trpc.proposal.implement.mutationOptions({
      onSuccess: (after) => onMoved(after, `“${after.title}” is implemented: “${after.policyName}” now reads as proposed.`),
    }),
  );
  return (
    <div className="proposal__actions">
      <button
        type="button"
        className="button button--primary"
        onClick={() => implement.mutate({ id: proposal.id, version: proposal.version })}
        disabled={implement.isPending}
        aria-busy={implement.isPending}
      >
        {implement.isPending ? 'Marking implemented…' : 'Mark implemented'}
        <span className="visually-hidden"> “{proposal.title}”</span>
      </button>
      <p className="field__hint">Do this once the change is in use: the policy’s wording becomes the proposed wording.</p>
      {implement.isError ? (
        <p role="alert" className="proposal__error">
          {errorMessage(implement.error)}
        </p>
      ) : null}
    </div>
  );
}

const DECISION_SCHEMA = ZProposalDecisionInput.pick({ decision: true, reason: true });

/** Approve or reject, always with a reason: it is what the decision log keeps. */
function DecideForm({ proposal, onMoved }: ProposalActionsProps) {
  const decide = useMutation(
    trpc.proposal.decide.mutationOptions({
      onSuccess: (after) =>
        onMoved(
          after,
          after.state === 'approved'
            ? `“${after.title}” was approved. Mark it implemented once the new wording is in use.`
            : `“${after.title}” was rejected. The decision and its reason are in the decision log.`,
        ),
    }),
  );
  return (
    <ReasonedDecisionForm
      label={`Decide “${proposal.title}”`}
      className="proposal__decide"
      buttonsClassName="proposal__actions"
      words={{ approve: 'Approve', approving: 'Approving…', reject: 'Reject', rejecting: 'Rejecting…' }}
      schema={DECISION_SCHEMA}
      onDecide={(decision, reason) => decide.mutateAsync({ id: proposal.id, version: proposal.version, decision, reason })}
    />
  );
}
