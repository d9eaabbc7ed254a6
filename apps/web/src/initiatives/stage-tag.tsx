import type { InitiativeStage } from '@throughline/domain';
import { stageLabel } from './stage-labels.ts';

/** The stage in words; the tag's colour repeats it. */
export function StageTag({ stage }: { stage: InitiativeStage }) {
  return <span className={`status-pill stage-tag stage-tag--${stage}`}>{stageLabel(stage)}</span>;
}
