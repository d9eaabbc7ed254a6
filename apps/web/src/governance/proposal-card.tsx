import type { ChangeProposal, Policy, Team } from '@throughline/domain';
import { Link } from 'react-router';
import { formatDate, formatGbp } from '../common/locale-format.ts';
import { ProposalActions, type OnProposalMoved } from './proposal-actions.tsx';
import { stateLabel } from './proposal-labels.ts';
import { previewRoute } from './routing-preview.ts';
import { WordingDiffView } from './wording-diff-view.tsx';

interface ProposalCardProps {
  proposal: ChangeProposal;
  /** The policy it changes, for its current wording; missing while policies load. */
  policy: Policy | undefined;
  /** The proposing team, for its spending authority. */
  team: Team | undefined;
  onMoved: OnProposalMoved;
}

/** One change proposal: what it changes, what it costs, who decides and why, and what comes next. */
export function ProposalCard({ proposal: p, policy, team, onMoved }: ProposalCardProps) {
  const titleId = `proposal-${p.id}-title`;
  return (
    <article
      id={`proposal-${p.id}`}
      className={`proposal proposal--${p.state}`}
      data-proposal-id={p.id}
      data-state={p.state}
      aria-labelledby={titleId}
    >
      <header className="proposal__header">
        {/* Focusable so focus can follow the proposal after an action moves it. */}
        <h4 id={titleId} className="proposal__title" tabIndex={-1}>
          {p.title}
        </h4>
        <span className={`status-pill state-tag state-tag--${p.state}`}>{stateLabel(p.state)}</span>
      </header>
      <dl className="proposal__facts">
        <div>
          <dt>Policy</dt>
          <dd>
            <Link to={{ hash: `policy-${p.policyId}` }}>{p.policyName}</Link>
          </dd>
        </div>
        <div>
          <dt>Proposed by</dt>
          <dd>{p.teamName}</dd>
        </div>
        <div>
          <dt>One-off cost</dt>
          <dd className="proposal__cost">{formatGbp(p.cost)}</dd>
        </div>
        <div>
          <dt>Raised</dt>
          <dd>{formatDate(p.createdAt)}</dd>
        </div>
      </dl>
      <RoutingNote proposal={p} policy={policy} team={team} />
      {p.rationale ? (
        <p className="proposal__rationale">
          <span className="proposal__label">Why: </span>
          {p.rationale}
        </p>
      ) : null}
      {p.state === 'implemented' ? (
        <div className="proposal__in-force">
          <h5 className="wording-diff__title">The policy now reads</h5>
          <p className="wording-diff__text">{p.proposedStatement}</p>
        </div>
      ) : policy && p.state === 'rejected' ? (
        // Settled and not in force: the wording stays at hand without lengthening the list.
        <details className="proposal__details">
          <summary>Show the wording it proposed</summary>
          <WordingDiffView current={policy.statement} proposed={p.proposedStatement} headingLevel={5} />
        </details>
      ) : policy ? (
        <WordingDiffView current={policy.statement} proposed={p.proposedStatement} headingLevel={5} />
      ) : (
        <p className="wording-diff__text">{p.proposedStatement}</p>
      )}
      {p.decisionReason ? (
        <p className="proposal__decision">
          <span className="proposal__label">{p.state === 'rejected' ? 'Rejected because: ' : 'Approved because: '}</span>
          {p.decisionReason}
        </p>
      ) : null}
      <ProposalActions proposal={p} onMoved={onMoved} />
    </article>
  );
}

/** Who decides, in plain words, with the figure that decided it; for a draft, where it would go. */
function RoutingNote({ proposal: p, policy, team }: Omit<ProposalCardProps, 'onMoved'>) {
  const authority = team ? ` ${p.teamName} may approve up to ${formatGbp(team.spendingAuthority)} itself.` : '';
  if (p.approver && p.routingReason) {
    const decided = p.state === 'proposed' ? 'decides this' : 'decided this';
    return (
      <p className={`route route--${p.approver}`}>
        <span className="route__who">{p.approver === 'council' ? `The CX council ${decided}.` : `${p.teamName} ${decided} itself.`}</span>{' '}
        {p.routingReason}
        {p.approver === 'council' ? authority : null}
      </p>
    );
  }
  if (p.state !== 'draft' || !policy || !team) return null;
  const route = previewRoute(policy, team, p.cost);
  return (
    <p className="route route--preview">
      <span className="route__who">
        {route.approver === 'council' ? 'Once submitted, the CX council decides.' : `Once submitted, ${p.teamName} decides itself.`}
      </span>{' '}
      {route.reason}
      {route.approver === 'council' ? authority : null}
    </p>
  );
}
