import type { Initiative } from '@throughline/domain';
import { Link } from 'react-router';
import { designLabel } from '../acid-test/design-labels.ts';
import { formatRealisedInterval, formatUplift, formatUpliftInterval } from '../benefits/benefit-format.ts';
import { formatDate, formatGbp } from '../common/locale-format.ts';

/**
 * What the measured gate recorded, against what the case expected: the uplift the acid test's
 * deciding design found on the case's KPI, and that uplift priced at the value per point.
 */
export function MeasuredResult({ initiative: i }: { initiative: Initiative }) {
  const m = i.measurement;
  const when = i.implementedOn ? formatDate(i.implementedOn) : 'the implementation date';
  if (!m) {
    return (
      <p>
        Its KPI has results since it went live on {when}, but no estimate of the uplift was recorded when it was measured.{' '}
        <Link to={`/acid-test#acid-${i.id}`}>The acid test</Link> shows what {i.kpiName ?? 'the KPI'} did since.
      </p>
    );
  }
  const upliftInterval = formatUpliftInterval(m.upliftLow, m.upliftHigh);
  const valueInterval = formatRealisedInterval(m.realisedLow, m.realisedHigh);
  return (
    <>
      <dl className="facts facts--row measured-result">
        <div>
          <dt>Measured uplift on {i.kpiName ?? 'the KPI'}</dt>
          <dd>
            <strong>{formatUplift(m.uplift)}</strong>
            {upliftInterval ? ` (${upliftInterval})` : ''}
            <span className="facts__note">
              {i.expectedUplift !== null ? `The case expected ${formatUplift(i.expectedUplift)}. ` : ''}By{' '}
              {designLabel(m.design).toLowerCase()}.
              {m.upliftLow <= 0 && m.upliftHigh >= 0 ? ' Its interval includes zero: the change may have moved nothing.' : ''}
            </span>
          </dd>
        </div>
        <div>
          <dt>Realised a year</dt>
          <dd>
            {m.realisedAnnualValue !== null ? (
              <>
                <strong>{formatGbp(m.realisedAnnualValue)}</strong>
                {valueInterval ? ` (${valueInterval})` : ''}
              </>
            ) : (
              'Not priced: the case has no value per point'
            )}
            <span className="facts__note">
              {i.figures.annualValue !== null ? `The case expected ${formatGbp(i.figures.annualValue)} a year.` : ''}
            </span>
          </dd>
        </div>
      </dl>
      <p>
        <Link to={`/acid-test#acid-${i.id}`}>The acid test</Link> shows how it was judged;{' '}
        <Link to="/backlog/benefits">benefits realised</Link> adds it up with the rest.
      </p>
    </>
  );
}
