import { z } from 'zod';
import { ZId, ZName, ZText } from '../common/common.schema.ts';

export const ZSystem = z.object({
  id: ZId,
  name: ZName,
  description: ZText,
  ownerTeamId: ZId.nullable(),
});
export type System = z.infer<typeof ZSystem>;

export const ZSystemWithOwner = ZSystem.extend({ ownerTeamName: ZName.nullable() });
export type SystemWithOwner = z.infer<typeof ZSystemWithOwner>;
