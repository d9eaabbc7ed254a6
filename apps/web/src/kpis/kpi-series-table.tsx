import { belowMinimum, type KpiDefinition, type KpiPoint } from '@throughline/domain';
import { formatCount } from '../common/locale-format.ts';
import { formatKpiInterval, formatKpiValue, formatPeriod } from './kpi-format.ts';
import { methodLabel } from './kpi-labels.ts';

/** Past this many rows the table scrolls in its own box, so the segments stay within reach. */
const SCROLL_AFTER = 14;

type Row = KpiPoint & { complete?: boolean; label?: string };

interface KpiPointsTableProps {
  kpi: KpiDefinition;
  points: readonly Row[];
  /** The first column: the period for a series, the segment for a breakdown. */
  by: 'period' | 'segment';
  caption: string;
}

/**
 * The numbers behind a chart, for screen readers and for people who would rather read figures.
 * A period still running says "to date"; one below the KPI's minimum sample says so by its n.
 * Columns with nothing to say (no interval for a median, one method for all segments) are left out.
 */
export function KpiPointsTable({ kpi, points, by, caption }: KpiPointsTableProps) {
  const hasInterval = points.some((p) => p.ciLow !== null && p.ciHigh !== null);
  const showMethod = by === 'period';
  const scrolls = points.length > SCROLL_AFTER;
  return (
    <div
      className={scrolls ? 'table-wrap kpi-points-wrap kpi-points-wrap--scroll' : 'table-wrap kpi-points-wrap'}
      // A scrolling box must be reachable by keyboard to be scrolled; it is named by its table.
      {...(scrolls ? { tabIndex: 0, role: 'region', 'aria-label': caption } : {})}
    >
      <table className="table kpi-points">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{by === 'period' ? 'Period' : 'Segment'}</th>
            <th scope="col" className="num">
              Value
            </th>
            {hasInterval ? (
              <th scope="col" className="num">
                95% interval
              </th>
            ) : null}
            <th scope="col" className="num">
              n
            </th>
            {showMethod ? <th scope="col">Method</th> : null}
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={`${p.periodStart}:${p.segment}`}>
              <th scope="row">
                {by === 'period' ? (p.label ?? formatPeriod(p.periodStart, kpi.grain)) : p.segment}
                {p.complete === false ? <span className="kpi-tag">to date</span> : null}
              </th>
              <td className="num">{formatKpiValue(kpi, p.value)}</td>
              {hasInterval ? (
                <td className="num">{formatKpiInterval(kpi, p.ciLow, p.ciHigh) ?? <span className="muted">None</span>}</td>
              ) : null}
              <td className="num">
                {formatCount(p.n)}
                {belowMinimum(kpi, p.n) && p.n > 0 ? <span className="kpi-tag">too few: minimum {formatCount(kpi.minSample)}</span> : null}
              </td>
              {showMethod ? <td>{methodLabel(p.method)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
