import type { FailurePoint } from '@throughline/domain';
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatGbp, plural } from '../common/locale-format.ts';
import { niceTicks } from '../common/nice-scale.ts';
import { frequencyText, gapText } from './failure-point-format.ts';

/** Beyond this many bars the chart stops being a glance; the table below lists every one. */
export const CHART_LIMIT = 12;
const ROW_HEIGHT = 46;
/** Characters per line of a bar's name before it wraps; two lines at most. */
const LINE_CHARS = 34;

const compactGbp = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', notation: 'compact', maximumFractionDigits: 1 });

interface Row {
  id: string;
  name: string;
  cost: number;
  evidenced: boolean;
  point: FailurePoint;
}

/** The ranking as bars, costliest at the top; a bar with no evidence behind it is hatched and says so. */
export function FailureCostChart({ points }: { points: readonly FailurePoint[] }) {
  const rows: Row[] = points
    .slice(0, CHART_LIMIT)
    .map((f) => ({ id: f.id, name: f.title, cost: f.annualCost, evidenced: f.evidenceCount > 0, point: f }));
  const ticks = niceTicks(0, Math.max(...rows.map((r) => r.cost), 1), 5);
  const unevidenced = rows.some((r) => !r.evidenced);
  const summary =
    `Annual cost of failure, costliest first: ` +
    rows.map((r) => `${r.name}, ${formatGbp(r.cost)}${r.evidenced ? '' : ' (no evidence)'}`).join('; ') +
    (points.length > rows.length ? `; and ${plural(points.length - rows.length, 'more failure point')} in the table.` : '.');

  return (
    <figure className="chart-panel fp-chart">
      <div role="img" aria-label={summary}>
        <ResponsiveContainer width="100%" height={rows.length * ROW_HEIGHT + 36}>
          {/* accessibilityLayer off: the summary above and the table below are the accessible versions. */}
          <BarChart
            data={rows}
            layout="vertical"
            margin={{ top: 4, right: 150, bottom: 4, left: 8 }}
            barCategoryGap={10}
            accessibilityLayer={false}
          >
            <defs>
              <pattern id="fp-hatch" width="7" height="7" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect width="7" height="7" fill="#fff4e0" />
                <line x1="0" y1="0" x2="0" y2="7" stroke="#c77700" strokeWidth="3" />
              </pattern>
            </defs>
            <CartesianGrid stroke="var(--color-border)" strokeDasharray="3 3" horizontal={false} />
            <XAxis
              type="number"
              tick={{ fontSize: 12 }}
              domain={[0, ticks.at(-1)!]}
              ticks={ticks}
              tickFormatter={(v: number) => compactGbp.format(v)}
            />
            <YAxis type="category" dataKey="name" width={270} tick={<NameTick />} interval={0} />
            <Tooltip
              cursor={{ fill: 'var(--color-accent-soft)' }}
              content={({ active, payload }) => <CostTooltip active={active} row={payload?.[0]?.payload as Row | undefined} />}
            />
            <Bar dataKey="cost" isAnimationActive={false} shape={<CostBar />}>
              <LabelList dataKey="cost" position="right" content={<CostLabel rows={rows} />} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="chart-panel__legend">
        <span className="chart-swatch fp-legend fp-legend--evidenced">Backed by evidence</span>
        {unevidenced ? <span className="chart-swatch fp-legend fp-legend--unevidenced">No evidence yet (hatched)</span> : null}
        {points.length > rows.length ? (
          <span>
            The {CHART_LIMIT} costliest of {points.length}; the table lists them all.
          </span>
        ) : null}
      </figcaption>
    </figure>
  );
}

/** The bar's name on one or two lines, cut with an ellipsis past that. */
function NameTick(props: { x?: number; y?: number; payload?: { value: string } }) {
  const { x = 0, y = 0, payload } = props;
  const lines = wrap(payload?.value ?? '');
  return (
    <text x={x - 8} y={y} textAnchor="end" fontSize={13} fill="var(--color-text)">
      {lines.map((line, i) => (
        <tspan key={i} x={x - 8} dy={i === 0 ? (lines.length === 1 ? 4 : -3) : 15}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

function wrap(text: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && `${line} ${word}`.length > LINE_CHARS) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  if (lines.length <= 2) return lines;
  const second = lines.slice(1).join(' ');
  return [lines[0]!, `${second.slice(0, LINE_CHARS - 1).trimEnd()}…`];
}

function CostBar(props: { x?: number; y?: number; width?: number; height?: number; payload?: Row }) {
  const { x = 0, y = 0, width = 0, height = 0, payload } = props;
  const evidenced = payload?.evidenced ?? true;
  return (
    <rect
      x={x}
      y={y}
      width={Math.max(width, 2)}
      height={height}
      rx={3}
      fill={evidenced ? 'var(--color-accent)' : 'url(#fp-hatch)'}
      stroke={evidenced ? 'none' : '#c77700'}
      strokeWidth={evidenced ? 0 : 1.5}
    />
  );
}

function CostLabel(props: {
  x?: number | string;
  y?: number | string;
  width?: number | string;
  height?: number | string;
  index?: number;
  rows: Row[];
}) {
  const { x = 0, y = 0, width = 0, height = 0, index = 0, rows } = props;
  const row = rows[index];
  if (!row) return null;
  return (
    <text x={Number(x) + Number(width) + 8} y={Number(y) + Number(height) / 2 + 4} fontSize={13} fill="var(--color-text)">
      <tspan fontWeight={650}>{formatGbp(row.cost)}</tspan>
      {row.evidenced ? null : (
        <tspan fill="var(--color-warning-text)" dx={6}>
          no evidence
        </tspan>
      )}
    </text>
  );
}

function CostTooltip({ active, row }: { active: boolean | undefined; row: Row | undefined }) {
  if (!active || !row) return null;
  const f = row.point;
  return (
    <div className="chart-tooltip fp-tooltip">
      <strong>{f.title}</strong>
      <span>
        {f.stepName} · {f.journeyName}
      </span>
      <span>
        {formatGbp(f.annualCost)} a year: {frequencyText(f)}
      </span>
      <span>Expectation vs capability {gapText(f)}</span>
      <span>{f.evidenceCount === 0 ? 'No evidence yet' : plural(f.evidenceCount, 'insight') + ' as evidence'}</span>
    </div>
  );
}
