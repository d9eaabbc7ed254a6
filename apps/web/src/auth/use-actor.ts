import { useQuery } from '@tanstack/react-query';
import { roleReach, type Permission, type SessionActor } from '@throughline/domain';
import { trpc } from '../trpc.ts';

/** The signed-in person. Inside the app shell this is always loaded: the shell waits for it. */
export function useActor(): SessionActor | null {
  return useQuery(trpc.auth.me.queryOptions()).data ?? null;
}

/**
 * Whether the signed-in person's role holds a permission, to decide what the page offers.
 * The server checks again on every call; this only spares people buttons that would fail.
 */
export function useCan(permission: Permission): boolean {
  const actor = useActor();
  return actor ? roleReach(actor.role, permission) !== null : false;
}
