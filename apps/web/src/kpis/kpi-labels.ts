import { surveyScale, type Grain, type KpiDefinition, type KpiKind, type KpiValue } from '@throughline/domain';
import { formatCount } from '../common/locale-format.ts';

const KIND_LABEL: Record<KpiKind, string> = {
  nps: 'NPS',
  csat: 'CSAT',
  ces: 'CES',
  ces_agree: 'CES % agree',
  rate: 'Rate',
  mean: 'Mean',
  median: 'Median',
  p90: '90th percentile',
  count: 'Count',
  sum: 'Sum',
  ratio: 'Ratio',
};

const GRAIN_LABEL: Record<Grain, string> = { day: 'Daily', week: 'Weekly', month: 'Monthly', quarter: 'Quarterly' };

export function kindLabel(kind: KpiKind): string {
  return KIND_LABEL[kind];
}

/** "CSAT (4–5 of 1–5)": the kind, and for CSAT and CES % agree which answers count as satisfied on which scale. */
export function kindDescription(kpi: Pick<KpiDefinition, 'kind' | 'source'>): string {
  if ((kpi.kind !== 'csat' && kpi.kind !== 'ces_agree') || kpi.source.stream !== 'survey') return kindLabel(kpi.kind);
  const { max, positiveFrom } = surveyScale(kpi.source);
  return `${kindLabel(kpi.kind)} (${positiveFrom === max ? max : `${positiveFrom}–${max}`} of 1–${max})`;
}

export function grainLabel(grain: Grain): string {
  return GRAIN_LABEL[grain];
}

export function directionLabel(direction: KpiDefinition['direction']): string {
  return direction === 'higher_is_better' ? 'Higher is better' : 'Lower is better';
}

/** "20 NPS", "48 hours": a target or threshold in the KPI's unit. */
export function kpiValue(value: number, unit: string): string {
  return unit ? `${formatCount(value)} ${unit}` : formatCount(value);
}

const METHOD_LABEL: Record<KpiValue['method'], string> = {
  'nps-adjusted-wald': 'NPS, adjusted Wald',
  'agresti-coull': 'Share, Agresti–Coull',
  'mean-t-interval': 'Mean, t-interval',
  median: 'Median',
  p90: '90th percentile',
  count: 'Count',
  sum: 'Sum',
  ratio: 'Ratio',
};

/** How a value and its interval were computed, in words for the numbers table. */
export function methodLabel(method: KpiValue['method']): string {
  return METHOD_LABEL[method];
}
