import { z } from 'zod';
import { text, ZId, ZName } from '../common/common.schema.ts';
import { ZRole } from '../organisation/organisation.schema.ts';
import { TOKEN_SCOPES } from './permissions.ts';
import { ZTokenLifetimeDays } from './token-lifetime.ts';

export const ZTokenScope = z.enum(TOKEN_SCOPES);

/** Long enough to resist guessing, short enough to type; argon2id does the rest. */
export const ZPassword = text().min(12, 'must be at least 12 characters').max(200);
export const ZEmail = z
  .email()
  .max(320)
  .transform((e) => e.toLowerCase());

export const ZSignUpInput = z.object({
  organisationName: ZName,
  displayName: ZName,
  email: ZEmail,
  password: ZPassword,
});

export const ZInviteInput = z.object({
  email: ZEmail,
  role: ZRole,
  teamId: ZId.nullable().default(null),
});

export const ZAcceptInvitationInput = z.object({
  token: z.string().min(20).max(200),
  displayName: ZName,
  password: ZPassword,
});

export const ZPasswordResetRequest = z.object({ email: ZEmail });
export const ZPasswordResetInput = z.object({ token: z.string().min(20).max(200), password: ZPassword });

export const ZCreateTokenInput = z.object({
  name: ZName,
  scopes: z.array(ZTokenScope).min(1, 'choose at least one scope').max(TOKEN_SCOPES.length),
  /**
   * Days until the token stops working; null for a token that lasts until revoked, which an
   * organisation with a longest token lifetime refuses.
   */
  expiresInDays: ZTokenLifetimeDays.nullable().default(90),
});

export const ZApiTokenSummary = z.object({
  id: ZId,
  name: ZName,
  prefix: z.string(),
  scopes: z.array(ZTokenScope),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  /** Who created it; null once their account is gone. */
  createdBy: z.object({ userId: ZId, displayName: ZName }).nullable(),
  /**
   * Why an admin should look at a live token again: whoever created it has since lost the right
   * to manage tokens (demoted) or left the organisation. Null for a revoked or expired token.
   */
  attention: z.enum(['creator_demoted', 'creator_removed']).nullable(),
});
export type ApiTokenSummary = z.infer<typeof ZApiTokenSummary>;

export const ZMemberSummary = z.object({
  userId: ZId,
  email: z.string(),
  displayName: ZName,
  role: ZRole,
  teams: z.array(z.object({ id: ZId, name: ZName })),
  joinedAt: z.string(),
});
export type MemberSummary = z.infer<typeof ZMemberSummary>;
