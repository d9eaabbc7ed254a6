import { useQuery } from '@tanstack/react-query';
import type { ChangeProposal, ProposalState, Team } from '@throughline/domain';
import { Link } from 'react-router';
import { EmptyState } from '../common/empty-state.tsx';
import { formatDate, formatGbp } from '../common/locale-format.ts';
import { QueryView } from '../common/query-state.tsx';
import { trpc } from '../trpc.ts';

/** Proposals still in flight: drafted, awaiting a decision, or approved but not yet in force. */
const OPEN_STATES: readonly ProposalState[] = ['draft', 'proposed', 'approved'];

const STATE_LABEL: Partial<Record<ProposalState, string>> = {
  draft: 'Draft',
  proposed: 'Awaiting decision',
  approved: 'Approved, to implement',
};

/** The policies this team may change (as owner or by decision right), and its open change proposals. */
export function TeamGovernanceSection({ team }: { team: Team }) {
  return (
    <div className="team-governance">
      <TeamPolicies team={team} />
      <TeamProposals team={team} />
    </div>
  );
}

function TeamPolicies({ team }: { team: Team }) {
  const policies = useQuery({
    ...trpc.policy.list.queryOptions(),
    select: (list) => list.filter((p) => p.ownerTeamId === team.id || p.decisionRightTeamIds.includes(team.id)),
  });
  return (
    <section aria-labelledby="team-policies-heading" className="section">
      <div className="section__header">
        <h2 id="team-policies-heading" className="section__title">
          Policies it may change
        </h2>
      </div>
      <QueryView
        query={policies}
        label="the team’s policies"
        rows={2}
        errorTitle="The policies could not be loaded"
        isEmpty={(list) => list.length === 0}
        empty={
          <EmptyState title="No policies to change" headingLevel={3}>
            <p>
              {team.name} owns no policy and holds no decision right, so any change to a business rule it asks for goes to the policy’s
              owner or the CX council. Give it decision rights over the policies that govern the steps in its remit.
            </p>
          </EmptyState>
        }
      >
        {(list) => (
          <ul className="team-list panel">
            {list.map((policy) => (
              <li key={policy.id}>
                <Link to={`/governance#policy-${policy.id}`} className="team-list__name">
                  {policy.name}
                </Link>
                <span className="team-list__detail">
                  {policy.ownerTeamId === team.id ? 'Owner' : `Decision right · owned by ${policy.ownerTeamName}`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </section>
  );
}

function TeamProposals({ team }: { team: Team }) {
  const proposals = useQuery({
    ...trpc.proposal.list.queryOptions({ teamId: team.id }),
    select: (list) => list.filter((p) => OPEN_STATES.includes(p.state)),
  });
  return (
    <section aria-labelledby="team-proposals-heading" className="section">
      <div className="section__header">
        <h2 id="team-proposals-heading" className="section__title">
          Open proposals
        </h2>
        <Link to="/governance" className="section__link">
          Governance
        </Link>
      </div>
      <QueryView
        query={proposals}
        label="the team’s proposals"
        rows={2}
        errorTitle="The proposals could not be loaded"
        isEmpty={(list) => list.length === 0}
        empty={
          <EmptyState title="No open proposals" headingLevel={3}>
            <p>
              When {team.name} wants a policy changed, it drafts a change proposal. Changes inside its decision rights and its{' '}
              {formatGbp(team.spendingAuthority)} spending authority are approved by the team itself; the rest go to the CX council.
            </p>
          </EmptyState>
        }
      >
        {(list) => (
          <ul className="team-list panel">
            {list.map((proposal) => (
              <ProposalItem key={proposal.id} proposal={proposal} />
            ))}
          </ul>
        )}
      </QueryView>
    </section>
  );
}

function ProposalItem({ proposal }: { proposal: ChangeProposal }) {
  const approver = proposal.approver === 'team' ? 'the team decides' : proposal.approver === 'council' ? 'the CX council decides' : null;
  return (
    <li>
      <span className="team-list__name">{proposal.title}</span>
      <span className={`proposal-state proposal-state--${proposal.state}`}>{STATE_LABEL[proposal.state] ?? proposal.state}</span>
      <span className="team-list__detail">
        {proposal.policyName} · {formatGbp(proposal.cost)}
        {approver ? ` · ${approver}` : ''} · {formatDate(proposal.createdAt)}
      </span>
    </li>
  );
}
