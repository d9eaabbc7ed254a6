import { useMutation } from '@tanstack/react-query';
import type { RemitInput, RemitView } from '@throughline/domain';
import { trpcClient } from '../trpc.ts';

/** One change to a cell of the ownership matrix. */
export type RemitChange =
  | { kind: 'add'; input: RemitInput; teamName: string; journeyName: string }
  | { kind: 'remove'; remit: RemitView }
  /** A contributor becoming accountable for a journey that has no accountable team. */
  | { kind: 'promote'; remit: RemitView };

async function apply(change: RemitChange): Promise<string> {
  if (change.kind === 'add') {
    await trpcClient.remit.add.mutate(change.input);
    const { teamName, journeyName, input } = change;
    return input.role === 'accountable'
      ? `${teamName} is now accountable for “${journeyName}”.`
      : `${teamName} now contributes to “${journeyName}”.`;
  }
  const { remit } = change;
  await trpcClient.remit.remove.mutate({ id: remit.id });
  if (change.kind === 'remove') {
    return remit.role === 'accountable'
      ? `${remit.teamName} is no longer accountable for “${remit.journeyName}”: the journey has no owner.`
      : `${remit.teamName} no longer contributes to “${remit.journeyName}”.`;
  }
  // A team holds one remit per journey, so a contributor is promoted by replacing its remit.
  // Should the server refuse (someone else took accountability meanwhile), the contribution is
  // put back and the server's reason shown.
  try {
    await trpcClient.remit.add.mutate({ journeyId: remit.journeyId, teamId: remit.teamId, role: 'accountable', stepIds: [] });
  } catch (error) {
    await trpcClient.remit.add.mutate({ journeyId: remit.journeyId, teamId: remit.teamId, role: 'contributing', stepIds: remit.stepIds });
    throw error;
  }
  return `${remit.teamName} is now accountable for “${remit.journeyName}”.`;
}

/**
 * Adds, removes and promotes remits. Success is reported once the matrix shows it (the mutation
 * cache refreshes first); a refusal refreshes too, since it may mean the matrix was out of date.
 */
export function useRemitChanges(onDone: (message: string) => void) {
  return useMutation({
    mutationFn: apply,
    onSuccess: (message) => onDone(message),
  });
}
