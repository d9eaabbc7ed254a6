import { useMutation } from '@tanstack/react-query';
import type { Journey } from '@throughline/domain';
import { useState } from 'react';
import { errorMessage } from '../common/error-message.ts';
import { trpc } from '../trpc.ts';

/**
 * The structural edits of one journey's blueprint. Each names the journey version it was made
 * against (the server refuses a stale one with CONFLICT), then reloads the journey. `notice`
 * is read out by a live region: what just happened, or why it failed.
 */
export function useJourneyEdits(journey: Journey) {
  const [notice, setNotice] = useState('');
  const options = (done: (() => string) | string) => ({
    onSuccess: () => {
      setNotice(typeof done === 'string' ? done : done());
    },
    onError: (error: { message: string; data?: { code?: string } | null }) => {
      setNotice(
        error.data?.code === 'CONFLICT'
          ? 'Someone else changed this journey a moment ago; it has been reloaded, try again.'
          : errorMessage(error),
      );
    },
  });

  const addStage = useMutation(trpc.journey.addStage.mutationOptions(options('Stage added.')));
  const renameStage = useMutation(trpc.journey.renameStage.mutationOptions(options('Stage renamed.')));
  const moveStage = useMutation(trpc.journey.moveStage.mutationOptions(options('Stage moved.')));
  const removeStage = useMutation(trpc.journey.removeStage.mutationOptions(options('Stage removed.')));
  const addStep = useMutation(trpc.journey.addStep.mutationOptions(options('Step added.')));
  const moveStep = useMutation(trpc.journey.moveStep.mutationOptions(options('Step moved.')));
  const removeStep = useMutation(trpc.journey.removeStep.mutationOptions(options('Step removed.')));
  const updateStep = useMutation(trpc.journey.updateStep.mutationOptions(options('Saved.')));

  const journeyVersion = journey.version;
  return {
    notice,
    setNotice,
    pending: [addStage, renameStage, moveStage, removeStage, addStep, moveStep, removeStep, updateStep].some((m) => m.isPending),
    addStage: (name: string) => addStage.mutateAsync({ journeyId: journey.id, journeyVersion, name }),
    renameStage: (stageId: string, name: string) => renameStage.mutateAsync({ stageId, journeyVersion, name }),
    moveStage: (stageId: string, toPosition: number) => moveStage.mutateAsync({ stageId, journeyVersion, toPosition }),
    removeStage: (stageId: string) => removeStage.mutateAsync({ stageId, journeyVersion }),
    addStep: (stageId: string, name: string, channel: Journey['stages'][number]['steps'][number]['channel']) =>
      addStep.mutateAsync({ stageId, journeyVersion, name, channel }),
    moveStep: (stepId: string, toStageId: string, toPosition: number) =>
      moveStep.mutateAsync({ stepId, journeyVersion, toStageId, toPosition }),
    removeStep: (stepId: string) => removeStep.mutateAsync({ stepId, journeyVersion }),
    updateStep: (input: Parameters<typeof updateStep.mutateAsync>[0]) => updateStep.mutateAsync(input),
  };
}

export type JourneyEdits = ReturnType<typeof useJourneyEdits>;
