import { z } from 'zod';
import { ZId, ZName } from '../common/common.schema.ts';
import { ZRole } from '../organisation/organisation.schema.ts';
import type { TokenScope } from '../access/permissions.ts';

export const ZSignInInput = z.object({
  email: z.email().max(320),
  password: z.string().min(1, 'is required').max(1_000),
});
export type SignInInput = z.infer<typeof ZSignInInput>;

/** Who is calling, once authenticated: the API's context narrows to this. */
export const ZSessionActor = z.object({
  kind: z.literal('member'),
  userId: ZId,
  organisationId: ZId,
  organisationName: ZName,
  role: ZRole,
  email: z.email(),
  displayName: ZName,
});
export type SessionActor = z.infer<typeof ZSessionActor>;

/**
 * Accepting an invitation signs the person in, and says what it did: a new membership, or the
 * invited role (and team) applied to the membership they already had.
 */
export const ZInvitationAccepted = ZSessionActor.extend({
  membership: z.object({
    outcome: z.enum(['joined', 'updated']),
    /** The role they held before, when they were already a member. */
    roleBefore: ZRole.nullable(),
    /** The invitation's team, when accepting added them to it. */
    addedToTeamId: ZId.nullable(),
  }),
});
export type InvitationAccepted = z.infer<typeof ZInvitationAccepted>;

/** An integrator calling with an API token: acts for its organisation, within its scopes. */
export interface TokenActor {
  kind: 'token';
  tokenId: string;
  organisationId: string;
  scopes: TokenScope[];
}

export type Actor = SessionActor | TokenActor;
