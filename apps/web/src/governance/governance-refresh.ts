import { queryClient, trpc } from '../trpc.ts';

/**
 * After any change to a proposal: its list, the decision log (both under `proposal`) and the
 * policies, whose wording an implemented proposal rewrites.
 */
export function refreshGovernance(): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: trpc.proposal.pathKey() }),
    queryClient.invalidateQueries({ queryKey: trpc.policy.pathKey() }),
  ]).then(() => undefined);
}
