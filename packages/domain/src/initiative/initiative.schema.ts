import { z } from 'zod';
import { ZFigure, ZId, ZIsoDate, ZMoney, ZName, ZSignedMoney, ZText, ZVersion } from '../common/common.schema.ts';
import { ZApprover } from '../policy/change-proposal.schema.ts';
import { ZConfidence } from '../insight/insight.schema.ts';
import { ZDesign } from './counterfactual/counterfactual.schema.ts';
import { ALL_AT_ONCE, ZRolloutPlan } from './rollout-plan.ts';

export const INITIATIVE_STAGES = ['idea', 'designed', 'funded', 'in_delivery', 'implemented', 'measured'] as const;
export const ZInitiativeStage = z.enum(INITIATIVE_STAGES);
export type InitiativeStage = z.infer<typeof ZInitiativeStage>;

/** The investment case: what it costs (split business / technology), what it should move, and by how much. */
export const ZInvestmentCase = z.object({
  oneOffBusiness: ZMoney.default(0),
  oneOffTechnology: ZMoney.default(0),
  /** Running costs a year, from implementation on. */
  runningBusiness: ZMoney.default(0),
  runningTechnology: ZMoney.default(0),
  itEffortDays: z.number().nonnegative().max(100_000).default(0),
  systemIds: z.array(ZId).max(30).default([]),
  /** The KPI the uplift is promised on; its value per point prices the uplift. */
  kpiId: ZId.nullable().default(null),
  expectedUplift: z.number().min(-1000).max(1000).nullable().default(null),
  upliftConfidence: ZConfidence.default('medium'),
  /** A value per point entered for this case; otherwise the KPI's value link is used. */
  valuePerPointOverride: ZSignedMoney.nullable().default(null),
});
export type InvestmentCaseInput = z.infer<typeof ZInvestmentCase>;

export const ZAdoptionPlan = z.object({
  peopleToTrain: z.number().int().nonnegative().max(1_000_000).default(0),
  peopleTrained: z.number().int().nonnegative().max(1_000_000).default(0),
  /** How use is measured, e.g. "share of claims triaged with the new tool". */
  usageMeasure: ZText.default(''),
  usageValue: ZFigure.nullable().default(null),
  /** How the change reaches customers: what the acid test can compare them with. */
  rollout: ZRolloutPlan.default(ALL_AT_ONCE),
});
export type AdoptionPlan = z.infer<typeof ZAdoptionPlan>;

export const ZInitiativeInput = z
  .object({
    title: ZName,
    journeyId: ZId,
    teamId: ZId,
    problem: ZText.default(''),
    hypothesis: ZText.default(''),
    failurePointIds: z.array(ZId).max(30).default([]),
    outcomeIds: z.array(ZId).max(5).default([]),
  })
  .extend(ZInvestmentCase.shape)
  .extend(ZAdoptionPlan.shape)
  .extend({
    deliveryStartOn: ZIsoDate.nullable().default(null),
    implementedOn: ZIsoDate.nullable().default(null),
    /** What actually changed in operations when it went live: the link from design to delivery. */
    changeSummary: ZText.default(''),
    changeProposalId: ZId.nullable().default(null),
    spentBusiness: ZMoney.default(0),
    spentTechnology: ZMoney.default(0),
  });
export type InitiativeInput = z.infer<typeof ZInitiativeInput>;

export const ZInitiativeUpdateInput = ZInitiativeInput.extend({ id: ZId, version: ZVersion });

export const ZInvestmentFigures = z.object({
  oneOff: z.number(),
  annualRunning: z.number(),
  valuePerPoint: z.number().nullable(),
  valuePerPointSource: z.enum(['override', 'kpi_entered', 'value_model', 'none']),
  annualValue: z.number().nullable(),
  /** Over the stated horizon: (value − cost) / cost. */
  roi: z.number().nullable(),
  paybackMonths: z.number().nullable(),
  priority: z.number().nullable(),
  priorityExplanation: z.string(),
  noTechnologyScope: z.boolean(),
});
export type InvestmentFigures = z.infer<typeof ZInvestmentFigures>;

/**
 * Whether the promised uplift could be seen at all: the smallest true effect on the KPI that the
 * design the rollout allows would detect (80% power, two-sided 5%), at the KPI's current volume.
 */
export const ZDetectability = z.object({
  kpiId: z.string(),
  design: ZDesign,
  perMonth: z.number(),
  windowDays: z.number().int(),
  /** In the KPI's points; null when the KPI has no data yet or its kind has no variance to work from. */
  minimumDetectable: z.number().nullable(),
  /** The expected uplift is smaller than the minimum detectable effect. */
  belowDetectable: z.boolean(),
  sentence: z.string(),
});
export type Detectability = z.infer<typeof ZDetectability>;

/**
 * What the measured gate recorded: the design that decided, its estimate of the uplift on the
 * case's KPI with the 95% interval, and that uplift priced at the case's value per point.
 */
export const ZMeasurement = z.object({
  kpiId: z.string(),
  design: ZDesign,
  uplift: z.number(),
  upliftLow: z.number(),
  upliftHigh: z.number(),
  realisedAnnualValue: z.number().nullable(),
  realisedLow: z.number().nullable(),
  realisedHigh: z.number().nullable(),
});
export type Measurement = z.infer<typeof ZMeasurement>;

export const ZInitiative = ZInitiativeInput.extend({
  id: ZId,
  stage: ZInitiativeStage,
  journeyName: z.string(),
  teamName: z.string(),
  kpiName: z.string().nullable(),
  fundingApprover: ZApprover.nullable(),
  fundedOn: z.string().nullable(),
  measuredOn: z.string().nullable(),
  figures: ZInvestmentFigures,
  /**
   * When the case uses the KPI's entered value per point and that lies outside the value model's
   * 95% interval: both figures in words, and the reason given for the entered value.
   */
  valuePerPointWarning: z.object({ divergence: z.string(), reason: z.string().nullable() }).nullable(),
  evidenceCount: z.number().int(),
  detectability: ZDetectability.nullable(),
  measurement: ZMeasurement.nullable(),
  version: ZVersion,
});
export type Initiative = z.infer<typeof ZInitiative>;

export const ZAdvanceInput = z.object({
  id: ZId,
  version: ZVersion,
  to: z.enum(['designed', 'in_delivery', 'implemented', 'measured']),
});

export const ZFundingDecisionInput = z.object({
  id: ZId,
  version: ZVersion,
  decision: z.enum(['approve', 'reject']),
  reason: ZText.min(1, 'is required: say why, for the decision log'),
});
