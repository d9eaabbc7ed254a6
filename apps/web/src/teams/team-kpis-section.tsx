import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { EmptyState } from '../common/empty-state.tsx';
import { QueryView } from '../common/query-state.tsx';
import { WarningIcon } from '../common/warning-icon.tsx';
import { directionLabel, kpiValue } from '../kpis/kpi-labels.ts';
import { KpiScopeText, useScopeNames } from '../kpis/kpi-scope.tsx';
import { trpc } from '../trpc.ts';

/** The KPIs this team answers for, each linking to its definition. */
export function TeamKpisSection({ teamId }: { teamId: string }) {
  const kpis = useQuery({ ...trpc.kpi.list.queryOptions(), select: (list) => list.filter((k) => k.ownerTeamId === teamId) });
  const names = useScopeNames(kpis.data);

  return (
    <section aria-labelledby="team-kpis-heading" className="section">
      <div className="section__header">
        <h2 id="team-kpis-heading" className="section__title">
          KPIs it owns
        </h2>
        <Link to="/kpis" className="section__link">
          All KPIs
        </Link>
      </div>
      <QueryView
        query={kpis}
        label="the team’s KPIs"
        rows={2}
        errorTitle="The team’s KPIs could not be loaded"
        isEmpty={(list) => list.length === 0}
        empty={
          <EmptyState title="No KPIs owned" headingLevel={3}>
            <p>
              A team answers for the measures it can move. Make it the owner of the KPIs for the journeys and steps in its remit, each with
              a target, on the KPIs page.
            </p>
          </EmptyState>
        }
      >
        {(list) => (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">KPIs the team owns</caption>
              <thead>
                <tr>
                  <th scope="col">KPI</th>
                  <th scope="col">Scope</th>
                  <th scope="col">Direction</th>
                  <th scope="col" className="num">
                    Target
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((kpi) => (
                  <tr key={kpi.id}>
                    <th scope="row" className="team-kpi">
                      <Link to={`/kpis#kpi-${kpi.id}`}>{kpi.name}</Link>
                      <code className="team-kpi__key">{kpi.key}</code>
                    </th>
                    <td>
                      <KpiScopeText scope={kpi.scope} names={names} />
                    </td>
                    <td className="nowrap">{directionLabel(kpi.direction)}</td>
                    <td className="num">
                      {kpi.target === null ? (
                        <span className="flag flag--warning">
                          <WarningIcon />
                          <span>No target</span>
                        </span>
                      ) : (
                        kpiValue(kpi.target, kpi.unit)
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryView>
    </section>
  );
}
