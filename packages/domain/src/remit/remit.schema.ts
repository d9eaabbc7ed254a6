import { z } from 'zod';
import { ZId, ZName } from '../common/common.schema.ts';

export const ZRemitRole = z.enum(['accountable', 'contributing']);
export type RemitRole = z.infer<typeof ZRemitRole>;

/** A team's ownership of a journey: exactly one accountable team per journey; others contribute. */
export const ZRemit = z.object({
  id: ZId,
  journeyId: ZId,
  teamId: ZId,
  role: ZRemitRole,
  /** Contributing remits may be narrowed to steps; empty means the whole journey. */
  stepIds: z.array(ZId),
});
export type Remit = z.infer<typeof ZRemit>;

export const ZRemitInput = z.object({
  journeyId: ZId,
  teamId: ZId,
  role: ZRemitRole,
  stepIds: z.array(ZId).max(200).default([]),
});
export type RemitInput = z.infer<typeof ZRemitInput>;

/** A remit as lists show it, with the team's name. */
export const ZRemitView = ZRemit.extend({ teamName: ZName, journeyName: ZName });
export type RemitView = z.infer<typeof ZRemitView>;
