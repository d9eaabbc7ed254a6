import { useQuery } from '@tanstack/react-query';
import type { ChangeProposal } from '@throughline/domain';
import { useState } from 'react';
import { PageHeader } from '../app/page-header.tsx';
import { whoCan } from '../auth/who-can.ts';
import { EmptyState } from '../common/empty-state.tsx';
import { plural } from '../common/locale-format.ts';
import { QueryView } from '../common/query-state.tsx';
import { trpc } from '../trpc.ts';
import { DecisionLog } from './decision-log.tsx';
import { focusProposal } from './focus-proposal.ts';
import { useGovernanceRights } from './governance-rights.ts';
import { PolicyList } from './policy-list.tsx';
import { ProposalList, type ProposalFilter } from './proposal-list.tsx';
import { ProposeSection } from './propose-section.tsx';
import type { ProposeRequest } from './propose-change-form.tsx';
import './governance.css';
import './proposal.css';

/** Policies, change proposals routed to teams or the CX council, and the decision log. */
export function GovernancePage() {
  const rights = useGovernanceRights();
  const policies = useQuery(trpc.policy.list.queryOptions());
  const teams = useQuery(trpc.team.list.queryOptions());
  const proposals = useQuery(trpc.proposal.list.queryOptions({}));
  const decisions = useQuery(trpc.proposal.decisions.queryOptions({ limit: 200 }));
  const [filter, setFilter] = useState<ProposalFilter>('all');
  const [notice, setNotice] = useState('');
  const [request, setRequest] = useState<ProposeRequest | null>(null);

  // After an action or a new proposal: say what happened and keep the proposal in view and in focus.
  const onMoved = (after: ChangeProposal, message: string) => {
    setNotice(message);
    if (filter !== 'all' && filter !== after.state) setFilter(after.state);
    focusProposal(after.id, after.state);
  };
  const awaiting = proposals.data?.filter((p) => p.state === 'proposed').length ?? 0;

  return (
    <>
      <title>Governance · Throughline</title>
      <PageHeader
        title="Governance"
        lead="The policies your journeys run on, the changes teams propose to them, and every decision taken. A team approves changes within its decision rights and spending authority; anything beyond goes to the CX council."
      >
        {proposals.data && policies.data ? (
          <p className="page-header__meta">
            {plural(awaiting, 'proposal')} awaiting decision · {plural(policies.data.length, 'policy', 'policies')}
          </p>
        ) : null}
      </PageHeader>
      <nav aria-label="On this page" className="jump-links">
        <a href="#proposals">Change proposals</a>
        {rights.canPropose ? <a href="#propose">Propose a change</a> : null}
        <a href="#policies">Policies</a>
        <a href="#decisions">Decision log</a>
      </nav>

      <section id="proposals" aria-labelledby="proposals-heading" className="section">
        <div className="section__header">
          <h2 id="proposals-heading" className="section__title">
            Change proposals
          </h2>
        </div>
        {/* Always in the page, so screen readers are listening before a message arrives. */}
        <p role="status" className={notice ? 'governance-notice' : 'visually-hidden'}>
          {notice}
        </p>
        <QueryView
          query={proposals}
          label="change proposals"
          rows={3}
          errorTitle="The change proposals could not be loaded"
          isEmpty={(list) => list.length === 0}
          empty={
            <EmptyState title="No change proposals yet" headingLevel={3}>
              <p>
                When a team wants a policy to read differently, it proposes the new wording here. The team decides itself when the policy is
                in its decision rights and the cost within its spending authority; otherwise the CX council decides.
              </p>
              {rights.canPropose ? <p>Start with “Propose a change” below, or from any policy.</p> : null}
            </EmptyState>
          }
        >
          {(list) => (
            <ProposalList
              proposals={list}
              policies={policies.data ?? []}
              teams={teams.data ?? []}
              filter={filter}
              onFilterChange={(f) => {
                setFilter(f);
                setNotice('');
              }}
              onMoved={onMoved}
            />
          )}
        </QueryView>
      </section>

      {rights.canPropose ? <ProposeSection policies={policies} teams={teams} rights={rights} request={request} onSaved={onMoved} /> : null}

      <section id="policies" aria-labelledby="policies-heading" className="section">
        <div className="section__header">
          <h2 id="policies-heading" className="section__title">
            Policies
          </h2>
          {!rights.canPropose ? <p className="section__meta">Only {whoCan('proposal.create')} propose changes.</p> : null}
        </div>
        <QueryView
          query={policies}
          label="policies"
          rows={4}
          errorTitle="The policies could not be loaded"
          isEmpty={(list) => list.length === 0}
          empty={
            <EmptyState title="No policies yet" headingLevel={3}>
              <p>
                Policies are the business rules and procedures behind your journeys’ steps, such as “claims over £5,000 need an assessor
                visit”. Each is owned by a team. Record them through the API (<code>policy.create</code>), then propose changes to them
                here.
              </p>
            </EmptyState>
          }
        >
          {(list) => (
            <PolicyList
              policies={list}
              teams={teams.data ?? []}
              proposals={proposals.data ?? []}
              onPropose={rights.canPropose ? (policyId) => setRequest((r) => ({ policyId, nonce: (r?.nonce ?? 0) + 1 })) : undefined}
            />
          )}
        </QueryView>
      </section>

      <section id="decisions" aria-labelledby="decisions-heading" className="section">
        <div className="section__header">
          <h2 id="decisions-heading" className="section__title">
            Decision log
          </h2>
          <p className="section__meta">Every approval and rejection, newest first.</p>
        </div>
        <QueryView
          query={decisions}
          label="decisions"
          rows={3}
          errorTitle="The decision log could not be loaded"
          isEmpty={(list) => list.length === 0}
          empty={
            <EmptyState title="No decisions yet" headingLevel={3}>
              <p>
                Each time a team or the CX council approves or rejects a proposal, it is recorded here with who decided, for which body, and
                why.
              </p>
            </EmptyState>
          }
        >
          {(list) => <DecisionLog decisions={list} proposals={proposals.data ?? []} />}
        </QueryView>
      </section>
    </>
  );
}
