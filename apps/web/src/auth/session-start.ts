import type { SessionActor } from '@throughline/domain';
import { useNavigate } from 'react-router';
import { queryClient, trpc } from '../trpc.ts';

/** After signing in, signing up or accepting an invitation: start clean as the new person, then go on. */
export function useStartSession(): (actor: SessionActor, path: string) => Promise<void> {
  const navigate = useNavigate();
  return async (actor, path) => {
    // Whatever the cache held belonged to the previous session, or to nobody.
    queryClient.removeQueries();
    queryClient.setQueryData(trpc.auth.me.queryKey(), actor);
    await navigate(path, { replace: true });
  };
}
