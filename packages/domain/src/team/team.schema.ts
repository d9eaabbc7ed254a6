import { z } from 'zod';
import { ZId, ZMoney, ZName, ZText, ZVersion } from '../common/common.schema.ts';

export const CAPABILITIES = ['design', 'engineering', 'data', 'operations', 'compliance'] as const;
export const ZCapability = z.enum(CAPABILITIES);
export type Capability = z.infer<typeof ZCapability>;

export const ZTeamInput = z.object({
  name: ZName,
  purpose: ZText,
  capabilities: z.array(ZCapability).max(CAPABILITIES.length),
  annualBudget: ZMoney,
  spendingAuthority: ZMoney,
});
export type TeamInput = z.infer<typeof ZTeamInput>;

export const ZTeamUpdateInput = ZTeamInput.extend({ id: ZId, version: ZVersion });

/** Who is in a team; each must be a member of the organisation. */
export const ZTeamMembersInput = z.object({ teamId: ZId, userIds: z.array(ZId).max(500) });

export const ZTeam = ZTeamInput.extend({
  id: ZId,
  version: ZVersion,
  memberCount: z.number().int().nonnegative(),
});
export type Team = z.infer<typeof ZTeam>;
