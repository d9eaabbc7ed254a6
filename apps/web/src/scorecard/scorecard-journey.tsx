import type { ScorecardJourney } from '@throughline/domain';
import { Link } from 'react-router';
import { formatDate, formatGbp, plural } from '../common/locale-format.ts';
import { WarningIcon } from '../common/warning-icon.tsx';
import { DeliveredValue } from './delivered-value.tsx';
import { ScorecardKpiTable } from './scorecard-kpi-table.tsx';
import { OutcomeFlag } from './scorecard-labels.tsx';

interface ScorecardJourneyProps {
  journey: ScorecardJourney;
}

/** One journey on the scorecard: who owns it, its KPIs, what is at stake, what costs most, and what was delivered. */
export function ScorecardJourneySection({ journey }: ScorecardJourneyProps) {
  const headingId = `sc-${journey.journeyId}`;
  return (
    <section aria-labelledby={headingId} className="sc-journey">
      <header className="sc-journey__header">
        <h2 id={headingId} className="sc-journey__title">
          <Link to={`/journeys/${journey.journeyId}`}>{journey.journeyName}</Link>
        </h2>
        <p className="sc-journey__owner">
          {journey.owner ? (
            <>
              Owner: <strong>{journey.owner}</strong>
            </>
          ) : (
            <span className="flag flag--warning">
              <WarningIcon />
              <span className="flag__label">No accountable owner</span>
            </span>
          )}
        </p>
      </header>
      <dl className="sc-journey__figures">
        <div>
          <dt>Value at stake</dt>
          <dd>{formatGbp(journey.valueAtStake)} a year</dd>
        </div>
        <div>
          <dt>Backlog</dt>
          <dd>
            {plural(journey.backlog.initiatives, 'initiative')}
            {journey.backlog.initiatives > 0 ? `, ${formatGbp(journey.backlog.annualValue)} a year` : ''}
          </dd>
        </div>
        <div>
          <dt>Delivered</dt>
          <dd>
            {plural(journey.delivered.implemented, 'initiative')} implemented · {journey.delivered.outcomesAchieved} of{' '}
            {plural(journey.delivered.outcomes, 'outcome')} achieved
          </dd>
        </div>
        <DeliveredValue delivered={journey.delivered} />
      </dl>
      <h3 className="sc-journey__subtitle">KPIs against target</h3>
      <ScorecardKpiTable journey={journey} />
      <div className="sc-journey__pair">
        <div>
          <h3 className="sc-journey__subtitle">Costliest failure points</h3>
          {journey.topFailurePoints.length === 0 ? (
            <p className="muted">None recorded on this journey.</p>
          ) : (
            <ol className="sc-list">
              {journey.topFailurePoints.map((f) => (
                <li key={f.id}>
                  <span>
                    <Link to={`/insights/failure-points#fp-${f.id}`}>{f.title}</Link>
                    <span className="sc-list__detail">{f.stepName}</span>
                  </span>
                  <span className="sc-list__figure">{formatGbp(f.annualCost)} a year</span>
                </li>
              ))}
            </ol>
          )}
        </div>
        <div>
          <h3 className="sc-journey__subtitle">Targeted outcomes</h3>
          {journey.outcomes.length === 0 ? (
            <p className="muted">No outcomes targeted yet.</p>
          ) : (
            <ul className="sc-list">
              {journey.outcomes.map((o) => (
                <li key={o.title}>
                  <span>
                    {o.title}
                    <span className="sc-list__detail">
                      {o.current === null ? 'no value yet' : `now ${formatNumber(o.current)}`}, target {formatNumber(o.target)} by{' '}
                      {formatDate(o.byDate)}
                    </span>
                  </span>
                  <OutcomeFlag status={o.status} />
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}

/** Outcomes carry no unit here: their figures as plain numbers, to a tenth. */
const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
function formatNumber(n: number): string {
  return oneDecimal.format(n);
}
