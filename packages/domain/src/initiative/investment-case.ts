import type { Confidence } from '../insight/insight.schema.ts';
import type { InvestmentCaseInput, InvestmentFigures } from './initiative.schema.ts';

/** ROI and priority are judged over three years of value against three years of cost. */
export const HORIZON_YEARS = 3;

/** How much of an expected uplift the priority counts, by the confidence stated for it. */
export const CONFIDENCE_WEIGHT: Record<Confidence, number> = { low: 0.3, medium: 0.6, high: 0.9 };

export type ValuePerPointSource = InvestmentFigures['valuePerPointSource'];

/** The value per point a case is priced with: its own override, else the KPI's value link. */
export function pickValuePerPoint(
  override: number | null,
  kpi: { entered: number | null; modelled: number | null } | null,
): { value: number | null; source: ValuePerPointSource } {
  if (override !== null) return { value: override, source: 'override' };
  if (kpi?.entered != null) return { value: kpi.entered, source: 'kpi_entered' };
  if (kpi?.modelled != null) return { value: kpi.modelled, source: 'value_model' };
  return { value: null, source: 'none' };
}

const money = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/**
 * The investment case's figures. Annual value = uplift × value per point; cost over the horizon
 * = one-off + horizon × running; ROI = (horizon × annual value − that cost) / that cost; payback
 * = one-off ÷ (annual value − running) a month; priority = confidence weight × value / cost over
 * the horizon (what each pound is expected to return, discounted for doubt).
 */
export function investmentFigures(
  c: InvestmentCaseInput,
  valuePerPoint: { value: number | null; source: ValuePerPointSource },
): InvestmentFigures {
  // Costs count to the penny, as their numeric(14,2) columns store them: a cost of a
  // fraction of a penny is no cost, and never a divisor that turns ROI infinite.
  const oneOff = toPenny(toPenny(c.oneOffBusiness) + toPenny(c.oneOffTechnology));
  const annualRunning = toPenny(toPenny(c.runningBusiness) + toPenny(c.runningTechnology));
  const annualValue = c.expectedUplift !== null && valuePerPoint.value !== null ? round(c.expectedUplift * valuePerPoint.value, 2) : null;
  const horizonCost = oneOff + HORIZON_YEARS * annualRunning;
  const roi = annualValue !== null && horizonCost > 0 ? round((HORIZON_YEARS * annualValue - horizonCost) / horizonCost, 4) : null;
  const netMonthly = annualValue !== null ? (annualValue - annualRunning) / 12 : null;
  const paybackMonths = netMonthly !== null && netMonthly > 0 ? round(oneOff / netMonthly, 1) : null;
  const weight = CONFIDENCE_WEIGHT[c.upliftConfidence];
  const priority = annualValue !== null && horizonCost > 0 ? round((weight * HORIZON_YEARS * annualValue) / horizonCost, 2) : null;
  const priorityExplanation =
    priority === null
      ? annualValue === null
        ? 'No priority yet: it needs an expected uplift on a KPI with a value per point.'
        : 'No priority yet: it needs a cost.'
      : `${CONFIDENCE_WEIGHT[c.upliftConfidence]} (${c.upliftConfidence} confidence) × £${money.format(HORIZON_YEARS * annualValue!)} value over ${HORIZON_YEARS} years ÷ £${money.format(horizonCost)} cost over ${HORIZON_YEARS} years = ${priority}: each pound is expected to return £${priority.toFixed(2)} after discounting for doubt.`;
  return {
    oneOff,
    annualRunning,
    valuePerPoint: valuePerPoint.value,
    valuePerPointSource: valuePerPoint.source,
    annualValue,
    roi,
    paybackMonths,
    priority,
    priorityExplanation,
    noTechnologyScope: hasNoTechnologyScope(c),
  };
}

/** CX change that touches no system and costs technology nothing is usually a poster, not a change. */
export function hasNoTechnologyScope(
  c: Pick<InvestmentCaseInput, 'oneOffTechnology' | 'runningTechnology' | 'itEffortDays' | 'systemIds'>,
): boolean {
  return c.oneOffTechnology === 0 && c.runningTechnology === 0 && c.itEffortDays === 0 && c.systemIds.length === 0;
}

function toPenny(x: number): number {
  return round(x, 2);
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
