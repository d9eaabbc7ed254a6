import type { KpiDefinition, KpiResults } from '@throughline/domain';
import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { formatAxisTick, formatKpiValue } from './kpi-format.ts';
import { KpiPointsTable } from './kpi-series-table.tsx';

type KpiPoint = KpiResults['segments'][number];

/** The engine's name for events that carry no segment (packages/db kpi-engine.queries). */
const NO_SEGMENT = '(none)';
const BAR_SIZE = 22;

/** The headline window broken down by segment: a bar per segment, its interval drawn as a whisker. */
export function KpiSegments({ kpi, segments, period }: { kpi: KpiDefinition; segments: KpiPoint[]; period: string }) {
  const points = [...segments]
    .sort((a, b) => b.value - a.value)
    .map((p) => (p.segment === NO_SEGMENT ? { ...p, segment: 'No segment recorded' } : p));
  // Only "no segment" is no breakdown at all: the KPI's events do not carry one.
  const meaningful = segments.some((p) => p.segment !== NO_SEGMENT);
  const empty = segments.length === 0;
  const rows = points.map((p) => ({
    segment: p.segment,
    value: p.value,
    interval: p.ciLow !== null && p.ciHigh !== null ? [p.ciLow, p.ciHigh] : null,
  }));
  const summary =
    `${kpi.name} by segment in ${period}: ` +
    points.map((p) => `${p.segment} ${formatKpiValue(kpi, p.value)} (n = ${p.n})`).join(', ') +
    '.';

  return (
    <section aria-labelledby="kpi-segments-heading" className="section">
      <div className="section__header">
        <h2 id="kpi-segments-heading" className="section__title">
          By segment
        </h2>
        {period ? <p className="section__meta">{period}, with 95% intervals</p> : null}
      </div>
      {empty ? (
        <p className="muted">No answers in {period} to break down.</p>
      ) : !meaningful ? (
        <p className="muted">No segment breakdown: the events behind this KPI carry no customer segment.</p>
      ) : (
        <div className="kpi-segments">
          <div role="img" aria-label={summary} className="kpi-segments__chart">
            <ResponsiveContainer width="100%" height={Math.max(140, rows.length * 48 + 40)}>
              {/* The interval bar sits exactly over the value bar (gap = −bar size) and is drawn as a whisker. */}
              <BarChart
                data={rows}
                layout="vertical"
                margin={{ top: 8, right: 24, bottom: 4, left: 8 }}
                barSize={BAR_SIZE}
                barGap={-BAR_SIZE}
                accessibilityLayer={false}
              >
                <CartesianGrid stroke="var(--color-border)" strokeDasharray="3 3" horizontal={false} />
                <XAxis
                  type="number"
                  tick={{ fontSize: 12 }}
                  domain={[(min: number) => Math.min(0, min), 'auto']}
                  tickFormatter={(v: number) => formatAxisTick(kpi, v)}
                />
                <YAxis type="category" dataKey="segment" tick={{ fontSize: 12 }} width={130} />
                {kpi.target !== null ? (
                  <ReferenceLine x={kpi.target} stroke="var(--color-ok-text)" strokeDasharray="6 4" ifOverflow="extendDomain" />
                ) : null}
                <Bar dataKey="value" fill="var(--color-accent)" fillOpacity={0.8} isAnimationActive={false} />
                <Bar dataKey="interval" shape={Whisker} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
            {kpi.target !== null ? (
              <p className="kpi-segments__note">Dashed line: target {formatKpiValue(kpi, kpi.target)}. Whiskers: 95% interval.</p>
            ) : null}
          </div>
          <KpiPointsTable kpi={kpi} points={points} by="segment" caption={`${kpi.name} by segment in ${period}`} />
        </div>
      )}
    </section>
  );
}

/** A horizontal line across the interval with end caps, from the range bar's own box. */
function Whisker(props: { x?: number; y?: number; width?: number; height?: number }) {
  const { x = 0, y = 0, width = 0, height = 0 } = props;
  const left = Math.min(x, x + width);
  const right = Math.max(x, x + width);
  const mid = y + height / 2;
  return (
    <g stroke="var(--color-text)" strokeWidth={1.5}>
      <line x1={left} x2={right} y1={mid} y2={mid} />
      <line x1={left} x2={left} y1={mid - 6} y2={mid + 6} />
      <line x1={right} x2={right} y1={mid - 6} y2={mid + 6} />
    </g>
  );
}
