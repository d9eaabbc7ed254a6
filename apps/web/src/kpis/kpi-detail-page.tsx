import { useQuery } from '@tanstack/react-query';
import { describeSchedule, type KpiDefinition } from '@throughline/domain';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../app/page-header.tsx';
import { EmptyState } from '../common/empty-state.tsx';
import { formatDateTime } from '../common/locale-format.ts';
import { QueryView } from '../common/query-state.tsx';
import { periodOptions } from '../period/period-options.ts';
import { PeriodPicker } from '../period/period-picker.tsx';
import { isDefaultPeriod } from '../period/period-params.ts';
import { usePeriodParams } from '../period/use-period-params.ts';
import { trpc } from '../trpc.ts';
import { periodCount } from './kpi-format.ts';
import { KpiHeadline } from './kpi-headline.tsx';
import { directionLabel, grainLabel, kindDescription } from './kpi-labels.ts';
import { KpiRecomputeButton } from './kpi-recompute-button.tsx';
import { RESULTS_POLL_MS } from './kpi-results-poll.ts';
import { KpiScopeText, useScopeNames } from './kpi-scope.tsx';
import { KpiSegments } from './kpi-segments.tsx';
import { KpiSeriesChart } from './kpi-series-chart.tsx';
import { KpiValueLink } from './kpi-value-link.tsx';
import { KpiPointsTable } from './kpi-series-table.tsx';
import { useKpiEditScope } from './use-kpi-edit-scope.ts';
import './kpi-dashboard.css';
import './kpi-detail.css';

/** One KPI: its headline for the chosen period, series with confidence bands, segments, sample sizes and the change. */
export function KpiDetailPage() {
  const { kpiId = '' } = useParams();
  const kpis = useQuery(trpc.kpi.list.queryOptions());
  const kpi = kpis.data?.find((k) => k.id === kpiId);

  const breadcrumb = (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <ol>
        <li>
          <Link to="/kpis">KPIs</Link>
        </li>
        <li aria-current="page">{kpi?.name ?? 'KPI'}</li>
      </ol>
    </nav>
  );

  // KPIs come as one list, so an unknown (or mistyped) id is simply not in it.
  if (kpis.isSuccess && !kpi) {
    return (
      <div className="page page--narrow">
        <title>KPI not found · Throughline</title>
        {breadcrumb}
        <EmptyState
          headingLevel={1}
          title="This KPI was not found"
          action={
            <Link className="button button--primary" to="/kpis">
              See all KPIs
            </Link>
          }
        >
          <p>It may have been removed, or the link may be incomplete. The KPIs page lists every KPI the organisation has defined.</p>
        </EmptyState>
      </div>
    );
  }

  return (
    <div className="page">
      <title>{kpi ? `${kpi.name} · Throughline` : 'KPI · Throughline'}</title>
      {breadcrumb}
      <QueryView query={kpis} label="the KPI" rows={6} errorTitle="The KPI could not be loaded">
        {() => (kpi ? <KpiDetail kpi={kpi} /> : null)}
      </QueryView>
    </div>
  );
}

function KpiDetail({ kpi }: { kpi: KpiDefinition }) {
  const names = useScopeNames([kpi]);
  const teams = useQuery(trpc.team.list.queryOptions());
  const canRecompute = useKpiEditScope().canEdit(kpi);
  const [period, setPeriod] = usePeriodParams();
  const results = useQuery({
    ...trpc.kpi.results.queryOptions({ kpiId: kpi.id, ...period }),
    refetchInterval: RESULTS_POLL_MS,
    // A new period keeps the last one on screen until its values arrive, rather than a skeleton.
    placeholderData: (previous) => previous,
  });
  const today = results.data?.today;
  const owner = teams.data?.find((t) => t.id === kpi.ownerTeamId);

  return (
    <>
      <PageHeader title={kpi.name} eyebrow={<code className="kpis-table__key">{kpi.key}</code>} lead={kpi.description || undefined}>
        <p className="page-header__meta">
          {kindDescription(kpi)} · <KpiScopeText scope={kpi.scope} names={names} /> · Owner:{' '}
          {owner ? <Link to={`/teams/${owner.id}`}>{owner.name}</Link> : 'no owner team'} · {directionLabel(kpi.direction)} ·{' '}
          {grainLabel(kpi.grain)}
        </p>
      </PageHeader>
      <div className="kpi-detail__run">
        <p className="kpi-detail__last-run">
          {results.data?.lastRunAt
            ? `Last computed ${formatDateTime(results.data.lastRunAt)}`
            : results.isSuccess
              ? 'Not computed yet'
              : ''}
          <span className="muted"> · recomputed {describeSchedule(kpi.schedule)} and when new answers arrive</span>
        </p>
        {canRecompute ? <KpiRecomputeButton kpiId={kpi.id} kpiName={kpi.name} /> : null}
      </div>
      <div className="kpi-detail__period">
        <PeriodPicker value={period} onChange={setPeriod} periods={today ? periodOptions(kpi.grain, today) : undefined} today={today} />
        {results.data ? (
          <p className="kpi-detail__period-note">
            {isDefaultPeriod(period)
              ? `Leading with ${results.data.headline.label}, the last complete ${kpi.grain}`
              : `Leading with ${results.data.headline.label}`}
            {` (periods end at midnight, ${results.data.timeZone})`}
            {results.isPlaceholderData ? ' · loading…' : ''}
          </p>
        ) : null}
      </div>
      <QueryView
        query={results}
        label="the KPI's values"
        rows={8}
        errorTitle="The values could not be loaded"
        isEmpty={(r) => r.series.length === 0 && r.headline.value === null}
        empty={
          <EmptyState title="No values yet">
            <p>
              This KPI is computed on its schedule from the events it counts; the first values usually arrive within a minute of start. This
              page refreshes itself while it waits.
            </p>
            {canRecompute ? <p>Use “Recompute now” above to compute it at once.</p> : null}
          </EmptyState>
        }
      >
        {(r) => (
          <>
            <KpiHeadline kpi={kpi} results={r} />
            <section aria-labelledby="kpi-series-heading" className="section">
              <div className="section__header">
                <h2 id="kpi-series-heading" className="section__title">
                  Over time
                </h2>
                <p className="section__meta">{periodCount(r.series.length, kpi.grain)}, shaded by the 95% confidence interval</p>
              </div>
              {r.series.length > 0 ? (
                <KpiSeriesChart kpi={kpi} series={r.series} window={r.headline} />
              ) : (
                <p className="muted">No stored periods up to this window yet.</p>
              )}
              <h3 className="kpi-detail__subtitle">The numbers</h3>
              <KpiPointsTable kpi={kpi} points={[...r.series].reverse()} by="period" caption={`${kpi.name} by period, newest first`} />
            </section>
            <KpiSegments kpi={kpi} segments={r.segments} period={r.headline.label} />
          </>
        )}
      </QueryView>
      <KpiValueLink kpi={kpi} />
    </>
  );
}
