import { stringify } from 'csv-stringify/sync';
import type { Scorecard } from '@throughline/domain';
import { valueSourceLabel } from './scorecard-format.ts';

const HEADER = [
  'journey',
  'owner',
  'kpi',
  'unit',
  'period_start',
  'period',
  'period_complete',
  'value',
  'ci_low',
  'ci_high',
  'n',
  'min_sample',
  'target',
  'status',
  'status_label',
  'trend',
  'trend_test',
  'to_date_period',
  'to_date_value',
  'to_date_n',
  'value_per_point',
  'value_per_point_source',
  'value_per_point_divergence',
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

/** What a spreadsheet reads as the start of a formula (OWASP, CSV injection): = + - @, tab, carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell as a spreadsheet will show it, never run it: one that would start a formula gets a
 * leading apostrophe (a journey named `=HYPERLINK(…)` is text, not a link). Only text passes
 * here; numbers, -3.2 among them, are written as numbers.
 */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** One row per journey and KPI (a journey without KPIs still gets its row), numbers unformatted for spreadsheets. */
export function scorecardCsv(s: Scorecard): string {
  const rows = s.journeys.flatMap((j) => {
    const journey = [
      j.valueAtStake,
      j.backlog.initiatives,
      j.backlog.annualValue,
      j.delivered.implemented,
      j.delivered.outcomesAchieved,
      j.delivered.outcomes,
      j.topFailurePoints[0]?.title ?? '',
      j.topFailurePoints[0]?.annualCost ?? '',
    ];
    if (j.kpis.length === 0)
      return [[j.journeyName, j.owner ?? '', ...Array<string>(HEADER.length - 2 - journey.length).fill(''), ...journey]];
    return j.kpis.map((k) => [
      j.journeyName,
      j.owner ?? '',
      k.name,
      k.unit,
      k.period.from,
      k.period.label,
      String(k.period.complete),
      k.latest?.value ?? '',
      k.latest?.ciLow ?? '',
      k.latest?.ciHigh ?? '',
      k.latest?.n ?? '',
      k.minSample,
      k.target ?? '',
      k.status,
      k.statusLabel,
      k.trend?.sentence ?? '',
      k.trend?.method ?? '',
      k.toDate?.label ?? '',
      k.toDate?.value ?? '',
      k.toDate?.n ?? '',
      k.valuePerPoint ?? '',
      valueSourceLabel(k),
      k.valuePerPointDivergence ?? '',
      k.valueAtStake ?? '',
      ...journey,
    ]);
  });
  return stringify([HEADER, ...rows], { cast: { string: neutraliseFormula } });
}
