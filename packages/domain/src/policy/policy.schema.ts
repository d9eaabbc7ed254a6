import { z } from 'zod';
import { ZId, ZName, ZText, ZVersion } from '../common/common.schema.ts';

export const ZPolicyInput = z.object({
  name: ZName,
  statement: ZText,
  ownerTeamId: ZId,
  /** The steps the policy governs. */
  stepIds: z.array(ZId).max(200),
  /** Teams besides the owner that may change it (decision rights). */
  decisionRightTeamIds: z.array(ZId).max(50),
});
export type PolicyInput = z.infer<typeof ZPolicyInput>;

export const ZPolicyUpdateInput = ZPolicyInput.extend({ id: ZId, version: ZVersion });

export const ZPolicy = ZPolicyInput.extend({
  id: ZId,
  ownerTeamName: ZName,
  version: ZVersion,
});
export type Policy = z.infer<typeof ZPolicy>;
