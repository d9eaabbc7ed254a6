import type { Stage } from '@throughline/domain';
import { plural } from '../common/locale-format.ts';

/** The id of a stage's column header, the target of its jump button. */
export function stageAnchorId(stageId: string): string {
  return `stage-${stageId}`;
}

function jumpTo(stageId: string): void {
  const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  document
    .getElementById(stageAnchorId(stageId))
    ?.scrollIntoView({ behavior: reduceMotion ? 'auto' : 'smooth', block: 'nearest', inline: 'start' });
}

/** Wide journeys scroll sideways; these buttons bring a stage's columns into view. */
export function StageJumpBar({ stages }: { stages: readonly Stage[] }) {
  return (
    <div className="stage-jump-bar" role="group" aria-label="Scroll the blueprint to a stage">
      {stages.map((stage, i) => (
        <button key={stage.id} type="button" className="stage-jump" onClick={() => jumpTo(stage.id)}>
          <span className="stage-jump__index">{i + 1}</span>
          <span className="stage-jump__name">{stage.name}</span>
          <span className="stage-jump__count">{plural(stage.steps.length, 'step')}</span>
        </button>
      ))}
    </div>
  );
}
