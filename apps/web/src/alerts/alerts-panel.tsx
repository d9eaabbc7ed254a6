import { useMutation, useQuery } from '@tanstack/react-query';
import { dayIn } from '@throughline/domain';
import { Link } from 'react-router';
import { useCan } from '../auth/use-actor.ts';
import { errorMessage } from '../common/error-message.ts';
import { plural } from '../common/locale-format.ts';
import { QueryView } from '../common/query-state.tsx';
import { trpc } from '../trpc.ts';
import { alertSentence } from './alert-sentence.ts';
import './alerts.css';

/**
 * Open KPI alerts: a period past its warning threshold (act now) or short of its target, each
 * with the interval that lay wholly past the line. Raised once by the recompute that finds them
 * and gone when a recompute finds the KPI recovered.
 */
export function AlertsPanel() {
  const alerts = useQuery(trpc.alert.list.queryOptions({ includeResolved: false, limit: 50 }));
  const kpis = useQuery(trpc.kpi.list.queryOptions());
  const kpiById = new Map(kpis.data?.map((k) => [k.id, k]));
  // The organisation's date, to say which alerts are on a period still running.
  const organisation = useQuery(trpc.organisation.get.queryOptions());
  const today = organisation.data ? dayIn(organisation.data.timeZone, new Date()) : undefined;
  const canAcknowledge = useCan('kpi.edit');
  const acknowledge = useMutation(trpc.alert.acknowledge.mutationOptions());

  return (
    <section aria-labelledby="alerts-heading" className="section">
      <div className="section__header">
        <h2 id="alerts-heading" className="section__title">
          KPI alerts
        </h2>
        {alerts.data ? (
          <p className="section__meta">{alerts.data.length === 0 ? 'none open' : `${plural(alerts.data.length, 'open alert')}`}</p>
        ) : null}
      </div>
      <QueryView
        query={alerts}
        label="alerts"
        rows={2}
        errorTitle="The alerts could not be loaded"
        isEmpty={(list) => list.length === 0}
        empty={<p className="alerts__none">Every KPI is within its warning threshold and on target for the periods computed so far.</p>}
      >
        {(list) => (
          <ul className="alerts">
            {list.map((a) => (
              <li key={a.id} className={a.kind === 'threshold' ? 'alert alert--threshold' : 'alert alert--target'}>
                <div className="alert__what">
                  <span className="alert__kind">{a.kind === 'threshold' ? 'Past warning threshold' : 'Short of target'}</span>
                  <Link to={`/kpis/${a.kpiId}`} className="alert__kpi">
                    {a.kpiName}
                  </Link>
                  <span className="alert__detail">{alertSentence(a, kpiById.get(a.kpiId), today)}</span>
                </div>
                {a.acknowledgedBy ? (
                  <span className="alert__ack">Seen by {a.acknowledgedBy}</span>
                ) : canAcknowledge ? (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => acknowledge.mutate({ id: a.id })}
                    disabled={acknowledge.isPending}
                  >
                    Acknowledge<span className="visually-hidden"> the alert on {a.kpiName}</span>
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </QueryView>
      {acknowledge.isError ? (
        <p role="alert" className="field__issue">
          {errorMessage(acknowledge.error)}
        </p>
      ) : null}
    </section>
  );
}
