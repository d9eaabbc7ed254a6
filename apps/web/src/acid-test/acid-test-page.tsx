import { useQuery } from '@tanstack/react-query';
import { ACID_TEST_WINDOW_DAYS, type AcidTestEntry } from '@throughline/domain';
import { Link } from 'react-router';
import { PageHeader } from '../app/page-header.tsx';
import { EmptyState } from '../common/empty-state.tsx';
import { QueryView } from '../common/query-state.tsx';
import { useHashTarget } from '../common/use-hash-target.ts';
import { trpc } from '../trpc.ts';
import { AcidTestEntryCard } from './acid-test-entry.tsx';
import { acidTestSummary } from './acid-test-summary.ts';
import { designLabel } from './design-labels.ts';
import { decidingEffectText } from './estimate-rows.ts';
import { MovementBadge } from './movement-badge.tsx';
import { useKpiUnits, type KpiUnit } from './use-kpi-units.ts';
import './acid-test.css';
import './movement.css';

/** While KPIs have no values at all, ask again this often: the KPI engine fills them within a minute or so of start. */
const PENDING_POLL_MS = 15_000;

/** A targeted KPI with no values on either side: not yet computed, rather than measured and found thin. */
function awaitingValues(entry: AcidTestEntry): boolean {
  return entry.kpis.some((k) => k.before.n === 0 && k.after.n === 0);
}

/**
 * The acid test: did design turn into delivered improvement? Every implemented initiative,
 * traced from the insight behind it to the KPI movement measured after it went live,
 * including those whose KPIs did not move.
 */
export function AcidTestPage() {
  const entries = useQuery({
    ...trpc.initiative.acidTest.queryOptions({}),
    refetchInterval: (query) => (query.state.data?.some(awaitingValues) ? PENDING_POLL_MS : false),
  });
  const waiting = entries.data?.some(awaitingValues) ?? false;
  const units = useKpiUnits();
  const target = useHashTarget(entries.isSuccess);

  return (
    <div className="page">
      <title>Acid test · Throughline</title>
      <PageHeader
        title="Acid test"
        lead="Did the work change what customers live through, compared with what would have happened without it? For each implemented initiative: the insight and failure point behind it, what changed, and whether its KPIs moved, judged by the strongest design the data allows, with its 95% interval."
      />
      <QueryView
        query={entries}
        label="the acid test"
        rows={6}
        errorTitle="The acid test could not be loaded"
        isEmpty={(list) => list.length === 0}
        empty={
          <EmptyState
            title="No initiative has been implemented yet"
            action={
              <Link className="button button--primary" to="/backlog">
                Go to the backlog
              </Link>
            }
          >
            <p>
              The acid test judges each targeted KPI in the {ACID_TEST_WINDOW_DAYS} days after an initiative went live against what would
              have happened without it: customers the rollout had not reached yet, or the KPI’s own trend and season. Once an initiative on
              the backlog is marked implemented, with its implementation date and what changed, it appears here, whether or not its KPIs
              moved. A rollout in waves or a holdout, planned in its case, makes the strongest test.
            </p>
          </EmptyState>
        }
      >
        {(list) => (
          <>
            {waiting ? (
              <p className="notice" role="status">
                Some targeted KPIs have no values yet, so they read as insufficient data. The KPI engine computes them on its schedule; this
                page refreshes itself meanwhile.
              </p>
            ) : null}
            <AcidTestOverview entries={list} units={units} />
            <div className="acid-entries">
              {list.map((entry) => (
                <AcidTestEntryCard
                  key={entry.initiativeId}
                  entry={entry}
                  units={units}
                  targeted={target === `acid-${entry.initiativeId}`}
                />
              ))}
            </div>
          </>
        )}
      </QueryView>
    </div>
  );
}

/** The verdicts side by side, under the sentence that counts them. */
function AcidTestOverview({ entries, units }: { entries: AcidTestEntry[]; units: (kpiId: string, unit: string) => KpiUnit }) {
  return (
    <section aria-labelledby="acid-overview-heading" className="section acid-overview">
      <h2 id="acid-overview-heading" className="visually-hidden">
        At a glance
      </h2>
      <p className="acid-overview__summary">{acidTestSummary(entries.map((e) => e.verdict))}</p>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Verdicts at a glance">
        <table className="table acid-overview__table">
          <caption className="visually-hidden">Each implemented initiative’s verdict and the movement of its KPIs</caption>
          <thead>
            <tr>
              <th scope="col">Initiative</th>
              <th scope="col">Verdict</th>
              <th scope="col">KPI</th>
              <th scope="col">Estimated effect (95% CI)</th>
              <th scope="col">Decided by</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => {
              const kpis = e.kpis.length > 0 ? e.kpis : [null];
              return kpis.map((k, i) => (
                <tr key={`${e.initiativeId}:${k?.kpiId ?? 'none'}`}>
                  {i === 0 ? (
                    <>
                      <th scope="row" rowSpan={kpis.length}>
                        <Link to={`#acid-${e.initiativeId}`}>{e.title}</Link>
                        <span className="acid-overview__journey">{e.journeyName}</span>
                      </th>
                      <td rowSpan={kpis.length}>
                        <MovementBadge movement={e.verdict} />
                      </td>
                    </>
                  ) : null}
                  <td>{k ? k.kpiName : <span className="muted">No targeted KPI</span>}</td>
                  <td className="nowrap">{k ? decidingEffectText(k, units(k.kpiId, k.unit)) : null}</td>
                  <td>{k ? designLabel(k.design) : null}</td>
                </tr>
              ));
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
