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

/** An integrator calling with an API token: acts for its organisation, within its scopes. */
export interface TokenActor {
  kind: 'token';
  tokenId: string;
  organisationId: string;
  scopes: TokenScope[];
}

export type Actor = SessionActor | TokenActor;
