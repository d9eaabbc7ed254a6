import type { ScorecardJourney } from '@throughline/domain';
import { Link } from 'react-router';
import { formatCount } from '../common/locale-format.ts';
import { WarningIcon } from '../common/warning-icon.tsx';
import { formatKpiInterval, formatKpiValue } from '../kpis/kpi-format.ts';
import { KpiStatusFlag } from '../kpis/kpi-status-flag.tsx';
import { stakeText, toDateLabel, valueSourceLabel } from './scorecard-stake.ts';

/**
 * A journey's KPIs against target: the headline window's value with its interval and n, the
 * running period beside it "to date", the status in the domain's words, the change with its test,
 * and what the gap is worth with the source of its value per point.
 */
export function ScorecardKpiTable({ journey }: { journey: ScorecardJourney }) {
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
              Value, with 95% interval and n
            </th>
            <th scope="col" className="num">
              Target
            </th>
            <th scope="col">Status</th>
            <th scope="col">Change on the period before</th>
            <th scope="col" className="num">
              Value at stake
            </th>
          </tr>
        </thead>
        <tbody>
          {journey.kpis.map((k) => {
            // The row carries what decides the format: a signed NPS, a CSAT share, a month or a quarter.
            const unit = { kind: k.kind, unit: k.unit, grain: k.grain };
            const interval = k.latest ? formatKpiInterval(unit, k.latest.ciLow, k.latest.ciHigh) : null;
            const source = valueSourceLabel(k.valuePerPointSource);
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
                      </span>
                    </>
                  ) : (
                    <span className="muted">No answers</span>
                  )}
                  <span className="sc-kpis__detail">
                    {k.period.complete ? k.period.label : `${k.period.label} (to date: still running)`}
                  </span>
                  {k.toDate ? (
                    <span className="sc-kpis__detail sc-kpis__to-date">
                      {toDateLabel(k.toDate.label)} to date: {formatKpiValue(unit, k.toDate.value)}, n = {formatCount(k.toDate.n)}
                    </span>
                  ) : null}
                </td>
                <td className="num">{k.target === null ? <span className="muted">None</span> : formatKpiValue(unit, k.target)}</td>
                <td>
                  <KpiStatusFlag status={k.status} label={k.statusLabel} />
                </td>
                <td className="sc-kpis__trend">
                  {k.trend ? (
                    <>
                      <span aria-hidden="true" className="sc-kpis__arrow">
                        {k.trend.difference > 0 ? '↑' : k.trend.difference < 0 ? '↓' : '→'}
                      </span>{' '}
                      <span className={k.trend.significant ? 'sc-kpis__significant' : undefined}>{k.trend.sentence}</span>
                    </>
                  ) : (
                    <span className="muted">No earlier period with answers</span>
                  )}
                </td>
                <td className="num">
                  {k.valueAtStake ? <strong>{stakeText(k)}</strong> : <span className="muted">{stakeText(k)}</span>}
                  {source && k.valuePerPoint !== null ? (
                    <span className="sc-kpis__detail">
                      at £{formatCount(Math.round(k.valuePerPoint))} a point, {source}
                    </span>
                  ) : null}
                  {k.valuePerPointDivergence ? (
                    <span className="sc-kpis__divergence">
                      <WarningIcon />
                      <span>{k.valuePerPointDivergence}</span>
                    </span>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
