import type { KpiDefinition, KpiResults } from '@throughline/domain';
import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount } from '../common/locale-format.ts';
import { formatAxisTick, formatKpiInterval, formatKpiValue, formatPeriod } from './kpi-format.ts';
import { describeTrend } from './kpi-trend.ts';

type KpiPoint = KpiResults['series'][number];

interface ChartRow {
  label: string;
  value: number;
  /** [ciLow, ciHigh]: recharts draws an Area between the two when a value is a pair. */
  band: [number, number] | null;
  point: KpiPoint;
}

const ACCENT = 'var(--color-accent)';
const WARNING = '#c77700';

/** The series with its shaded 95% band, target and threshold lines; small samples ringed in amber. */
export function KpiSeriesChart({ kpi, series }: { kpi: KpiDefinition; series: KpiPoint[] }) {
  const rows: ChartRow[] = series.map((p) => ({
    label: formatPeriod(p.periodStart, kpi.grain),
    value: p.value,
    band: p.ciLow !== null && p.ciHigh !== null ? [p.ciLow, p.ciHigh] : null,
    point: p,
  }));
  const hasBand = rows.some((r) => r.band);
  const small = series.filter((p) => p.smallSample).length;
  const summary =
    `${kpi.name} by period. ${describeTrend(rows, (v) => formatKpiValue(kpi, v))}` +
    (kpi.target !== null ? ` Target ${formatKpiValue(kpi, kpi.target)}.` : '') +
    (kpi.threshold !== null ? ` Warning threshold ${formatKpiValue(kpi, kpi.threshold)}.` : '') +
    (small > 0 ? ` ${formatCount(small)} periods have small samples.` : '');

  return (
    <figure className="chart-panel kpi-chart">
      <div role="img" aria-label={summary} className="kpi-chart__plot">
        <ResponsiveContainer width="100%" height={320}>
          {/* accessibilityLayer off: the wrapper's summary and the table below are the accessible versions. */}
          <ComposedChart data={rows} margin={{ top: 12, right: 24, bottom: 4, left: 8 }} accessibilityLayer={false}>
            <CartesianGrid stroke="var(--color-border)" strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} tickMargin={6} minTickGap={16} />
            <YAxis tick={{ fontSize: 12 }} width={64} domain={['auto', 'auto']} tickFormatter={(v: number) => formatAxisTick(kpi, v)} />
            <Tooltip content={({ active, payload }) => <PeriodTooltip active={active} row={payload?.[0]?.payload as ChartRow | undefined} kpi={kpi} />} />
            {hasBand ? <Area dataKey="band" stroke="none" fill={ACCENT} fillOpacity={0.16} isAnimationActive={false} activeDot={false} name="95% interval" /> : null}
            {kpi.target !== null ? (
              <ReferenceLine y={kpi.target} stroke="var(--color-ok-text)" strokeDasharray="6 4" ifOverflow="extendDomain" label={{ value: 'Target', position: 'insideTopRight', fontSize: 12, fill: 'var(--color-ok-text)' }} />
            ) : null}
            {kpi.threshold !== null ? (
              <ReferenceLine y={kpi.threshold} stroke="var(--color-danger-text)" strokeDasharray="2 4" ifOverflow="extendDomain" label={{ value: 'Warning', position: 'insideBottomRight', fontSize: 12, fill: 'var(--color-danger-text)' }} />
            ) : null}
            <Line dataKey="value" stroke={ACCENT} strokeWidth={2.5} isAnimationActive={false} dot={renderDot} activeDot={{ r: 5 }} name={kpi.name} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="chart-panel__legend">
        <span className="chart-swatch kpi-legend kpi-legend--value">Value</span>
        {hasBand ? <span className="chart-swatch kpi-legend kpi-legend--band">95% confidence interval</span> : null}
        {kpi.target !== null ? <span className="chart-swatch kpi-legend kpi-legend--target">Target {formatKpiValue(kpi, kpi.target)}</span> : null}
        {kpi.threshold !== null ? <span className="chart-swatch kpi-legend kpi-legend--threshold">Warning at {formatKpiValue(kpi, kpi.threshold)}</span> : null}
        {small > 0 ? <span className="chart-swatch kpi-legend kpi-legend--small">Small sample</span> : null}
      </figcaption>
    </figure>
  );
}

/** A dot per period; a small-sample period gets a larger hollow amber ring so it stands out. */
function renderDot(props: { cx?: number; cy?: number; index?: number; payload?: ChartRow }) {
  const { cx, cy, index, payload } = props;
  if (cx === undefined || cy === undefined) return <g key={index} />;
  if (payload?.point.smallSample) return <circle key={index} cx={cx} cy={cy} r={5.5} fill="#fff" stroke={WARNING} strokeWidth={2.5} />;
  return <circle key={index} cx={cx} cy={cy} r={3} fill={ACCENT} />;
}

function PeriodTooltip({ active, row, kpi }: { active: boolean | undefined; row: ChartRow | undefined; kpi: KpiDefinition }) {
  if (!active || !row) return null;
  const interval = formatKpiInterval(kpi, row.point.ciLow, row.point.ciHigh);
  return (
    <div className="kpi-tooltip">
      <strong>{row.label}</strong>
      <span>{formatKpiValue(kpi, row.value)}</span>
      {interval ? <span>95% CI {interval}</span> : null}
      <span>
        n = {formatCount(row.point.n)}
        {row.point.smallSample ? ' · small sample' : ''}
      </span>
    </div>
  );
}
