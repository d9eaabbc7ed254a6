import { z } from 'zod';
import { ZId, ZName, ZText, ZVersion } from '../common/common.schema.ts';

export const ZSystemInput = z.object({
  name: ZName,
  description: ZText,
  ownerTeamId: ZId.nullable(),
});
export type SystemInput = z.infer<typeof ZSystemInput>;

export const ZSystemUpdateInput = ZSystemInput.extend({ id: ZId, version: ZVersion });

export const ZSystem = ZSystemInput.extend({
  id: ZId,
  version: ZVersion,
});
export type System = z.infer<typeof ZSystem>;

export const ZSystemWithOwner = ZSystem.extend({ ownerTeamName: ZName.nullable() });
export type SystemWithOwner = z.infer<typeof ZSystemWithOwner>;
