import type { KpiResults } from '@throughline/domain';
import { Line, LineChart, ReferenceLine, ResponsiveContainer, YAxis } from 'recharts';

export interface KpiSparklineChartProps {
  /** Complete periods only: the running one is on the card in words ("Dec 2026 to date"), not drawn. */
  points: KpiResults['series'];
  target: number | null;
}

/**
 * A small line of the recent complete periods with the target dashed across it; no axes, no
 * tooltip. At this size a partial period, however it is marked, reads as a cliff, so it is left
 * to the card's "to date" line.
 */
export function KpiSparklineChart({ points, target }: KpiSparklineChartProps) {
  return (
    <ResponsiveContainer width="100%" height={48}>
      {/* accessibilityLayer off: the wrapper is the one accessible element, nothing inside takes focus. */}
      <LineChart data={points} margin={{ top: 6, right: 4, bottom: 6, left: 4 }} accessibilityLayer={false}>
        <YAxis hide domain={['dataMin', 'dataMax']} />
        {target !== null ? (
          <ReferenceLine y={target} stroke="var(--color-ok-text)" strokeDasharray="3 3" ifOverflow="extendDomain" />
        ) : null}
        <Line
          type="monotone"
          dataKey="value"
          stroke="var(--color-accent)"
          strokeWidth={2}
          dot={false}
          activeDot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
