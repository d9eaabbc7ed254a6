import type { ScorecardJourney } from '@throughline/domain';
import { Link } from 'react-router';
import { formatCount, formatGbp } from '../common/locale-format.ts';
import { formatKpiInterval, formatKpiValue, formatLatestPeriod } from '../kpis/kpi-format.ts';
import { StandingFlag } from './scorecard-labels.tsx';
import type { KpiUnit } from './use-kpi-units.ts';

type Kpi = ScorecardJourney['kpis'][number];

/** What the gap to target is worth, or why there is no figure. */
function stakeText(k: Kpi): string {
  if (k.valueAtStake !== null) return k.valueAtStake === 0 ? '£0 (target met)' : `${formatGbp(k.valueAtStake)} a year`;
  if (k.latest === null) return 'No value yet';
  if (k.target === null) return 'No target';
  return 'No value per point';
}

/**
 * The API's trend sentence where it carries a significance test ("down 2.9 points, not
 * significant at n = 428"); for counts, sums and medians, which have none, the change in the
 * KPI's own format ("down £99,882") rather than a bare number.
 */
function trendText(trend: NonNullable<Kpi['trend']>, unit: KpiUnit): string {
  if (/significant/.test(trend.sentence)) return trend.sentence;
  if (trend.difference === 0) return 'unchanged';
  return `${trend.difference > 0 ? 'up' : 'down'} ${formatKpiValue(unit, Math.abs(trend.difference))}`;
}

/** A journey's KPIs against target: latest value with its interval, standing, trend and what the gap is worth. */
export function ScorecardKpiTable({ journey, units }: { journey: ScorecardJourney; units: (kpiId: string, unit: string) => KpiUnit }) {
  if (journey.kpis.length === 0) return <p className="muted">No KPIs measure this journey yet.</p>;
  return (
    // Wider than a narrow screen: the box scrolls, so it takes keyboard focus and is named by its table.
    <div className="table-wrap" tabIndex={0} role="region" aria-label={`${journey.journeyName}: KPIs against target`}>
      <table className="table sc-kpis">
        <caption className="visually-hidden">{journey.journeyName}: KPIs against target</caption>
        <thead>
          <tr>
            <th scope="col">KPI</th>
            <th scope="col" className="num">
              Latest, with 95% interval and n
            </th>
            <th scope="col" className="num">
              Target
            </th>
            <th scope="col">Standing</th>
            <th scope="col">Trend on the period before</th>
            <th scope="col" className="num">
              Value at stake
            </th>
          </tr>
        </thead>
        <tbody>
          {journey.kpis.map((k) => {
            const unit = units(k.kpiId, k.unit);
            const interval = k.latest ? formatKpiInterval(unit, k.latest.ciLow, k.latest.ciHigh) : null;
            return (
              <tr key={k.kpiId}>
                <th scope="row">
                  <Link to={`/kpis/${k.kpiId}`}>{k.name}</Link>
                </th>
                <td className="num">
                  {k.latest ? (
                    <>
                      <span className="sc-kpis__value">{formatKpiValue(unit, k.latest.value)}</span>
                      <span className="sc-kpis__detail">
                        {interval ? `${interval} · ` : ''}n = {formatCount(k.latest.n)}
                        {k.latest.smallSample ? ', small sample' : ''}
                      </span>
                      <span className="sc-kpis__detail">{formatLatestPeriod(k.latest.periodStart, unit.grain)}</span>
                    </>
                  ) : (
                    <span className="muted">None yet</span>
                  )}
                </td>
                <td className="num">{k.target === null ? <span className="muted">None</span> : formatKpiValue(unit, k.target)}</td>
                <td>
                  <StandingFlag standing={k.standing} direction={k.direction} />
                </td>
                <td className="sc-kpis__trend">
                  {k.trend ? (
                    <>
                      <span aria-hidden="true" className="sc-kpis__arrow">
                        {k.trend.difference > 0 ? '↑' : k.trend.difference < 0 ? '↓' : '→'}
                      </span>{' '}
                      <span className={k.trend.significant ? 'sc-kpis__significant' : undefined}>{trendText(k.trend, unit)}</span>
                    </>
                  ) : (
                    <span className="muted">No earlier period</span>
                  )}
                </td>
                <td className="num">{k.valueAtStake ? <strong>{stakeText(k)}</strong> : <span className="muted">{stakeText(k)}</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
