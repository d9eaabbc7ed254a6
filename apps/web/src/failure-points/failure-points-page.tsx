import { useQuery } from '@tanstack/react-query';
import { ZId, type FailurePoint } from '@throughline/domain';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../app/page-header.tsx';
import { useCan } from '../auth/use-actor.ts';
import { whoCan } from '../auth/who-can.ts';
import { EmptyState } from '../common/empty-state.tsx';
import { formatCount, formatGbp, plural } from '../common/locale-format.ts';
import { QueryView } from '../common/query-state.tsx';
import { useHashTarget } from '../common/use-hash-target.ts';
import { trpc } from '../trpc.ts';
import { FailureCostChart } from './failure-cost-chart.tsx';
import { FailurePointCard } from './failure-point-card.tsx';
import { FailurePointDialog, type FailurePointEditing } from './failure-point-dialog.tsx';
import { FailurePointTable } from './failure-point-table.tsx';
import { FilterSelect } from '../common/filter-select.tsx';
import '../common/dialog-form.css';
import './failure-points.css';

/**
 * Failure points ranked by what they cost a year, as bars and as a table, then each with the
 * evidence it rests on. The ranking is where improvement money should go first.
 */
export function FailurePointsPage() {
  const [params, setParams] = useSearchParams();
  const journeyParam = params.get('journey') ?? '';
  const journeyId = ZId.safeParse(journeyParam).success ? journeyParam : '';
  const points = useQuery(trpc.failurePoint.list.queryOptions(journeyId ? { journeyId } : {}));
  const journeys = useQuery(trpc.journey.list.queryOptions());
  const kpis = useQuery(trpc.kpi.list.queryOptions());
  const canEdit = useCan('failure_point.edit');
  const canAddEvidence = useCan('insight.edit');
  const target = useHashTarget(points.isSuccess);
  const [editing, setEditing] = useState<FailurePointEditing>(null);
  const [status, setStatus] = useState('');

  const kpiNames = new Map(kpis.data?.map((k) => [k.id, k.name]));
  const total = points.data?.reduce((sum, f) => sum + f.annualCost, 0) ?? 0;
  const unevidenced = points.data?.filter((f) => f.evidenceCount === 0).length ?? 0;
  const journeyName = journeys.data?.find((j) => j.id === journeyId)?.name;
  const add = () => {
    setStatus('');
    setEditing({ kind: 'new', journeyId });
  };
  const edit = (point: FailurePoint) => {
    setStatus('');
    setEditing({ kind: 'edit', point });
  };

  return (
    <div className="page">
      <title>Failure points · Throughline</title>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          <li>
            <Link to="/insights">Insights</Link>
          </li>
          <li aria-current="page">Failure points</li>
        </ol>
      </nav>
      <PageHeader
        title="Failure points"
        lead="Where journeys let customers down, and what each failure costs the operation a year: how often it happens times what each occurrence costs. The costliest come first."
      >
        {points.data && points.data.length > 0 ? (
          <p className="page-header__meta">
            {plural(points.data.length, 'failure point')}
            {journeyName ? ` on ${journeyName}` : ''} costing {formatGbp(total)} a year
            {unevidenced > 0 ? ` · ${formatCount(unevidenced)} ${unevidenced === 1 ? 'has' : 'have'} no evidence` : ''}
          </p>
        ) : null}
      </PageHeader>
      <p role="status" className="status-note">
        {status}
      </p>
      <div className="filter-bar fp-filters" role="group" aria-label="Filter failure points">
        <FilterSelect
          label="Journey"
          value={journeyId}
          any="All journeys"
          options={journeys.data?.map((j) => ({ value: j.id, label: j.name }))}
          onChange={(v) => setParams(v ? { journey: v } : {}, { replace: true, preventScrollReset: true })}
        />
        {canEdit ? (
          <button type="button" className="button button--primary filter-bar__action" onClick={add}>
            Add failure point
          </button>
        ) : null}
      </div>

      <QueryView
        query={points}
        label="failure points"
        rows={6}
        errorTitle="The failure points could not be loaded"
        isEmpty={(list) => list.length === 0}
        empty={
          <EmptyState
            title={journeyName ? `No failure points on ${journeyName} yet` : 'No failure points yet'}
            action={
              canEdit ? (
                <button type="button" className="button button--primary" onClick={add}>
                  Add the first failure point
                </button>
              ) : undefined
            }
          >
            <p>
              A failure point is a step where operations fall short of what customers expect: a claim status nobody can give, a price rise
              nobody explains. Give it how often it happens and what each occurrence costs (a repeat call, an escalation, a lost customer),
              and Throughline ranks them by annual cost.
            </p>
            {canEdit ? null : <p>Only {whoCan('failure_point.edit')} record failure points.</p>}
          </EmptyState>
        }
      >
        {(list) => (
          <>
            <section aria-labelledby="fp-ranking-heading" className="section">
              <div className="section__header">
                <h2 id="fp-ranking-heading" className="section__title">
                  Ranked by annual cost
                </h2>
                <p className="section__meta">
                  {list.some((f) => f.evidenceCount === 0)
                    ? 'Hatched bars have no evidence behind them yet.'
                    : 'Every failure point has evidence behind it.'}
                </p>
              </div>
              <FailureCostChart points={list} />
              <h3 className="fp-subtitle">The figures</h3>
              <FailurePointTable points={list} />
            </section>
            <section aria-labelledby="fp-evidence-heading" className="section">
              <div className="section__header">
                <h2 id="fp-evidence-heading" className="section__title">
                  Each failure point and its evidence
                </h2>
                <p className="section__meta">The insights each one rests on, and the KPIs it holds back.</p>
              </div>
              <ol className="fp-cards">
                {list.map((point, i) => (
                  <FailurePointCard
                    key={point.id}
                    point={point}
                    rank={i + 1}
                    kpiNames={kpiNames}
                    targeted={target === `fp-${point.id}`}
                    canAddEvidence={canAddEvidence}
                    onEdit={canEdit ? edit : undefined}
                  />
                ))}
              </ol>
            </section>
          </>
        )}
      </QueryView>

      <FailurePointDialog
        editing={editing}
        onClose={() => setEditing(null)}
        onSaved={(_, message) => {
          setStatus(message);
          setEditing(null);
        }}
      />
    </div>
  );
}
