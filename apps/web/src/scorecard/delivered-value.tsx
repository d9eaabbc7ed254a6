import type { ScorecardJourney } from '@throughline/domain';
import { formatGbp, formatGbpInterval, plural } from '../common/locale-format.ts';

/**
 * What a journey's delivered initiatives are worth: realised (measured uplift priced, with its
 * interval) and, apart from it, what those not yet measured expect, which is never counted as realised.
 */
export function DeliveredValue({ delivered: d }: { delivered: ScorecardJourney['delivered'] }) {
  if (d.implemented === 0) {
    return (
      <div>
        <dt>Realised</dt>
        <dd>Nothing delivered yet</dd>
      </div>
    );
  }
  return (
    <>
      <div>
        <dt>Realised</dt>
        <dd>
          {d.measured > 0 ? `${formatGbp(d.realisedAnnualValue)} a year` : 'Nothing measured yet'}
          {d.measured > 0 ? (
            <span className="sc-journey__note">
              {formatGbpInterval(d.realisedLow, d.realisedHigh)}, from {plural(d.measured, 'measured initiative')}
            </span>
          ) : null}
        </dd>
      </div>
      <div className="sc-journey__awaiting">
        <dt>Awaiting measurement</dt>
        <dd>
          {d.awaitingMeasurement > 0 ? `${formatGbp(d.awaitingMeasurement)} a year expected` : 'None'}
          <span className="sc-journey__note">
            {d.awaitingMeasurement > 0 ? 'Delivered, not yet measured: not counted as realised' : 'Every delivered initiative is measured'}
          </span>
        </dd>
      </div>
    </>
  );
}
