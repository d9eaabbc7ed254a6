import type { AcidTestKpi } from '@throughline/domain';
import { Bar, CartesianGrid, ComposedChart, ResponsiveContainer, Scatter, XAxis, YAxis } from 'recharts';
import { formatAxisTick, formatKpiValue } from '../kpis/kpi-format.ts';
import { niceTicks } from '../common/nice-scale.ts';
import type { KpiUnit } from './use-kpi-units.ts';

interface Point {
  label: string;
  value: number;
  /** The interval's ends, drawn as a thin range bar: the whisker. */
  range: [number, number] | null;
}

const BEFORE = '#6b7c86';
const AFTER = 'var(--color-accent)';

/** The two values, before and after the change, each with its 95% interval as whiskers. */
export function BeforeAfterChart({ result, unit, summary }: { result: AcidTestKpi; unit: KpiUnit; summary: string }) {
  const points: Point[] = (
    [
      ['Before', result.before],
      ['After', result.after],
    ] as const
  ).flatMap(([label, side]) =>
    side.value === null
      ? []
      : [{ label, value: side.value, range: side.ciLow !== null && side.ciHigh !== null ? [side.ciLow, side.ciHigh] : null }],
  );
  if (points.length === 0) return null;
  const ends = points.flatMap((p) => [p.value, ...(p.range ?? [])]);
  const ticks = niceTicks(Math.min(...ends), Math.max(...ends));

  return (
    <div role="img" aria-label={summary} className="before-after">
      <ResponsiveContainer width="100%" height={190}>
        {/* accessibilityLayer off: the label above and the figures beside the chart are its accessible version. */}
        <ComposedChart data={points} margin={{ top: 10, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid stroke="var(--color-border)" strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="label"
            type="category"
            allowDuplicatedCategory={false}
            tick={{ fontSize: 12.5 }}
            padding={{ left: 64, right: 64 }}
          />
          <YAxis
            type="number"
            width={52}
            tick={{ fontSize: 12 }}
            domain={[ticks[0]!, ticks.at(-1)!]}
            ticks={ticks}
            tickFormatter={(v: number) => formatAxisTick(unit, v)}
          />
          {/* The 95% interval as a thin range bar under each dot (recharts' ErrorBar left the after point without one). */}
          <Bar dataKey="range" barSize={3} fill="var(--color-text-muted)" isAnimationActive={false} />
          <Scatter dataKey="value" isAnimationActive={false} shape={<ValueDot unit={unit} />} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Before in grey, after in the accent colour, each labelled with its value so colour is not needed to read it. */
function ValueDot(props: { cx?: number; cy?: number; payload?: Point; unit: KpiUnit }) {
  const { cx, cy, payload, unit } = props;
  if (cx === undefined || cy === undefined || !payload) return <g />;
  const after = payload.label === 'After';
  return (
    <g>
      <circle cx={cx} cy={cy} r={6} fill={after ? AFTER : '#fff'} stroke={after ? AFTER : BEFORE} strokeWidth={2.5} />
      {/* Before's value to its left, after's to its right: both stay clear of the whiskers and the edges. */}
      <text
        x={after ? cx + 12 : cx - 12}
        y={cy + 4}
        textAnchor={after ? 'start' : 'end'}
        fontSize={12.5}
        fontWeight={650}
        fill="var(--color-text)"
      >
        {formatKpiValue(unit, payload.value)}
      </text>
    </g>
  );
}
