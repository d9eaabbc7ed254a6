import type { TeamBudget } from '@throughline/domain';
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatGbp } from '../common/locale-format.ts';

const compactGbp = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', notation: 'compact', maximumFractionDigits: 1 });

const BUSINESS = 'var(--color-accent)';
const TECHNOLOGY = '#b84f1f';
const BUDGET = '#dfe6ea';

interface Row {
  team: string;
  budget: number;
  committedBusiness: number;
  committedTechnology: number;
  spentBusiness: number;
  spentTechnology: number;
}

interface LabelProps {
  x?: number | string;
  y?: number | string;
  width?: number | string;
  height?: number | string;
  index?: number;
}

/**
 * Each team's year as three bars: the budget, what funded initiatives have committed, and what
 * they have spent, the last two split business (solid) and technology (hatched). Each bar is
 * named in words at its end, so neither colour nor pattern alone carries the meaning.
 */
export function BudgetChart({ budgets }: { budgets: readonly TeamBudget[] }) {
  const rows: Row[] = budgets.map((b) => ({
    team: b.teamName,
    budget: b.annualBudget,
    committedBusiness: b.committed.business,
    committedTechnology: b.committed.technology,
    spentBusiness: b.spent.business,
    spentTechnology: b.spent.technology,
  }));
  const max = Math.max(1, ...budgets.map((b) => Math.max(b.annualBudget, b.committed.business + b.committed.technology)));
  const summary = budgets
    .map(
      (b) =>
        `${b.teamName}: budget ${formatGbp(b.annualBudget)}, committed ${formatGbp(b.committed.business + b.committed.technology)}, spent ${formatGbp(b.spent.business + b.spent.technology)}`,
    )
    .join('. ');

  const endLabel = (name: string, total: (r: Row) => number) =>
    function EndLabel({ x = 0, y = 0, width = 0, height = 0, index = 0 }: LabelProps) {
      const row = rows[index];
      if (!row) return null;
      return (
        <text
          x={Number(x) + Number(width) + 6}
          y={Number(y) + Number(height) / 2}
          dominantBaseline="central"
          fontSize={12}
          fill="var(--color-text)"
        >
          <tspan fontWeight={600}>{name}</tspan> {formatGbp(total(row))}
        </text>
      );
    };

  return (
    <figure className="budget-chart">
      <div className="budget-chart__scroll">
        <div role="img" aria-label={`Budget, committed and spent by team. ${summary}.`} className="budget-chart__plot">
          <ResponsiveContainer width="100%" height={Math.max(240, rows.length * 92 + 40)}>
            {/* accessibilityLayer off: the wrapper's summary and the table below are the accessible versions. */}
            <BarChart
              data={rows}
              layout="vertical"
              margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
              barGap={3}
              barCategoryGap="22%"
              accessibilityLayer={false}
            >
              <defs>
                <pattern id="budget-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                  <rect width="6" height="6" fill={TECHNOLOGY} />
                  <line x1="0" y1="0" x2="0" y2="6" stroke="#fff" strokeWidth="2.2" />
                </pattern>
              </defs>
              <CartesianGrid stroke="var(--color-border)" strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" domain={[0, max * 1.3]} tickFormatter={(v: number) => compactGbp.format(v)} tick={{ fontSize: 12 }} />
              <YAxis type="category" dataKey="team" width={170} tick={{ fontSize: 13, fill: 'var(--color-text)' }} />
              <Tooltip
                content={({ active, payload }) => <BudgetTooltip active={active} row={payload?.[0]?.payload as Row | undefined} />}
                cursor={{ fill: 'rgb(15 85 102 / 6%)' }}
              />
              <Bar dataKey="budget" name="Annual budget" stackId="budget" fill={BUDGET} stroke="#b9c6cc" isAnimationActive={false}>
                <LabelList content={endLabel('Budget', (r) => r.budget)} />
              </Bar>
              <Bar dataKey="committedBusiness" name="Committed, business" stackId="committed" fill={BUSINESS} isAnimationActive={false} />
              <Bar
                dataKey="committedTechnology"
                name="Committed, technology"
                stackId="committed"
                fill="url(#budget-hatch)"
                isAnimationActive={false}
              >
                <LabelList content={endLabel('Committed', (r) => r.committedBusiness + r.committedTechnology)} />
              </Bar>
              <Bar
                dataKey="spentBusiness"
                name="Spent, business"
                stackId="spent"
                fill={BUSINESS}
                fillOpacity={0.55}
                isAnimationActive={false}
              />
              <Bar
                dataKey="spentTechnology"
                name="Spent, technology"
                stackId="spent"
                fill="url(#budget-hatch)"
                fillOpacity={0.55}
                isAnimationActive={false}
              >
                <LabelList content={endLabel('Spent', (r) => r.spentBusiness + r.spentTechnology)} />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </div>
      </div>
      <figcaption className="budget-legend">
        <span className="budget-legend__item">
          <span className="budget-legend__swatch budget-legend__swatch--budget" aria-hidden="true" />
          Annual budget
        </span>
        <span className="budget-legend__item">
          <span className="budget-legend__swatch budget-legend__swatch--business" aria-hidden="true" />
          Business (solid)
        </span>
        <span className="budget-legend__item">
          <span className="budget-legend__swatch budget-legend__swatch--technology" aria-hidden="true" />
          Technology (hatched)
        </span>
        <span className="budget-legend__note">For each team: budget, then committed, then spent (paler), each named at its end.</span>
      </figcaption>
    </figure>
  );
}

function BudgetTooltip({ active, row }: { active: boolean | undefined; row: Row | undefined }) {
  if (!active || !row) return null;
  return (
    <div className="chart-tooltip budget-tooltip">
      <strong>{row.team}</strong>
      <span>Budget {formatGbp(row.budget)}</span>
      <span>
        Committed {formatGbp(row.committedBusiness + row.committedTechnology)} (business {formatGbp(row.committedBusiness)}, technology{' '}
        {formatGbp(row.committedTechnology)})
      </span>
      <span>
        Spent {formatGbp(row.spentBusiness + row.spentTechnology)} (business {formatGbp(row.spentBusiness)}, technology{' '}
        {formatGbp(row.spentTechnology)})
      </span>
    </div>
  );
}
