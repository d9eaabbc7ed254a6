import { z } from 'zod';
import { ZRemitView } from '../remit/remit.schema.ts';
import { ZSystemWithOwner } from '../system/system.schema.ts';
import { ZJourney } from './journey.schema.ts';

/**
 * A journey as its blueprint page shows it, in one read: the journey with its stages and steps,
 * every system a step may name (with its owner, to mark those outside the remit), and the
 * teams holding a remit over the journey.
 */
export const ZJourneyBlueprint = z.object({
  journey: ZJourney,
  systems: z.array(ZSystemWithOwner),
  remits: z.array(ZRemitView),
});
export type JourneyBlueprint = z.infer<typeof ZJourneyBlueprint>;
