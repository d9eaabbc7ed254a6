import { z } from 'zod';
import { ZId, ZName } from '../common/common.schema.ts';

export const ZOrganisation = z.object({
  id: ZId,
  slug: z.string().regex(/^[a-z0-9-]{2,60}$/),
  name: ZName,
  currency: z.string().length(3),
});
export type Organisation = z.infer<typeof ZOrganisation>;

export const ROLES = ['admin', 'cx_lead', 'team_member', 'viewer'] as const;
export const ZRole = z.enum(ROLES);
export type Role = z.infer<typeof ZRole>;

export const ZMember = z.object({
  userId: ZId,
  email: z.email(),
  displayName: ZName,
  role: ZRole,
});
export type Member = z.infer<typeof ZMember>;
