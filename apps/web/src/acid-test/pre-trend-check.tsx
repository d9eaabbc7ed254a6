import { changeUnit, type AcidTestKpi } from '@throughline/domain';
import { formatDate } from '../common/locale-format.ts';
import { WarningIcon } from '../common/warning-icon.tsx';
import { formatDifference, formatDifferenceInterval, formatPValue } from './movement-format.ts';
import type { KpiUnit } from './use-kpi-units.ts';

type Did = NonNullable<AcidTestKpi['differenceInDifferences']>;

const signed = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' });

/**
 * What a difference in differences rests on: before the change, the two groups moved in parallel.
 * The chart beside it shows the lines; this says whether the gap drifted more than chance would
 * have it, in words with a mark.
 */
export function PreTrendCheck({ did, unit }: { did: Did; unit: KpiUnit }) {
  const { preTrend } = did;
  const words = changeUnit(unit.kind, unit.unit);
  return (
    <div className="pre-trend">
      <h5 className="pre-trend__title">Did the groups move in parallel before the change?</h5>
      <p className={`pre-trend__verdict pre-trend__verdict--${preTrend.parallel ? 'parallel' : 'diverging'}`}>
        {preTrend.parallel ? <CheckIcon /> : <WarningIcon />}
        <span>
          <strong>{preTrend.parallel ? 'Yes: parallel pre-trends.' : 'No: the groups were already drifting apart.'}</strong> Over the{' '}
          {did.weeksBefore} weeks before, the gap between them moved {signed.format(preTrend.slope)}
          {words ? ` ${words}` : ''} a week ({formatPValue(preTrend.pValue)}
          ).{' '}
          {preTrend.parallel
            ? 'That is within chance, so the customers not reached yet are a fair stand-in for what the reached would have done.'
            : 'Part of the estimate may be that drift, not the change: read it with care.'}
        </span>
      </p>
    </div>
  );
}

/** Each wave's own estimate, when the rollout had more than one, and the waves left out, with why. */
export function WaveEffects({ did, unit }: { did: Did; unit: KpiUnit }) {
  if (did.waves.length < 2 && did.skipped.length === 0) return null;
  return (
    <div className="pre-trend__waves-wrap">
      <h5 className="pre-trend__title">Each wave against those not reached yet</h5>
      <div className="table-wrap">
        <table className="table pre-trend__waves">
          <caption className="visually-hidden">Each wave’s estimated effect, against the customers not reached yet</caption>
          <thead>
            <tr>
              <th scope="col">Wave</th>
              <th scope="col">Went live</th>
              <th scope="col">Effect (95% CI)</th>
              <th scope="col">Compared with</th>
            </tr>
          </thead>
          <tbody>
            {did.waves.map((w) => (
              <tr key={w.key}>
                <th scope="row">{w.label}</th>
                <td className="nowrap">{formatDate(w.startsOn)}</td>
                <td className="nowrap">
                  {formatDifference(unit.kind, unit.unit, w.effect)} ({formatDifferenceInterval(unit.kind, w.low, w.high)})
                </td>
                <td>{w.comparisonLabels.join(', ') || '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {did.skipped.length > 0 ? (
        <ul className="pre-trend__skipped" aria-label="Waves left out of the estimate">
          {did.skipped.map((why) => (
            <li key={why}>{why}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function CheckIcon() {
  return (
    <svg className="flag__icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <circle cx="10" cy="10" r="8.5" fill="currentColor" />
      <path d="m6 10.2 2.6 2.6L14 7.4" fill="none" stroke="#fff" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
