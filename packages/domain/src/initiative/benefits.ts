import { z } from 'zod';
import type { Initiative } from './initiative.schema.ts';
import { ZDesign } from './counterfactual/counterfactual.schema.ts';

const ZBenefitTotal = z.object({
  key: z.string(),
  label: z.string(),
  /** Delivered (implemented or measured) initiatives, and how many of them have been measured. */
  delivered: z.number().int(),
  measured: z.number().int(),
  /** What the measured ones' cases promised a year, against what their measured uplift is worth. */
  expectedAnnualValue: z.number(),
  realisedAnnualValue: z.number(),
  realisedLow: z.number(),
  realisedHigh: z.number(),
  /** What the delivered but not yet measured ones' cases promise: not counted as realised. */
  awaitingMeasurement: z.number(),
});
export type BenefitTotal = z.infer<typeof ZBenefitTotal>;

export const ZBenefitsPortfolio = z.object({
  total: ZBenefitTotal,
  byJourney: z.array(ZBenefitTotal),
  byTeam: z.array(ZBenefitTotal),
  byYear: z.array(ZBenefitTotal),
  initiatives: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      journeyName: z.string(),
      teamName: z.string(),
      stage: z.string(),
      year: z.string(),
      kpiName: z.string().nullable(),
      expectedUplift: z.number().nullable(),
      measuredUplift: z.number().nullable(),
      measuredLow: z.number().nullable(),
      measuredHigh: z.number().nullable(),
      design: ZDesign.nullable(),
      expectedAnnualValue: z.number().nullable(),
      realisedAnnualValue: z.number().nullable(),
      realisedLow: z.number().nullable(),
      realisedHigh: z.number().nullable(),
    }),
  ),
});
export type BenefitsPortfolio = z.infer<typeof ZBenefitsPortfolio>;

type Delivered = Pick<Initiative, 'stage' | 'figures' | 'measurement'>;

const isDelivered = (i: Pick<Initiative, 'stage'>) => i.stage === 'implemented' || i.stage === 'measured';

/**
 * Benefits realised, added up: each measured initiative's uplift priced at its value per point.
 * The interval of a sum treats the initiatives' estimates as independent: half-widths (each side)
 * add in quadrature, as the standard errors of independent estimates do.
 */
export function sumBenefits(key: string, label: string, initiatives: readonly Delivered[]): BenefitTotal {
  const delivered = initiatives.filter(isDelivered);
  const realised = delivered.filter((i) => i.measurement?.realisedAnnualValue != null);
  const value = realised.reduce((sum, i) => sum + i.measurement!.realisedAnnualValue!, 0);
  const below = Math.sqrt(realised.reduce((sum, i) => sum + (i.measurement!.realisedAnnualValue! - i.measurement!.realisedLow!) ** 2, 0));
  const above = Math.sqrt(realised.reduce((sum, i) => sum + (i.measurement!.realisedHigh! - i.measurement!.realisedAnnualValue!) ** 2, 0));
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    key,
    label,
    delivered: delivered.length,
    measured: realised.length,
    expectedAnnualValue: round(realised.reduce((sum, i) => sum + (i.figures.annualValue ?? 0), 0)),
    realisedAnnualValue: round(value),
    realisedLow: round(value - below),
    realisedHigh: round(value + above),
    awaitingMeasurement: round(delivered.filter((i) => !realised.includes(i)).reduce((sum, i) => sum + (i.figures.annualValue ?? 0), 0)),
  };
}

/** The refreshed business case: expected against realised, per initiative and added up by journey, team and year. */
export function benefitsPortfolio(initiatives: readonly Initiative[]): BenefitsPortfolio {
  const delivered = initiatives.filter(isDelivered);
  const yearOf = (i: Initiative) => (i.implementedOn ?? i.measuredOn ?? '').slice(0, 4) || 'undated';
  const groupBy = (keyOf: (i: Initiative) => string, labelOf: (i: Initiative) => string) => {
    const groups = new Map<string, Initiative[]>();
    for (const i of delivered) groups.set(keyOf(i), [...(groups.get(keyOf(i)) ?? []), i]);
    return [...groups.entries()]
      .map(([key, members]) => sumBenefits(key, labelOf(members[0]!), members))
      .sort((a, b) => b.realisedAnnualValue - a.realisedAnnualValue || a.label.localeCompare(b.label));
  };
  return {
    total: sumBenefits('all', 'All delivered initiatives', delivered),
    byJourney: groupBy(
      (i) => i.journeyId,
      (i) => i.journeyName,
    ),
    byTeam: groupBy(
      (i) => i.teamId,
      (i) => i.teamName,
    ),
    byYear: groupBy(yearOf, yearOf).sort((a, b) => a.key.localeCompare(b.key)),
    initiatives: delivered.map((i) => ({
      id: i.id,
      title: i.title,
      journeyName: i.journeyName,
      teamName: i.teamName,
      stage: i.stage,
      year: yearOf(i),
      kpiName: i.kpiName,
      expectedUplift: i.expectedUplift,
      measuredUplift: i.measurement?.uplift ?? null,
      measuredLow: i.measurement?.upliftLow ?? null,
      measuredHigh: i.measurement?.upliftHigh ?? null,
      design: i.measurement?.design ?? null,
      expectedAnnualValue: i.figures.annualValue,
      realisedAnnualValue: i.measurement?.realisedAnnualValue ?? null,
      realisedLow: i.measurement?.realisedLow ?? null,
      realisedHigh: i.measurement?.realisedHigh ?? null,
    })),
  };
}
