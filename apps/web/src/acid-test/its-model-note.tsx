import { changeUnit, type AcidTestKpi } from '@throughline/domain';
import { formatDifference } from './movement-format.ts';
import type { KpiUnit } from './use-kpi-units.ts';

type Its = NonNullable<AcidTestKpi['interruptedTimeSeries']>;

const signedTwo = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' });

/**
 * What the time series' model is made of, beside its chart: the jump at the change, the change in
 * the weekly trend, whether it allows for the season, and how far its interval allows for weeks
 * that follow each other being alike.
 */
export function ItsModelNote({ its, unit }: { its: Its; unit: KpiUnit }) {
  const words = changeUnit(unit.kind, unit.unit);
  return (
    <div className="pre-trend">
      <h5 className="pre-trend__title">What the time series is made of</h5>
      <dl className="its-model">
        <div>
          <dt>Jump at the change</dt>
          <dd>{formatDifference(unit.kind, unit.unit, its.level)}</dd>
        </div>
        <div>
          <dt>Change in the weekly trend</dt>
          <dd>
            {signedTwo.format(its.slope)}
            {words ? ` ${words}` : ''} a week
          </dd>
        </div>
        <div>
          <dt>The season</dt>
          <dd>
            {its.seasonality === 'month_of_year'
              ? 'Allowed for, month by month, from a year or more of history.'
              : 'Not allowed for: less than a year of history. A seasonal swing would be read as the change.'}
          </dd>
        </div>
        <div>
          <dt>Interval</dt>
          <dd>
            Newey–West, which allows for neighbouring weeks being alike (up to {its.lag} {its.lag === 1 ? 'week' : 'weeks'} apart);{' '}
            {its.weeksBefore} weeks before the change and {its.weeksAfter} after.
          </dd>
        </div>
      </dl>
    </div>
  );
}
