import { useMutation, useQuery } from '@tanstack/react-query';
import { roleReach, type KpiDefinition, type ValueEstimate } from '@throughline/domain';
import { useActor } from '../auth/use-actor.ts';
import { errorMessage } from '../common/error-message.ts';
import { WarningIcon } from '../common/warning-icon.tsx';
import { formatCount, formatDate, formatDateTime, formatGbp } from '../common/locale-format.ts';
import { trpc } from '../trpc.ts';

const METHOD_LABEL: Record<ValueEstimate['method'], string> = {
  band_ltv: 'Band lifetime value',
  churn_regression: 'Churn regression',
};

const METHOD_HOW: Record<ValueEstimate['method'], string> = {
  band_ltv: 'retention × revenue − cost to serve for each band; one point moves 1% of customers up a band',
  churn_regression: 'logistic regression of churn on score; the revenue kept when every score rises, per point of the KPI',
};

/**
 * What one point of the KPI is worth a year: the value someone entered and the value model's two
 * estimates side by side, with the one the value link uses marked.
 */
export function KpiValueLink({ kpi }: { kpi: KpiDefinition }) {
  const actor = useActor();
  const model = useQuery(trpc.value.kpi.queryOptions({ kpiId: kpi.id }));
  const refit = useMutation(trpc.value.refit.mutationOptions());
  const canRefit = actor !== null && roleReach(actor.role, 'value.refit') !== null;
  const data = model.data;
  const chosen = data?.choice;

  return (
    <section aria-labelledby="kpi-value-heading" className="section kpi-value">
      <div className="section__header">
        <h2 id="kpi-value-heading" className="section__title">
          Value of one point
        </h2>
        {chosen ? (
          <p className="section__meta">
            In use: <strong>{formatGbp(chosen.value)}</strong> a year,{' '}
            {chosen.source === 'entered'
              ? 'entered on the KPI (it overrides the model)'
              : `from the ${METHOD_LABEL[chosen.source].toLowerCase()}`}
          </p>
        ) : null}
      </div>
      {!data ? (
        <p className="muted">{model.isError ? errorMessage(model.error) : 'Loading the value model…'}</p>
      ) : (
        <>
          <p>
            Entered:{' '}
            {data.entered === null ? (
              <span className="muted">none — the value model’s estimate is used</span>
            ) : (
              <strong>{formatGbp(data.entered)}</strong>
            )}
          </p>
          {data.divergence ? (
            <div className="kpi-value__divergence" role="note" aria-label="Entered value outside the value model’s interval">
              <WarningIcon />
              <div>
                <p>
                  <strong>{data.divergence.description}</strong>
                </p>
                <p>
                  Entered {formatGbp(data.divergence.entered)} a point; the {METHOD_LABEL[data.divergence.method].toLowerCase()} estimates{' '}
                  {formatGbp(data.divergence.modelled)} (95% interval {formatGbp(data.divergence.ciLow)} to{' '}
                  {formatGbp(data.divergence.ciHigh)}). The entered value is what value at stake and investment cases use.
                </p>
                <p>{data.reason ? <>Reason given: “{data.reason}”</> : 'No reason was given for the entered value.'}</p>
              </div>
            </div>
          ) : data.reason && data.entered !== null ? (
            <p className="muted">Reason given for the entered value: “{data.reason}”</p>
          ) : null}
          {!data.modelled ? (
            <p className="muted">
              Only NPS, CSAT and CES KPIs are priced from customers’ own scores and churn; enter a value per point in the KPI’s definition.
            </p>
          ) : data.estimates.length === 0 ? (
            <p className="muted">
              Not fitted yet: it needs customers with a score and a known renewal or churn. The worker refits every night
              {canRefit ? ', or refit now' : ''}.
            </p>
          ) : (
            <table className="table kpi-value__table">
              <caption className="visually-hidden">Value-model estimates for {kpi.name}</caption>
              <thead>
                <tr>
                  <th scope="col">Estimator</th>
                  <th scope="col" className="num">
                    Per point a year
                  </th>
                  <th scope="col" className="num">
                    95% interval
                  </th>
                  <th scope="col" className="num">
                    Customers
                  </th>
                  <th scope="col">Data</th>
                </tr>
              </thead>
              <tbody>
                {data.estimates.map((e) => (
                  <tr key={e.method}>
                    <th scope="row">
                      {METHOD_LABEL[e.method]}
                      {chosen?.estimate?.method === e.method ? <span className="kpi-value__pick"> · the model’s pick</span> : null}
                      <span className="kpi-value__how">{METHOD_HOW[e.method]}</span>
                    </th>
                    <td className="num">{formatGbp(e.valuePerPoint)}</td>
                    <td className="num">
                      {formatGbp(e.ciLow)} to {formatGbp(e.ciHigh)}
                    </td>
                    <td className="num">{formatCount(e.nCustomers)}</td>
                    <td>
                      Scores {formatDate(e.periodStart)} to {formatDate(e.periodEnd)}; fitted {formatDateTime(e.fittedAt)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {canRefit && data.modelled ? (
            <div className="kpi-value__refit">
              <button
                type="button"
                className="button button--secondary"
                onClick={() => refit.mutate({ kpiId: kpi.id })}
                disabled={refit.isPending}
                aria-busy={refit.isPending}
              >
                {refit.isPending ? 'Refitting…' : 'Refit the value model now'}
              </button>
              <p role="status" className="muted">
                {refit.isSuccess
                  ? refit.data.problems.length
                    ? `Refitted. Left out: ${refit.data.problems.join(' ')}`
                    : `Refitted: ${refit.data.methods.map((m) => METHOD_LABEL[m]).join(' and ')}.`
                  : refit.isError
                    ? errorMessage(refit.error)
                    : ''}
              </p>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
