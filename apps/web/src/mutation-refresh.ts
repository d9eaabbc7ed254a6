import type { MutationKey } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import type { AppRouter } from '@throughline/api';

/** `router.procedure` for each procedure of a router record that is a mutation, nested routers included. */
type MutationPaths<Record, Prefix extends string = ''> = {
  [K in keyof Record & string]: Record[K] extends { _def: { type: 'mutation' } }
    ? `${Prefix}${K}`
    : Record[K] extends { _def: { type: 'query' | 'subscription' } }
      ? never
      : MutationPaths<Record[K], `${Prefix}${K}.`>;
}[keyof Record & string];

/** Every mutation of the API, read from the router's own type: `'team.create'`, `'journey.interchange.import'` … */
export type MutationPath = MutationPaths<AppRouter['_def']['record']>;

/**
 * The mutations after which nothing is refreshed, each with its reason. Every other mutation
 * (including one this list does not know yet) refreshes everything: see `refreshesAfter`.
 */
export const NO_REFRESH = {
  // These start or end a session, and their own handlers replace the whole cache
  // (auth/session-start.ts, sign-out-button.tsx, reset-password-page.tsx): refreshing first
  // would ask for the old session's pages once more, or as nobody, and flash their errors.
  'auth.signIn': 'starts a new session; the cache is emptied for it',
  'auth.signUp': 'starts a new session; the cache is emptied for it',
  'auth.acceptInvitation': 'starts a new session; the cache is emptied for it',
  'auth.signOut': 'ends the session; the cache is emptied',
  'auth.resetPassword': 'ends every session of the person; the cache is emptied',
  'auth.requestPasswordReset': 'sends an email; nothing any page shows changes',
} as const satisfies Partial<Record<MutationPath, string>>;

/** The procedure path of a mutation made with `trpc.x.y.mutationOptions()`; none for a hand-written `mutationFn`. */
export function mutationPathOf(key: MutationKey | undefined): string | undefined {
  const path = key?.[0];
  return Array.isArray(path) && path.every((part) => typeof part === 'string') ? path.join('.') : undefined;
}

function httpStatusOf(error: unknown): number | undefined {
  return error instanceof TRPCClientError ? (error.data as { httpStatus?: number } | undefined)?.httpStatus : undefined;
}

/**
 * Whether the queries should be refreshed after a mutation settles (`error` null when it
 * succeeded). After a success, yes: it changed something, and the API keeps no finer record of
 * what than "the organisation's rows changed" (its kept answers go stale all together, see
 * apps/api/src/http/kept-answers.ts). After a refusal too (a stale version, a proposal already
 * decided, a last admin): it may mean the page showed what is no longer so. Not after a lapsed
 * session (the shell sends the person to sign in), a rate limit, or a failure to reach the
 * server: the reads would fail as well, and retry first, delaying the error.
 */
export function refreshesAfter(key: MutationKey | undefined, error: unknown): boolean {
  const path = mutationPathOf(key);
  if (path !== undefined && Object.hasOwn(NO_REFRESH, path)) return false;
  if (error === null) return true;
  const status = httpStatusOf(error);
  return status !== undefined && status >= 400 && status < 500 && status !== 401 && status !== 429;
}
