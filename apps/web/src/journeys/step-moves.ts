import type { Stage } from '@throughline/domain';

export interface StepPlace {
  stageId: string;
  position: number;
}

/**
 * Where a step goes when moved one place left or right: within its stage, or across into the
 * neighbouring stage (to its end going left, to its start going right). Null at either end of
 * the journey. Stages come ordered; steps within them too.
 */
export function neighbourPlace(stages: readonly Stage[], stepId: string, direction: -1 | 1): StepPlace | null {
  const stageIndex = stages.findIndex((s) => s.steps.some((st) => st.id === stepId));
  const stage = stages[stageIndex];
  if (!stage) return null;
  const index = stage.steps.findIndex((st) => st.id === stepId);
  const target = index + direction;
  if (target >= 0 && target < stage.steps.length) return { stageId: stage.id, position: target };
  const next = stages[stageIndex + direction];
  if (!next) return null;
  return { stageId: next.id, position: direction === -1 ? next.steps.length : 0 };
}
