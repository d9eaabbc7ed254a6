import { z } from 'zod';
import { ZId, ZName, ZText } from '../common/common.schema.ts';

export const ZPolicy = z.object({
  id: ZId,
  name: ZName,
  statement: ZText,
  ownerTeamId: ZId,
  stepIds: z.array(ZId),
});
export type Policy = z.infer<typeof ZPolicy>;
