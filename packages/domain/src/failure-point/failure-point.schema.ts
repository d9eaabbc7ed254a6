import { z } from 'zod';
import { ZId, ZMoney, ZName, ZText, ZVersion } from '../common/common.schema.ts';

/** 1 (poor) to 5 (excellent): what customers expect at a step, and what operations deliver. */
export const ZRating = z.number().int().min(1, 'must be 1–5').max(5, 'must be 1–5');

export const FREQUENCY_PERIODS = ['week', 'month', 'quarter', 'year'] as const;
export const ZFrequencyPeriod = z.enum(FREQUENCY_PERIODS);
export type FrequencyPeriod = z.infer<typeof ZFrequencyPeriod>;

/** What a failure costs each time it happens: a repeat call, an escalation, a lost customer… */
export const COST_BASES = ['contact', 'escalation', 'rework', 'churn', 'compensation', 'other'] as const;
export const ZCostBasis = z.enum(COST_BASES);

export const ZFailurePointInput = z.object({
  journeyId: ZId,
  stepId: ZId,
  title: ZName,
  description: ZText,
  expectation: ZRating,
  capability: ZRating,
  /** How often it happens, per `frequencyPeriod`. */
  frequency: z.number().finite().nonnegative().max(1e9),
  frequencyPeriod: ZFrequencyPeriod,
  costBasis: ZCostBasis,
  /** What one occurrence costs, in the organisation's currency. */
  unitCost: ZMoney,
  kpiIds: z.array(ZId).max(20).default([]),
});
export type FailurePointInput = z.infer<typeof ZFailurePointInput>;

export const ZFailurePointUpdateInput = ZFailurePointInput.extend({ id: ZId, version: ZVersion });

export const ZFailurePoint = ZFailurePointInput.extend({
  id: ZId,
  journeyName: z.string(),
  stepName: z.string(),
  /** expectation − capability: how far operations fall short (negative when they exceed it). */
  gap: z.number(),
  annualCost: z.number(),
  /** Insights that back it up: a failure point with none is an assertion, not evidence. */
  evidenceCount: z.number().int(),
  version: ZVersion,
});
export type FailurePoint = z.infer<typeof ZFailurePoint>;
