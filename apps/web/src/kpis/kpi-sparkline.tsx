import { Line, LineChart, ReferenceLine, ResponsiveContainer, YAxis } from 'recharts';

interface KpiSparklineProps {
  values: readonly { periodStart: string; value: number }[];
  target: number | null;
  /** The trend in words: the chart's accessible name. */
  label: string;
}

/** A small line of the recent periods with the target dashed across it; no axes, no tooltip. */
export function KpiSparkline({ values, target, label }: KpiSparklineProps) {
  return (
    <div role="img" aria-label={label} className="kpi-sparkline">
      <ResponsiveContainer width="100%" height={48}>
        {/* accessibilityLayer off: the wrapper is the one accessible element, nothing inside takes focus. */}
        <LineChart data={values} margin={{ top: 6, right: 4, bottom: 6, left: 4 }} accessibilityLayer={false}>
          <YAxis hide domain={['dataMin', 'dataMax']} />
          {target !== null ? <ReferenceLine y={target} stroke="var(--color-ok-text)" strokeDasharray="3 3" ifOverflow="extendDomain" /> : null}
          <Line type="monotone" dataKey="value" stroke="var(--color-accent)" strokeWidth={2} dot={false} activeDot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
