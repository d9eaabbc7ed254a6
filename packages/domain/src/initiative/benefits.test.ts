import { describe, expect, it } from 'vitest';
import { sumBenefits } from './benefits.ts';
import type { Initiative } from './initiative.schema.ts';

type Line = Pick<Initiative, 'stage' | 'figures' | 'measurement'>;
const line = (stage: Initiative['stage'], annualValue: number | null, realised: [number, number, number] | null): Line => ({
  stage,
  figures: { annualValue } as Initiative['figures'],
  measurement: realised && {
    kpiId: 'k',
    design: 'difference_in_differences',
    uplift: realised[0] / 1_000,
    upliftLow: realised[1] / 1_000,
    upliftHigh: realised[2] / 1_000,
    realisedAnnualValue: realised[0],
    realisedLow: realised[1],
    realisedHigh: realised[2],
  },
});

describe('benefits realised, added up', () => {
  it('adds measured value with an interval whose half-widths add in quadrature, and keeps the unmeasured apart', () => {
    const total = sumBenefits('all', 'All', [
      line('measured', 60_000, [50_000, 20_000, 80_000]),
      line('measured', 40_000, [10_000, -30_000, 50_000]),
      line('implemented', 25_000, null),
      line('funded', 90_000, null),
    ]);
    expect(total).toMatchObject({
      delivered: 3,
      measured: 2,
      expectedAnnualValue: 100_000,
      realisedAnnualValue: 60_000,
      awaitingMeasurement: 25_000,
    });
    // 30,000 and 40,000 below; 30,000 and 40,000 above: √(30,000² + 40,000²) = 50,000 each way.
    expect(total.realisedLow).toBe(10_000);
    expect(total.realisedHigh).toBe(110_000);
  });

  it('counts nothing realised when nothing was measured', () => {
    expect(sumBenefits('j', 'Claims', [line('implemented', 10_000, null)])).toMatchObject({
      delivered: 1,
      measured: 0,
      realisedAnnualValue: 0,
      realisedLow: 0,
      realisedHigh: 0,
      awaitingMeasurement: 10_000,
    });
  });
});
