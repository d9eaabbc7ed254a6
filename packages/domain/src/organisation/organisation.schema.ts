import { z } from 'zod';
import { ZId, ZName } from '../common/common.schema.ts';
import { ZTimeZone } from '../kpi/period.ts';
import { ZTokenLifetimeDays } from '../access/token-lifetime.ts';

export const ZOrganisation = z.object({
  id: ZId,
  slug: z.string().regex(/^[a-z0-9-]{2,60}$/),
  name: ZName,
  currency: z.string().length(3),
  /** IANA zone whose midnight ends a period: a month is complete once it has ended there. */
  timeZone: ZTimeZone,
  /** The longest lifetime, in days, an API token may be created with; null: no limit. */
  maxTokenLifetimeDays: ZTokenLifetimeDays.nullable(),
});
export type Organisation = z.infer<typeof ZOrganisation>;

/** The settings an admin changes; any left out stay as they are. */
export const ZOrganisationSettingsInput = z.object({
  timeZone: ZTimeZone.optional(),
  /** Null lifts the limit. */
  maxTokenLifetimeDays: ZTokenLifetimeDays.nullable().optional(),
});
export type OrganisationSettingsInput = z.infer<typeof ZOrganisationSettingsInput>;

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
