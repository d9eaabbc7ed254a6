import { addPeriods, currentPeriodStart, periodLabel, type Grain } from '@throughline/domain';

/** How far back a KPI page offers single periods to choose from. */
const OFFERED: Record<Grain, number> = { day: 62, week: 53, month: 24, quarter: 12 };

/**
 * The periods a one-KPI page offers, newest first, from the organisation's today: the running
 * one marked "to date", then the complete ones, labelled as the API labels them.
 */
export function periodOptions(grain: Grain, today: string): { value: string; label: string }[] {
  const current = currentPeriodStart(grain, today);
  return Array.from({ length: OFFERED[grain] }, (_, k) => {
    const start = addPeriods(current, grain, -k);
    return { value: start, label: k === 0 ? `${periodLabel(start, grain)} (to date)` : periodLabel(start, grain) };
  });
}
