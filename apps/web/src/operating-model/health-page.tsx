import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { PageHeader } from '../app/page-header.tsx';
import { EmptyState } from '../common/empty-state.tsx';
import { formatCount, plural } from '../common/locale-format.ts';
import { QueryView } from '../common/query-state.tsx';
import { trpc } from '../trpc.ts';
import { FindingGroupSection } from './finding-group-section.tsx';
import { groupFindings } from './finding-groups.ts';
import { HealthCounts } from './health-counts.tsx';
import { useHashTarget } from '../common/use-hash-target.ts';

/** Every gap in the operating model, critical first, each linking to where it is fixed. */
export function HealthPage() {
  const health = useQuery(trpc.operatingModel.health.queryOptions());
  const target = useHashTarget(health.isSuccess);
  // Names for where findings are fixed; usually already cached from the home page.
  const journeys = useQuery(trpc.journey.list.queryOptions());
  const teams = useQuery(trpc.team.list.queryOptions());
  const names = new Map([...(journeys.data ?? []), ...(teams.data ?? [])].map((x) => [x.id, x.name]));
  const findings = health.data?.findings ?? [];
  const critical = findings.filter((f) => f.severity === 'critical').length;

  return (
    <div className="page">
      <title>Operating model health · Throughline</title>
      <PageHeader
        title="Operating model health"
        lead="Where ownership of your customer journeys has gaps or overlaps, and what to fix first. Each finding links to the page where it is fixed."
      >
        {health.data && findings.length > 0 ? (
          <p className="page-header__meta">
            {plural(findings.length, 'finding')} · {formatCount(critical)} critical
          </p>
        ) : null}
      </PageHeader>
      <QueryView
        query={health}
        label="the health check"
        rows={4}
        errorTitle="The health check could not be loaded"
        isEmpty={(data) => data.findings.length === 0}
        empty={<HealthyModel />}
      >
        {(data) => {
          const groups = groupFindings(data.findings);
          return (
            <>
              <nav aria-label="Findings by kind" className="section">
                <HealthCounts groups={groups} label="Kinds of finding" />
              </nav>
              <div className="finding-groups">
                {groups.map((group) => (
                  <FindingGroupSection key={group.kind} group={group} isTarget={target === group.kind} names={names} />
                ))}
              </div>
            </>
          );
        }}
      </QueryView>
    </div>
  );
}

/** No findings: good news, unless there is nothing in the model to check yet. */
function HealthyModel() {
  const overview = useQuery(trpc.organisation.overview.queryOptions());
  if (overview.data && overview.data.teams === 0 && overview.data.journeys === 0) {
    return (
      <EmptyState title="Nothing to check yet">
        <p>
          The health check looks for journeys without an accountable team, overlapping contributors, systems and KPIs without owners, and
          policies the journey’s teams cannot change. Set up your teams and journeys first, then come back here.
        </p>
      </EmptyState>
    );
  }
  return (
    <div className="health-ok">
      <EmptyState
        title="No gaps in your operating model"
        action={
          <Link className="button button--secondary" to="/ownership">
            See who owns what
          </Link>
        }
      >
        <p>
          Every journey has exactly one accountable team, no step is claimed twice, every system and KPI has an owner and every KPI a
          target, and the teams that own each step may change the policies that govern it.
        </p>
      </EmptyState>
    </div>
  );
}
