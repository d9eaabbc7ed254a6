import type { BenefitTotal } from '@throughline/domain';
import { Bar, BarChart, CartesianGrid, ErrorBar, LabelList, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { formatGbp } from '../common/locale-format.ts';
import { niceTicks } from '../common/nice-scale.ts';
import { benefitBars, benefitChartSummary, type BenefitBar } from './benefit-format.ts';

const compactGbp = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', notation: 'compact', maximumFractionDigits: 1 });

const EXPECTED = '#dfe6ea';
const REALISED = 'var(--color-accent)';

interface LabelProps {
  x?: number | string;
  y?: number | string;
  width?: number | string;
  height?: number | string;
  index?: number;
}

/**
 * Each group's expected against realised value a year, as a pair of bars: expected pale, realised
 * solid with its 95% interval as a whisker. Each bar is named in words at its end, so neither
 * colour nor shade alone carries the meaning.
 */
export function BenefitsChart({ totals }: { totals: readonly BenefitTotal[] }) {
  const bars = benefitBars(totals);
  if (bars.length === 0) return null;
  const ends = bars.flatMap((b) => [0, b.expected, b.realised - b.whisker[0], b.realised + b.whisker[1]]);
  // Room on the right for the names and figures at the bars' ends.
  const ticks = niceTicks(Math.min(...ends), Math.max(...ends) * 1.45, 5);

  const endLabel = (name: string, value: (b: BenefitBar) => number, reach: (b: BenefitBar) => number) =>
    function EndLabel({ x = 0, y = 0, width = 0, height = 0, index = 0 }: LabelProps) {
      const bar = bars[index];
      if (!bar) return null;
      const [left, w] = [Number(x), Number(width)];
      // A bar from zero is |value| long in |w| pixels; past its right end, the whisker reaches as far again as `reach`.
      const perUnit = value(bar) !== 0 ? Math.abs(w / value(bar)) : 0;
      const end = Math.max(left, left + w) + (value(bar) > 0 ? reach(bar) * perUnit : 0) + 6;
      return (
        <text x={end} y={Number(y) + Number(height) / 2} dominantBaseline="central" fontSize={12} fill="var(--color-text)">
          <tspan fontWeight={600}>{name}</tspan> {formatGbp(value(bar))}
        </text>
      );
    };

  return (
    <figure className="benefits-chart">
      <div className="benefits-chart__scroll">
        <div role="img" aria-label={benefitChartSummary(totals)} className="benefits-chart__plot">
          <ResponsiveContainer width="100%" height={Math.max(200, bars.length * 84 + 50)}>
            {/* accessibilityLayer off: the wrapper's summary and the table below are the accessible versions. */}
            <BarChart
              data={bars}
              layout="vertical"
              margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
              barGap={4}
              barCategoryGap="24%"
              accessibilityLayer={false}
            >
              <CartesianGrid stroke="var(--color-border)" strokeDasharray="3 3" horizontal={false} />
              <XAxis
                type="number"
                domain={[ticks[0]!, ticks.at(-1)!]}
                ticks={ticks}
                tickFormatter={(v: number) => compactGbp.format(v)}
                tick={{ fontSize: 12 }}
              />
              <YAxis type="category" dataKey="label" width={180} tick={{ fontSize: 13, fill: 'var(--color-text)' }} />
              <ReferenceLine x={0} stroke="var(--color-border-strong)" />
              <Bar dataKey="expected" name="Expected" fill={EXPECTED} stroke="#b9c6cc" isAnimationActive={false}>
                <LabelList
                  content={endLabel(
                    'Expected',
                    (b) => b.expected,
                    () => 0,
                  )}
                />
              </Bar>
              <Bar dataKey="realised" name="Realised" fill={REALISED} isAnimationActive={false}>
                <ErrorBar dataKey="whisker" direction="x" width={8} strokeWidth={1.8} stroke="var(--color-text)" />
                <LabelList
                  content={endLabel(
                    'Realised',
                    (b) => b.realised,
                    (b) => b.whisker[1],
                  )}
                />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </div>
      </div>
      <figcaption className="benefits-legend">
        <span className="benefits-legend__item">
          <span className="benefits-legend__swatch benefits-legend__swatch--expected" aria-hidden="true" />
          Expected by the cases
        </span>
        <span className="benefits-legend__item">
          <span className="benefits-legend__swatch benefits-legend__swatch--realised" aria-hidden="true" />
          Realised: measured uplift × value per point
        </span>
        <span className="benefits-legend__item">
          <svg width="22" height="12" aria-hidden="true" focusable="false">
            <path d="M2 2v8M2 6h18M20 2v8" stroke="currentColor" strokeWidth="1.8" fill="none" />
          </svg>
          95% interval of what is realised
        </span>
        <span className="benefits-legend__note">Only measured initiatives: what awaits measurement is counted apart.</span>
      </figcaption>
    </figure>
  );
}
