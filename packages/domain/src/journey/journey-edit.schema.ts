import { z } from 'zod';
import { ZId, ZName, ZText, ZVersion } from '../common/common.schema.ts';
import { ZChannel } from './journey.schema.ts';

const ZPosition = z.number().int().nonnegative().max(1_000);

export const ZJourneyInput = z.object({
  name: ZName,
  description: ZText,
  personas: z.array(ZName).max(20),
});
export type JourneyInput = z.infer<typeof ZJourneyInput>;

export const ZJourneyUpdateInput = ZJourneyInput.extend({ id: ZId, version: ZVersion });

// Structural edits (stages and steps added, moved or removed) are guarded by the journey's
// version, so two people rearranging one journey cannot silently undo each other.

export const ZAddStageInput = z.object({ journeyId: ZId, journeyVersion: ZVersion, name: ZName });
export const ZRenameStageInput = z.object({ stageId: ZId, journeyVersion: ZVersion, name: ZName });
export const ZMoveStageInput = z.object({ stageId: ZId, journeyVersion: ZVersion, toPosition: ZPosition });
export const ZRemoveStageInput = z.object({ stageId: ZId, journeyVersion: ZVersion });

export const ZAddStepInput = z.object({
  stageId: ZId,
  journeyVersion: ZVersion,
  name: ZName,
  channel: ZChannel,
  /** Where in the stage; the end when left out. */
  position: ZPosition.optional(),
});
export const ZMoveStepInput = z.object({ stepId: ZId, journeyVersion: ZVersion, toStageId: ZId, toPosition: ZPosition });
export const ZRemoveStepInput = z.object({ stepId: ZId, journeyVersion: ZVersion });

/** What a structural edit returns: the journey's new version, for the next edit. */
export const ZJourneyVersion = z.object({ journeyId: ZId, journeyVersion: ZVersion });
