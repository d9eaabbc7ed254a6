import { belowMinimum, type KpiDefinition, type KpiResults } from '@throughline/domain';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  ErrorBar,
  Line,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatCount } from '../common/locale-format.ts';
import { formatAxisTick, formatKpiInterval, formatKpiValue } from './kpi-format.ts';
import { seriesRows, type SeriesRow } from './kpi-series-rows.ts';
import { describeTrend } from './kpi-trend.ts';

type KpiPoint = KpiResults['series'][number];

interface ChartRow extends SeriesRow {
  /** [ciLow, ciHigh] of a complete period: recharts draws an Area between the two when a value is a pair. */
  band: [number, number] | null;
}

const ACCENT = 'var(--color-accent)';
const WARNING = '#c77700';

/**
 * The series with its shaded 95% band, target and threshold lines. Periods below the KPI's
 * minimum sample are ringed in amber; the period still running is a hollow point of its own,
 * labelled "to date" with its interval as a whisker, not joined to the line: never read as complete.
 */
export function KpiSeriesChart({
  kpi,
  series,
  window,
}: {
  kpi: KpiDefinition;
  series: KpiPoint[];
  window: { from: string; to: string; label: string };
}) {
  const rows: ChartRow[] = seriesRows(series).map((r) => ({
    ...r,
    band: r.point.complete && r.point.ciLow !== null && r.point.ciHigh !== null ? [r.point.ciLow, r.point.ciHigh] : null,
  }));
  const hasBand = rows.some((r) => r.band);
  // The periods the headline covers, shaded so the chart shows what the page leads with.
  const shown = rows.filter((r) => r.point.periodStart >= window.from && r.point.periodStart < window.to);
  const running = series.filter((p) => !p.complete);
  // The running period is drawn hollow on its own; the amber rings are for complete periods.
  const small = series.filter((p) => p.complete && belowMinimum(kpi, p.n)).length;
  const summary =
    `${kpi.name} by period. ${describeTrend(
      rows.map((r) => ({ label: r.point.complete ? r.label : `${r.label} (to date)`, value: r.point.value })),
      (v) => formatKpiValue(kpi, v),
    )}` +
    (running.length > 0 ? ` ${running.map((p) => p.label).join(', ')} is still running: its value covers part of the period.` : '') +
    (kpi.target !== null ? ` Target ${formatKpiValue(kpi, kpi.target)}.` : '') +
    (kpi.threshold !== null ? ` Warning threshold ${formatKpiValue(kpi, kpi.threshold)}.` : '') +
    (small > 0
      ? ` ${formatCount(small)} ${small === 1 ? 'period has' : 'periods have'} fewer than ${formatCount(kpi.minSample)} answers.`
      : '');

  return (
    <figure className="chart-panel kpi-chart">
      <div role="img" aria-label={summary} className="kpi-chart__plot">
        <ResponsiveContainer width="100%" height={320}>
          {/* accessibilityLayer off: the wrapper's summary and the table below are the accessible versions. */}
          <ComposedChart data={rows} margin={{ top: 12, right: 24, bottom: 4, left: 8 }} accessibilityLayer={false}>
            <CartesianGrid stroke="var(--color-border)" strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} tickMargin={6} minTickGap={16} padding={{ left: 8, right: 16 }} />
            <YAxis tick={{ fontSize: 12 }} width={64} domain={['auto', 'auto']} tickFormatter={(v: number) => formatAxisTick(kpi, v)} />
            <Tooltip
              content={({ active, payload }) => (
                <PeriodTooltip active={active} row={payload?.[0]?.payload as ChartRow | undefined} kpi={kpi} />
              )}
            />
            {shown.length === 1 ? (
              <ReferenceLine
                x={shown[0]!.label}
                stroke="var(--color-accent)"
                strokeOpacity={0.6}
                strokeDasharray="2 3"
                label={{ value: 'Shown', position: 'insideTop', fontSize: 11, fill: 'var(--color-text-muted)' }}
              />
            ) : shown.length > 1 ? (
              <ReferenceArea
                x1={shown[0]!.label}
                x2={shown.at(-1)!.label}
                fill="var(--color-accent)"
                fillOpacity={0.07}
                stroke="var(--color-accent)"
                strokeOpacity={0.35}
                strokeDasharray="2 3"
                ifOverflow="extendDomain"
                label={{ value: 'Shown', position: 'insideTop', fontSize: 11, fill: 'var(--color-text-muted)' }}
              />
            ) : null}
            {hasBand ? (
              <Area
                dataKey="band"
                stroke="none"
                fill={ACCENT}
                fillOpacity={0.16}
                isAnimationActive={false}
                activeDot={false}
                name="95% interval"
              />
            ) : null}
            {kpi.target !== null ? (
              <ReferenceLine
                y={kpi.target}
                stroke="var(--color-ok-text)"
                strokeDasharray="6 4"
                ifOverflow="extendDomain"
                label={{ value: 'Target', position: 'insideTopRight', fontSize: 12, fill: 'var(--color-ok-text)' }}
              />
            ) : null}
            {kpi.threshold !== null ? (
              <ReferenceLine
                y={kpi.threshold}
                stroke="var(--color-danger-text)"
                strokeDasharray="2 4"
                ifOverflow="extendDomain"
                label={{ value: 'Warning', position: 'insideBottomRight', fontSize: 12, fill: 'var(--color-danger-text)' }}
              />
            ) : null}
            <Line
              dataKey="value"
              stroke={ACCENT}
              strokeWidth={2.5}
              isAnimationActive={false}
              dot={(props) => renderDot(props, kpi)}
              activeDot={{ r: 5 }}
              name={kpi.name}
              connectNulls={false}
            />
            {running.length > 0 ? (
              <Line
                dataKey="partial"
                stroke="none"
                isAnimationActive={false}
                dot={renderRunningDot}
                activeDot={{ r: 5 }}
                name="To date"
                legendType="none"
              >
                <ErrorBar dataKey="partialError" width={8} strokeWidth={1.5} stroke={ACCENT} strokeDasharray="3 2" direction="y" />
              </Line>
            ) : null}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="chart-panel__legend">
        <span className="chart-swatch kpi-legend kpi-legend--value">Value, complete periods</span>
        {running.length > 0 ? (
          <span className="chart-swatch kpi-legend kpi-legend--to-date">To date, with its interval (period still running)</span>
        ) : null}
        {hasBand ? <span className="chart-swatch kpi-legend kpi-legend--band">95% confidence interval</span> : null}
        {kpi.target !== null ? (
          <span className="chart-swatch kpi-legend kpi-legend--target">Target {formatKpiValue(kpi, kpi.target)}</span>
        ) : null}
        {kpi.threshold !== null ? (
          <span className="chart-swatch kpi-legend kpi-legend--threshold">Warning at {formatKpiValue(kpi, kpi.threshold)}</span>
        ) : null}
        {small > 0 ? (
          <span className="chart-swatch kpi-legend kpi-legend--small">Fewer than {formatCount(kpi.minSample)} answers</span>
        ) : null}
      </figcaption>
    </figure>
  );
}

interface DotProps {
  cx?: number;
  cy?: number;
  index?: number;
  payload?: ChartRow;
}

/** A dot per complete period; one below the minimum sample gets a larger hollow amber ring. */
function renderDot(props: DotProps, kpi: KpiDefinition) {
  const { cx, cy, index, payload } = props;
  if (cx === undefined || cy === undefined || !payload || payload.value === null) return <g key={index} />;
  if (belowMinimum(kpi, payload.point.n))
    return <circle key={index} cx={cx} cy={cy} r={5.5} fill="#fff" stroke={WARNING} strokeWidth={2.5} />;
  return <circle key={index} cx={cx} cy={cy} r={3} fill={ACCENT} />;
}

/** The running period: a hollow point with "to date" beside it; the stub's start gets no dot of its own. */
function renderRunningDot(props: DotProps) {
  const { cx, cy, index, payload } = props;
  if (cx === undefined || cy === undefined || !payload || payload.point.complete) return <g key={index} />;
  return (
    <g key={index} className="kpi-chart__to-date">
      <circle cx={cx} cy={cy} r={5.5} fill="var(--color-surface)" stroke={ACCENT} strokeWidth={2} strokeDasharray="3 2" />
      <text x={cx - 9} y={cy - 11} textAnchor="end" fontSize={12} fill="var(--color-text-muted)">
        to date
      </text>
    </g>
  );
}

function PeriodTooltip({ active, row, kpi }: { active: boolean | undefined; row: ChartRow | undefined; kpi: KpiDefinition }) {
  if (!active || !row) return null;
  const interval = formatKpiInterval(kpi, row.point.ciLow, row.point.ciHigh);
  return (
    <div className="chart-tooltip">
      <strong>{row.point.complete ? row.label : `${row.label} (to date)`}</strong>
      <span>{formatKpiValue(kpi, row.point.value)}</span>
      {interval ? <span>95% CI {interval}</span> : null}
      <span>
        n = {formatCount(row.point.n)}
        {belowMinimum(kpi, row.point.n) ? ` · too few answers (minimum ${formatCount(kpi.minSample)})` : ''}
      </span>
      {!row.point.complete ? <span>Still running: part of the period</span> : null}
    </div>
  );
}
