import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import type { NpsCounts } from '../../../metrics/nps.ts';
import type { RolloutGroup } from '../counterfactual.schema.ts';
import { dateOfDay, dayNumber } from '../week-calendar.ts';

export interface PlantedGroup {
  key: string;
  label: string;
  /** When the change reaches the group; null = never (a holdout). */
  startsOn: string | null;
  /** The group's NPS without season, shocks or change. */
  level: number;
  /** Answers a week, on average (each week draws 80–120% of it). */
  answersPerWeek: number;
  /** NPS points the change adds, from the first whole week it is live (default 0: no effect). */
  effect?: number;
}

export interface PlantedRolloutPlan {
  /** A Monday. */
  firstWeek: string;
  weeks: number;
  groups: PlantedGroup[];
  /** A yearly cycle every group shares: ± amplitude NPS points, highest on day `peakDayOfYear`. */
  season?: { amplitude: number; peakDayOfYear: number };
  /** A weekly shock every group shares (a campaign, a backlog), AR(1): innovation sd and carry-over, in NPS points. */
  commonShock?: { sd: number; carryOver: number };
  /** Each group's own weekly AR(1) shock, in NPS points. */
  groupShock?: { sd: number; carryOver: number };
}

export interface PlantedRollout {
  groups: RolloutGroup[];
  /** Each group's weekly promoter and detractor counts, aligned with its weeks: what the naive before/after adds up. */
  counts: Map<string, NpsCounts[]>;
}

function normal(rng: RandomGenerator): number {
  return Math.sqrt(-2 * Math.log(1 - uniformFloat64(rng))) * Math.cos(2 * Math.PI * uniformFloat64(rng));
}

function ar1(rng: RandomGenerator, length: number, shock: { sd: number; carryOver: number } | undefined): number[] {
  const out: number[] = [];
  // Started from its stationary distribution, so the first weeks are as noisy as the rest.
  let x = shock ? (normal(rng) * shock.sd) / Math.sqrt(1 - shock.carryOver ** 2) : 0;
  for (let i = 0; i < length; i++) {
    if (shock && i > 0) x = shock.carryOver * x + shock.sd * normal(rng);
    out.push(x);
  }
  return out;
}

/**
 * Weekly NPS answers for each group of a rollout, drawn deterministically from `seed`: the
 * week's true NPS L = level + season + shocks + effect (when live), and each answer a promoter
 * with probability (0.65 + L/100)/2, a detractor with (0.65 − L/100)/2, otherwise passive — a
 * fixed 35% passives, so that the NPS of the probabilities is exactly L.
 */
export function plantedRollout(plan: PlantedRolloutPlan, seed: number): PlantedRollout {
  const rng = xoroshiro128plus(seed);
  const first = dayNumber(plan.firstWeek);
  const mondays = Array.from({ length: plan.weeks }, (_, i) => first + 7 * i);
  const season = mondays.map((monday) => {
    if (!plan.season) return 0;
    const thursday = monday + 3;
    const dayOfYear = thursday - dayNumber(`${dateOfDay(thursday).slice(0, 4)}-01-01`);
    return plan.season.amplitude * Math.cos((2 * Math.PI * (dayOfYear - plan.season.peakDayOfYear)) / 365.25);
  });
  const common = ar1(rng, plan.weeks, plan.commonShock);
  const groups: RolloutGroup[] = [];
  const counts = new Map<string, NpsCounts[]>();
  for (const group of plan.groups) {
    const own = ar1(rng, plan.weeks, plan.groupShock);
    const start = group.startsOn === null ? null : dayNumber(group.startsOn);
    const weekCounts: NpsCounts[] = mondays.map((monday, i) => {
      const live = start !== null && monday >= start;
      const nps = Math.max(-60, Math.min(60, group.level + season[i]! + common[i]! + own[i]! + (live ? (group.effect ?? 0) : 0)));
      const promoter = (0.65 + nps / 100) / 2;
      const detractor = (0.65 - nps / 100) / 2;
      const n = Math.round(group.answersPerWeek * (0.8 + 0.4 * uniformFloat64(rng)));
      let promoters = 0;
      let detractors = 0;
      for (let a = 0; a < n; a++) {
        const u = uniformFloat64(rng);
        if (u < promoter) promoters += 1;
        else if (u >= 1 - detractor) detractors += 1;
      }
      return { n, promoters, detractors };
    });
    counts.set(group.key, weekCounts);
    groups.push({
      key: group.key,
      label: group.label,
      startsOn: group.startsOn,
      weeks: weekCounts.map((c, i) => ({
        weekStart: dateOfDay(mondays[i]!),
        value: c.n > 0 ? (100 * (c.promoters - c.detractors)) / c.n : null,
        n: c.n,
      })),
    });
  }
  return { groups, counts };
}
