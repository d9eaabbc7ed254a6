import { z } from 'zod';
import { ZId, ZName, ZText } from '../common/common.schema.ts';

export const ZSystemInput = z.object({
  name: ZName,
  description: ZText,
  ownerTeamId: ZId.nullable(),
});
export type SystemInput = z.infer<typeof ZSystemInput>;

export const ZSystemUpdateInput = ZSystemInput.extend({ id: ZId, version: z.number().int().positive() });

export const ZSystem = ZSystemInput.extend({
  id: ZId,
  version: z.number().int().positive(),
});
export type System = z.infer<typeof ZSystem>;

export const ZSystemWithOwner = ZSystem.extend({ ownerTeamName: ZName.nullable() });
export type SystemWithOwner = z.infer<typeof ZSystemWithOwner>;
