import { useQuery } from '@tanstack/react-query';
import type { Team } from '@throughline/domain';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../app/page-header.tsx';
import { EmptyState } from '../common/empty-state.tsx';
import { formatCount, formatGbp } from '../common/locale-format.ts';
import { QueryView } from '../common/query-state.tsx';
import { CapabilityCoverage } from '../operating-model/capability-coverage.tsx';
import { trpc } from '../trpc.ts';
import { TeamGovernanceSection } from './team-governance-section.tsx';
import { TeamKpisSection } from './team-kpis-section.tsx';
import { TeamMembersSection } from './team-members-section.tsx';
import { TeamRemitSection } from './team-remit-section.tsx';
import './team.css';

/** One team: its remit, capabilities, KPIs, the policies it may change and its open proposals. */
export function TeamPage() {
  const { teamId = '' } = useParams();
  const teams = useQuery(trpc.team.list.queryOptions());
  const team = teams.data?.find((t) => t.id === teamId);

  const breadcrumb = (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <ol>
        <li>
          <Link to="/">Operating model</Link>
        </li>
        <li aria-current="page">{team?.name ?? 'Team'}</li>
      </ol>
    </nav>
  );

  // Teams come as one list, so an unknown id (or a mistyped one) is simply not in it.
  if (teams.isSuccess && !team) {
    return (
      <div className="page page--narrow">
        <title>Team not found · Throughline</title>
        {breadcrumb}
        <EmptyState
          headingLevel={1}
          title="This team was not found"
          action={
            <Link className="button button--primary" to="/">
              See all teams
            </Link>
          }
        >
          <p>It may have been removed, or the link may be incomplete. The Operating model page lists every team.</p>
        </EmptyState>
      </div>
    );
  }

  return (
    <div className="page">
      <title>{team ? `${team.name} · Throughline` : 'Team · Throughline'}</title>
      {breadcrumb}
      <QueryView query={teams} label="the team" rows={6} errorTitle="The team could not be loaded">
        {() =>
          team ? (
            <>
              <PageHeader title={team.name} eyebrow="Team" lead={team.purpose || 'No purpose written down yet.'} />
              <TeamFacts team={team} />
              <TeamMembersSection teamId={team.id} />
              <TeamRemitSection teamId={team.id} teamName={team.name} />
              <TeamKpisSection teamId={team.id} />
              <TeamGovernanceSection team={team} />
            </>
          ) : null
        }
      </QueryView>
    </div>
  );
}

function TeamFacts({ team }: { team: Team }) {
  return (
    <section aria-labelledby="team-facts-heading" className="section">
      <h2 id="team-facts-heading" className="visually-hidden">
        Capabilities and money
      </h2>
      <dl className="figures team-facts">
        <div className="figure team-facts__capabilities">
          <dt className="figure__label">Capability coverage</dt>
          <dd>
            <CapabilityCoverage capabilities={team.capabilities} />
          </dd>
        </div>
        <div className="figure">
          <dt className="figure__label">Annual budget</dt>
          <dd className="figure__value">{formatGbp(team.annualBudget)}</dd>
        </div>
        <div className="figure">
          <dt className="figure__label">Spending authority</dt>
          <dd className="figure__value">{formatGbp(team.spendingAuthority)}</dd>
          <dd className="figure__note">Changes costing more go to the CX council.</dd>
        </div>
        <div className="figure">
          <dt className="figure__label">Members</dt>
          <dd className="figure__value">{formatCount(team.memberCount)}</dd>
        </div>
      </dl>
    </section>
  );
}
