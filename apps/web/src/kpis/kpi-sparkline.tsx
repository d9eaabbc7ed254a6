import type { KpiResults } from '@throughline/domain';
import { Line, LineChart, ReferenceLine, ResponsiveContainer, YAxis } from 'recharts';
import { seriesRows } from './kpi-series-rows.ts';

interface KpiSparklineProps {
  points: KpiResults['series'];
  target: number | null;
  /** The trend in words: the chart's accessible name. */
  label: string;
}

const ACCENT = 'var(--color-accent)';

/**
 * A small line of the recent periods with the target dashed across it; the period still running
 * is a dashed stub to a hollow point, so it never reads as a complete period. No axes, no tooltip.
 */
export function KpiSparkline({ points, target, label }: KpiSparklineProps) {
  const rows = seriesRows(points);
  return (
    <div role="img" aria-label={label} className="kpi-sparkline">
      <ResponsiveContainer width="100%" height={48}>
        {/* accessibilityLayer off: the wrapper is the one accessible element, nothing inside takes focus. */}
        <LineChart data={rows} margin={{ top: 6, right: 6, bottom: 6, left: 4 }} accessibilityLayer={false}>
          <YAxis hide domain={['dataMin', 'dataMax']} />
          {target !== null ? <ReferenceLine y={target} stroke="var(--color-ok-text)" strokeDasharray="3 3" ifOverflow="extendDomain" /> : null}
          <Line type="monotone" dataKey="value" stroke={ACCENT} strokeWidth={2} dot={false} activeDot={false} isAnimationActive={false} connectNulls={false} />
          <Line
            type="linear"
            dataKey="partial"
            stroke={ACCENT}
            strokeWidth={1.5}
            strokeDasharray="3 3"
            dot={(props: { cx?: number; cy?: number; index?: number; payload?: { point: { complete: boolean } } }) =>
              props.cx !== undefined && props.cy !== undefined && props.payload && !props.payload.point.complete ? (
                <circle key={props.index} cx={props.cx} cy={props.cy} r={3} fill="var(--color-surface)" stroke={ACCENT} strokeWidth={1.5} />
              ) : (
                <g key={props.index} />
              )
            }
            activeDot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
