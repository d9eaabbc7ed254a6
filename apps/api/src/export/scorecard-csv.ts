import { stringify } from 'csv-stringify/sync';
import type { Scorecard } from '@throughline/domain';

const HEADER = [
  'journey',
  'owner',
  'kpi',
  'unit',
  'period_start',
  'value',
  'ci_low',
  'ci_high',
  'n',
  'small_sample',
  'target',
  'standing',
  'trend',
  'value_per_point',
  'value_at_stake',
  'journey_value_at_stake',
  'backlog_initiatives',
  'backlog_annual_value',
  'initiatives_implemented',
  'outcomes_achieved',
  'outcomes',
  'top_failure_point',
  'top_failure_point_annual_cost',
];

/** One row per journey and KPI (a journey without KPIs still gets its row), numbers unformatted for spreadsheets. */
export function scorecardCsv(s: Scorecard): string {
  const rows = s.journeys.flatMap((j) => {
    const journey = [j.valueAtStake, j.backlog.initiatives, j.backlog.annualValue, j.delivered.implemented, j.delivered.outcomesAchieved, j.delivered.outcomes, j.topFailurePoints[0]?.title ?? '', j.topFailurePoints[0]?.annualCost ?? ''];
    if (j.kpis.length === 0) return [[j.journeyName, j.owner ?? '', '', '', '', '', '', '', '', '', '', '', '', '', '', ...journey]];
    return j.kpis.map((k) => [
      j.journeyName,
      j.owner ?? '',
      k.name,
      k.unit,
      k.latest?.periodStart ?? '',
      k.latest?.value ?? '',
      k.latest?.ciLow ?? '',
      k.latest?.ciHigh ?? '',
      k.latest?.n ?? '',
      k.latest ? String(k.latest.smallSample) : '',
      k.target ?? '',
      k.standing,
      k.trend?.sentence ?? '',
      k.valuePerPoint ?? '',
      k.valueAtStake ?? '',
      ...journey,
    ]);
  });
  return stringify([HEADER, ...rows]);
}
