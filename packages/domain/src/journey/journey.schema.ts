import { z } from 'zod';
import { ZId, ZName, ZText, ZVersion } from '../common/common.schema.ts';

export const CHANNELS = ['web', 'app', 'phone', 'email', 'chat', 'sms', 'post', 'in_person', 'partner'] as const;
export const ZChannel = z.enum(CHANNELS);
export type Channel = z.infer<typeof ZChannel>;

/** The lanes of a service blueprint for one step, top (customer) to bottom (systems). */
export const ZBlueprint = z.object({
  customerAction: ZText,
  frontstage: ZText,
  backstage: ZText,
  supportProcesses: ZText,
  evidence: ZText,
  systemIds: z.array(ZId).max(50),
});
export type Blueprint = z.infer<typeof ZBlueprint>;

export const ZStep = z.object({
  id: ZId,
  stageId: ZId,
  name: ZName,
  channel: ZChannel,
  position: z.number().int().nonnegative(),
  blueprint: ZBlueprint,
  dependsOnStepIds: z.array(ZId),
  version: ZVersion,
});
export type Step = z.infer<typeof ZStep>;

export const ZStage = z.object({
  id: ZId,
  name: ZName,
  position: z.number().int().nonnegative(),
  steps: z.array(ZStep),
});
export type Stage = z.infer<typeof ZStage>;

/** A step by name, for views that name the steps KPIs are scoped to. */
export const ZStepName = z.object({ id: z.string(), name: z.string(), journeyId: z.string() });
export type StepName = z.infer<typeof ZStepName>;

export const ZJourneySummary = z.object({
  id: ZId,
  name: ZName,
  description: ZText,
  personas: z.array(ZName),
  accountableTeamId: ZId.nullable(),
  accountableTeamName: ZName.nullable(),
  stageCount: z.number().int().nonnegative(),
  stepCount: z.number().int().nonnegative(),
  version: ZVersion,
});
export type JourneySummary = z.infer<typeof ZJourneySummary>;

export const ZJourney = ZJourneySummary.extend({ stages: z.array(ZStage) });
export type Journey = z.infer<typeof ZJourney>;

/** An edit of one step in place: its name, channel and blueprint lanes; `version` guards it. */
export const ZStepUpdateInput = z.object({
  stepId: ZId,
  version: ZVersion,
  name: ZName.optional(),
  channel: ZChannel.optional(),
  customerAction: ZText.optional(),
  frontstage: ZText.optional(),
  backstage: ZText.optional(),
  supportProcesses: ZText.optional(),
  evidence: ZText.optional(),
  /** Replaces the systems the step relies on; the blueprint's systems lane. */
  systemIds: z.array(ZId).max(50).optional(),
  /** Replaces the steps this one depends on, within the same journey. */
  dependsOnStepIds: z.array(ZId).max(50).optional(),
});
export type StepUpdateInput = z.infer<typeof ZStepUpdateInput>;
