import { CartesianGrid, ComposedChart, Line, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDate } from '../common/locale-format.ts';
import { niceTicks } from '../common/nice-scale.ts';
import { formatAxisTick, formatKpiValue } from '../kpis/kpi-format.ts';
import {
  chartSummary,
  formatMonthTick,
  formatWeek,
  monthTicks,
  type CounterfactualChartData,
  type SeriesLine,
} from './counterfactual-series.ts';
import type { KpiUnit } from './use-kpi-units.ts';

const DASH: Record<SeriesLine['style'], string | undefined> = { solid: undefined, dashed: '7 4', dotted: '2 3' };

type Row = CounterfactualChartData['rows'][number];

interface CounterfactualChartProps {
  kpiName: string;
  chart: CounterfactualChartData;
  /** Whether this design decided the verdict; one that did not is shown for reference, and says so. */
  decides: boolean;
  unit: KpiUnit;
}

/**
 * Observed against counterfactual, week by week: the deciding design's lines, the weeks after the
 * change shaded and the change (or each wave) marked. Lines differ by stroke as well as colour,
 * and the legend draws each stroke; the weekly figures are in a table below for reading exactly.
 */
export function CounterfactualChart({ kpiName, chart, decides, unit }: CounterfactualChartProps) {
  const values = chart.rows.flatMap((r) => [r.a, r.b, r.c]).filter((v): v is number => v !== null);
  if (values.length === 0) return null;
  const ticks = niceTicks(Math.min(...values), Math.max(...values), 5);
  const format = (v: number) => formatKpiValue(unit, v);
  const summary = chartSummary(kpiName, chart, format);
  const title = chart.design === 'difference_in_differences' ? 'Reached against not reached yet' : 'Observed against its own trend';
  return (
    <figure className="counterfactual">
      <figcaption className="counterfactual__title">
        {title}, week by week
        {decides ? null : <span className="counterfactual__reference">For reference: this design did not decide the verdict</span>}
      </figcaption>
      <div role="img" aria-label={summary} className="counterfactual__plot">
        <ResponsiveContainer width="100%" height={260}>
          {/* accessibilityLayer off: the label above and the weekly table below are its accessible versions. */}
          <ComposedChart data={chart.rows} margin={{ top: 22, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid stroke="var(--color-border)" strokeDasharray="3 3" vertical={false} />
            {chart.after ? (
              <ReferenceArea
                x1={chart.after.from}
                x2={chart.after.to}
                fill="var(--color-accent-soft)"
                fillOpacity={0.6}
                label={{ value: 'After', position: 'insideTopRight', fontSize: 12, fill: 'var(--color-text-muted)' }}
              />
            ) : null}
            <XAxis
              dataKey="weekStart"
              ticks={monthTicks(chart.rows.map((r) => r.weekStart))}
              tickFormatter={formatMonthTick}
              tick={{ fontSize: 12 }}
              tickMargin={6}
            />
            <YAxis
              type="number"
              width={56}
              tick={{ fontSize: 12 }}
              domain={[ticks[0]!, ticks.at(-1)!]}
              ticks={ticks}
              tickFormatter={(v: number) => formatAxisTick(unit, v)}
            />
            <Tooltip
              content={({ active, payload }) => (
                <WeekTooltip active={active} row={payload?.[0]?.payload as Row | undefined} lines={chart.lines} format={format} />
              )}
            />
            {chart.lines.map((line) => (
              <Line
                key={line.key}
                dataKey={line.key}
                name={line.name}
                stroke={line.colour}
                strokeWidth={line.key === 'a' ? 2 : 2.5}
                strokeDasharray={DASH[line.style]}
                dot={line.dots ? { r: 2.2, fill: line.colour, strokeWidth: 0 } : false}
                activeDot={{ r: 4 }}
                connectNulls={false}
                isAnimationActive={false}
              />
            ))}
            {chart.marks.map((mark) => (
              <ReferenceLine
                key={`${mark.label}-${mark.weekStart}`}
                x={mark.weekStart}
                stroke="var(--color-text)"
                strokeDasharray="4 3"
                label={{ value: mark.label, position: 'top', fontSize: 12, fontWeight: 650, fill: 'var(--color-text)' }}
              />
            ))}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <ul className="counterfactual__legend" aria-label="Lines">
        {chart.lines.map((line) => (
          <li key={line.key}>
            <svg width="30" height="10" aria-hidden="true" focusable="false">
              <line x1="1" y1="5" x2="29" y2="5" stroke={line.colour} strokeWidth="2.5" strokeDasharray={DASH[line.style]} />
            </svg>
            {line.name}
          </li>
        ))}
      </ul>
      <WeeklyTable chart={chart} format={format} />
    </figure>
  );
}

function WeekTooltip({
  active,
  row,
  lines,
  format,
}: {
  active: boolean | undefined;
  row: Row | undefined;
  lines: SeriesLine[];
  format: (v: number) => string;
}) {
  if (!active || !row) return null;
  return (
    <div className="chart-tooltip counterfactual__tooltip">
      <strong>
        {formatWeek(row.weekStart)}
        {row.after ? ', after the change' : ''}
      </strong>
      {lines.map((line) =>
        row[line.key] === null ? null : (
          <span key={line.key}>
            {line.name}: {format(row[line.key]!)}
          </span>
        ),
      )}
    </div>
  );
}

/** The chart's figures, week by week: for a screen reader, or anyone who wants the numbers. */
function WeeklyTable({ chart, format }: { chart: CounterfactualChartData; format: (v: number) => string }) {
  return (
    <details className="counterfactual__figures">
      <summary>The weekly figures</summary>
      <div className="table-wrap counterfactual__table" tabIndex={0} role="region" aria-label="Weekly figures">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Week of</th>
              {chart.lines.map((line) => (
                <th key={line.key} scope="col" className="num">
                  {line.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {chart.rows.map((row) => (
              <tr key={row.weekStart}>
                <th scope="row" className="nowrap">
                  {formatDate(row.weekStart)}
                  {row.after ? <span className="counterfactual__after"> · after</span> : null}
                </th>
                {chart.lines.map((line) => (
                  <td key={line.key} className="num">
                    {row[line.key] === null ? '–' : format(row[line.key]!)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
