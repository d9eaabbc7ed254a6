import { WeightedTable, type SeededRandom } from './seeded-random.ts';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** Mon–Sun contact volume relative to an average day; Sunday is index 0 as in getUTCDay. */
const WEEKDAY_FACTOR = [0.45, 1.3, 1.2, 1.1, 1.05, 1.0, 0.6];

/** Most customer activity happens in the working day and the early evening. */
const HOUR_WEIGHTS = [
  0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1.2, 3.0, 4.5, 5.0, 4.8, 4.2, 4.4, 4.6, 4.3, 4.0, 3.6, 3.0, 2.8, 2.6, 2.0, 1.2, 0.5,
];

/** The twelve months of events ending at `now`. */
export class DemoCalendar {
  readonly start: number;
  readonly end: number;
  readonly days: number;
  private readonly hours = new WeightedTable(HOUR_WEIGHTS);

  constructor(now: Date) {
    const start = new Date(now.getTime());
    start.setUTCFullYear(start.getUTCFullYear() - 1);
    this.start = start.getTime();
    this.end = now.getTime();
    this.days = Math.ceil((this.end - this.start) / DAY_MS);
  }

  dayStart(day: number): number {
    return this.start + day * DAY_MS;
  }

  /** 0 at the start of the window, 1 at its end. */
  progress(at: number): number {
    return (at - this.start) / (this.end - this.start);
  }

  /**
   * A sampler of instants whose daily volume follows `dayWeight(month, weekday)` (month 0–11,
   * weekday 0 = Sunday) and whose hour of day follows the working pattern.
   */
  sampler(dayWeight: (month: number, weekday: number) => number): InstantSampler {
    const weights: number[] = [];
    for (let d = 0; d < this.days; d++) {
      const date = new Date(this.dayStart(d));
      const partial = Math.min(1, (this.end - date.getTime()) / DAY_MS);
      weights.push(dayWeight(date.getUTCMonth(), date.getUTCDay()) * WEEKDAY_FACTOR[date.getUTCDay()]! * partial);
    }
    const dayTable = new WeightedTable(weights);
    return {
      sample: (rng) => {
        const dayStart = this.dayStart(dayTable.sample(rng));
        const at = dayStart + (this.hours.sample(rng) + rng.next()) * HOUR_MS;
        return at < this.end ? Math.floor(at) : Math.floor(dayStart + rng.next() * (this.end - dayStart));
      },
    };
  }

  /** An instant spread evenly across the window, keeping clear of its ends by the given days. */
  uniform(rng: SeededRandom, startMarginDays = 0, endMarginDays = 0): number {
    const from = this.start + startMarginDays * DAY_MS;
    return Math.floor(from + rng.next() * (this.end - endMarginDays * DAY_MS - from));
  }
}

export interface InstantSampler {
  sample(rng: SeededRandom): number;
}

export function isWinter(month: number): boolean {
  return month === 11 || month === 0 || month === 1;
}

/** Storm season: claims surge from November and peak in January. */
export function claimVolumeFactor(month: number): number {
  return [1.9, 1.6, 1.1, 0.9, 0.8, 0.8, 0.85, 0.85, 0.85, 1.0, 1.3, 1.8][month]!;
}

/** Home moves peak in spring and summer, with a January surge after the holidays. */
export function buyVolumeFactor(month: number): number {
  return [1.1, 1.0, 1.15, 1.15, 1.2, 1.2, 1.15, 1.1, 1.05, 0.95, 0.85, 0.65][month]!;
}
