import { useMutation } from '@tanstack/react-query';
import { ZFundingDecisionInput, type Initiative } from '@throughline/domain';
import type { RefObject } from 'react';
import { Link } from 'react-router';
import { formatGbp } from '../common/locale-format.ts';
import { ReasonedDecisionForm } from '../common/reasoned-decision-form.tsx';
import { trpc } from '../trpc.ts';

export interface Funding {
  approver: 'team' | 'council';
  reason: string;
  amount: number;
  authority: number;
}

interface FundingPanelProps {
  initiative: Initiative & { funding: Funding };
  /** Whether the signed-in person may take the decision; the server checks again. */
  mayDecide: boolean;
  onDecided: (after: Initiative, message: string) => void;
  headingRef: RefObject<HTMLHeadingElement | null>;
}

/** Who decides the funding and why, with the figures that route it; the decision itself when it is theirs. */
export function FundingPanel({ initiative: i, mayDecide, onDecided, headingRef }: FundingPanelProps) {
  const { funding } = i;
  const council = funding.approver === 'council';
  return (
    <section className={`next-step next-step--funding route-panel route-panel--${funding.approver}`} aria-labelledby="next-step-heading">
      <h2 ref={headingRef} id="next-step-heading" className="next-step__title" tabIndex={-1}>
        Next: funding decision
      </h2>
      <p className="route-panel__who">{council ? 'The CX council decides this.' : `${i.teamName} decides this itself.`}</p>
      <p>{funding.reason}</p>
      <dl className="route-panel__figures">
        <div>
          <dt>Funding asked for</dt>
          <dd>{formatGbp(funding.amount)}</dd>
          <dd className="route-panel__note">
            one-off {formatGbp(i.figures.oneOff)} + a year of running {formatGbp(i.figures.annualRunning)}
          </dd>
        </div>
        <div>
          <dt>{i.teamName} may approve up to</dt>
          <dd>{formatGbp(funding.authority)}</dd>
          <dd className="route-panel__note">
            {council ? `${formatGbp(funding.amount - funding.authority)} over its authority` : 'within its authority'}
          </dd>
        </div>
      </dl>
      {mayDecide ? (
        <FundingDecisionForm initiative={i} onDecided={onDecided} />
      ) : (
        <p className="next-step__waiting">
          Waiting for {council ? 'the CX council: a CX lead decides it' : `${i.teamName} or the CX council to decide it`}. The decision and
          its reason go into the <Link to="/governance#decisions">decision log</Link>.
        </p>
      )}
    </section>
  );
}

const DECISION_SCHEMA = ZFundingDecisionInput.pick({ decision: true, reason: true });

/** Approve or refuse, always with a reason: the decision log keeps it with the decider's name. */
function FundingDecisionForm({ initiative: i, onDecided }: Omit<FundingPanelProps, 'mayDecide' | 'headingRef'>) {
  const decide = useMutation(
    trpc.initiative.decideFunding.mutationOptions({
      onSuccess: (after, input) =>
        onDecided(
          after,
          input.decision === 'approve'
            ? `“${after.title}” is funded. Its cost is now committed against ${after.teamName}’s budget; start delivery when its plan is ready.`
            : `Funding for “${after.title}” was refused. It stays designed; the decision and its reason are in the decision log.`,
        ),
    }),
  );
  return (
    <ReasonedDecisionForm
      label={`Decide the funding of “${i.title}”`}
      className="funding-decision"
      buttonsClassName="form__buttons"
      words={{ approve: 'Approve funding', approving: 'Approving…', reject: 'Refuse funding', rejecting: 'Refusing…' }}
      schema={DECISION_SCHEMA}
      onDecide={(decision, reason) => decide.mutateAsync({ id: i.id, version: i.version, decision, reason })}
    />
  );
}
