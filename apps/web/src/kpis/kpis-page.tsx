import { usePrefetchQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { PageHeader } from '../app/page-header.tsx';
import { EmptyState } from '../common/empty-state.tsx';
import { plural } from '../common/locale-format.ts';
import { QueryView } from '../common/query-state.tsx';
import { useHashTarget } from '../common/use-hash-target.ts';
import { usePeriodParams } from '../period/use-period-params.ts';
import { trpc } from '../trpc.ts';
import { KpiDashboard, kpiCardsQuery } from './kpi-dashboard.tsx';
import { KpiEditDialog } from './kpi-edit-dialog.tsx';
import { useScopeNames } from './kpi-scope.tsx';
import { KpisTable } from './kpis-table.tsx';
import { useKpiEditScope } from './use-kpi-edit-scope.ts';
import './kpis.css';

/**
 * The KPIs the organisation answers for: first their latest values against target, then the
 * definitions (owner, target, threshold, grain and schedule), which owners edit here.
 */
export function KpisPage() {
  const kpis = useQuery(trpc.kpi.list.queryOptions());
  // The cards' figures are asked for with the list, not once it has arrived: one round trip less.
  const [period] = usePeriodParams();
  usePrefetchQuery(kpiCardsQuery(period));
  const teams = useQuery(trpc.team.list.queryOptions());
  const names = useScopeNames(kpis.data);
  const scope = useKpiEditScope();
  const target = useHashTarget(kpis.isSuccess);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const editing = kpis.data?.find((k) => k.id === editingId) ?? null;

  const unowned = kpis.data?.filter((k) => !k.ownerTeamId).length ?? 0;
  const untargeted = kpis.data?.filter((k) => k.target === null).length ?? 0;
  const gaps = [
    unowned > 0 ? `${plural(unowned, 'KPI')} without an owner` : null,
    untargeted > 0 ? `${plural(untargeted, 'KPI')} without a target` : null,
  ];

  return (
    <div className="page">
      <title>KPIs · Throughline</title>
      <PageHeader
        title="KPIs"
        lead="Each KPI is defined once: what it measures, where, which team answers for it, and the target it is held to. Every value comes with its 95% confidence interval and sample size, so a movement is read for what it is."
      >
        {kpis.data && kpis.data.length > 0 ? (
          <p className="page-header__meta">{[plural(kpis.data.length, 'KPI'), ...gaps].filter(Boolean).join(' · ')}</p>
        ) : null}
      </PageHeader>
      <p role="status" className="status-note">
        {status}
      </p>
      <QueryView
        query={kpis}
        label="KPIs"
        rows={6}
        errorTitle="The KPIs could not be loaded"
        isEmpty={(list) => list.length === 0}
        empty={
          <EmptyState title="No KPIs defined yet">
            <p>
              Define the few measures each journey answers for (claims NPS, first-contact resolution, cost to serve) with a scope, an owner
              team, a target and a warning threshold. Start with the journeys that already have an accountable team.
            </p>
            <p>KPIs are defined through the Throughline API for now; they then show here.</p>
          </EmptyState>
        }
      >
        {(list) => (
          <>
            <section aria-labelledby="kpi-values-heading" className="section">
              <div className="section__header">
                <h2 id="kpi-values-heading" className="section__title">
                  Headline values
                </h2>
                <p className="section__meta">Open a KPI for its full series, segments and the numbers behind the chart.</p>
              </div>
              <KpiDashboard kpis={list} teams={teams.data ?? []} names={names} canEdit={scope.canEdit} />
            </section>
            <section aria-labelledby="kpi-definitions-heading" className="section">
              <div className="section__header">
                <h2 id="kpi-definitions-heading" className="section__title">
                  Definitions
                </h2>
                <p className="section__meta">Who owns each KPI, what it is held to, and when it is recomputed.</p>
              </div>
              <KpisTable
                kpis={list}
                teams={teams.data ?? []}
                names={names}
                target={target}
                canEdit={scope.canEdit}
                onEdit={(kpi) => {
                  setStatus('');
                  setEditingId(kpi.id);
                }}
              />
            </section>
          </>
        )}
      </QueryView>
      <KpiEditDialog
        kpi={editing}
        teams={(teams.data ?? []).filter((t) => scope.ownerTeamIds === null || scope.ownerTeamIds.has(t.id))}
        onClose={() => setEditingId(null)}
        onSaved={(message) => {
          setStatus(message);
          setEditingId(null);
        }}
      />
    </div>
  );
}
