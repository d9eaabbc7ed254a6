import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { formatCount, plural } from '../common/locale-format.ts';
import { QueryView } from '../common/query-state.tsx';
import { trpc } from '../trpc.ts';
import { groupFindings } from './finding-groups.ts';
import { HealthCounts } from './health-counts.tsx';

/** The operating model's gaps at a glance on the home page, counted by kind, critical first. */
export function HealthSummary() {
  const health = useQuery(trpc.operatingModel.health.queryOptions());
  const findings = health.data?.findings ?? [];
  const critical = findings.filter((f) => f.severity === 'critical').length;

  return (
    <section aria-labelledby="health-heading" className="section">
      <div className="section__header">
        <h2 id="health-heading" className="section__title">
          Health
        </h2>
        {health.data ? (
          <p className="section__meta">
            {findings.length === 0
              ? 'No gaps found'
              : `${plural(findings.length, 'finding')}${critical > 0 ? ` · ${formatCount(critical)} critical` : ''}`}
          </p>
        ) : null}
        <Link to="/ownership" className="section__link">
          Ownership matrix
        </Link>
        <Link to="/health" className="section__link section__link--next">
          Every finding
        </Link>
      </div>
      <QueryView query={health} label="the health check" rows={1} errorTitle="The health check could not be loaded">
        {(data) =>
          data.findings.length === 0 ? (
            <p className="flag flag--ok">
              <span aria-hidden="true">✓</span> Every journey has one accountable team, and no gaps or overlaps were found.
            </p>
          ) : (
            <HealthCounts groups={groupFindings(data.findings)} label="Findings by kind" />
          )
        }
      </QueryView>
    </section>
  );
}
