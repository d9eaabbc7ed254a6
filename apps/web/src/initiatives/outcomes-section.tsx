import { useQuery } from '@tanstack/react-query';
import { OUTCOME_STATUS_LABEL, type Initiative } from '@throughline/domain';
import { formatDate } from '../common/locale-format.ts';
import { QueryView } from '../common/query-state.tsx';
import { trpc } from '../trpc.ts';

const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** The hypothesis and the journey outcomes it targets, each with where its KPI stands now. */
export function OutcomesSection({ initiative: i }: { initiative: Initiative }) {
  const outcomes = useQuery(trpc.outcome.list.queryOptions({ journeyId: i.journeyId }));
  return (
    <section id="hypothesis" aria-labelledby="hypothesis-heading" className="section">
      <div className="section__header">
        <h2 id="hypothesis-heading" className="section__title">
          Hypothesis and outcomes
        </h2>
      </div>
      {i.hypothesis ? (
        <p className="prose hypothesis">{i.hypothesis}</p>
      ) : (
        <p className="muted">No hypothesis yet: what do you believe will change, and why?</p>
      )}
      <h3 className="subsection__title">Outcomes targeted</h3>
      {i.outcomeIds.length === 0 ? (
        <p className="muted">None chosen yet: pick at least one of the targeted outcomes of “{i.journeyName}”.</p>
      ) : (
        <QueryView query={outcomes} label="outcomes" rows={2} errorTitle="The outcomes could not be loaded">
          {(all) => (
            <ul className="outcome-list">
              {all
                .filter((o) => i.outcomeIds.includes(o.id))
                .map((o) => (
                  <li key={o.id} className="outcome">
                    <span className="outcome__title">{o.title}</span>
                    <span className="outcome__target">
                      {o.kpiName}: from {o.baseline} to {o.target} {o.kpiUnit} by {formatDate(o.byDate)}
                      {o.current !== null ? `; now ${oneDecimal.format(o.current)} (n = ${o.n.toLocaleString('en-GB')})` : ''}
                    </span>
                    <span className={`outcome__status outcome__status--${o.status}`}>
                      {o.status === 'achieved' ? <span aria-hidden="true">✓ </span> : null}
                      {o.status === 'too_few'
                        ? `Too few answers to judge: n = ${o.n.toLocaleString('en-GB')} of ${o.minSample.toLocaleString('en-GB')}`
                        : OUTCOME_STATUS_LABEL[o.status]}
                    </span>
                  </li>
                ))}
            </ul>
          )}
        </QueryView>
      )}
    </section>
  );
}
