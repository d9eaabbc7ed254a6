import type { InitiativeStage } from '@throughline/domain';
import { INITIATIVE_STAGES, stageLabel } from './stage-labels.ts';

/** Idea to measured, with the stages passed ticked and the current one marked, in words as well as colour. */
export function LifecycleStepper({ stage }: { stage: InitiativeStage }) {
  const current = INITIATIVE_STAGES.indexOf(stage);
  return (
    <ol className="stepper" aria-label="Lifecycle">
      {INITIATIVE_STAGES.map((s, index) => {
        const state = index < current ? 'done' : index === current ? 'current' : 'upcoming';
        return (
          <li key={s} className={`stepper__step stepper__step--${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="stepper__marker" aria-hidden="true">
              {state === 'done' ? '✓' : index + 1}
            </span>
            <span className="stepper__label">{stageLabel(s)}</span>
            <span className="stepper__state">{state === 'done' ? 'passed' : state === 'current' ? 'current stage' : 'to come'}</span>
          </li>
        );
      })}
    </ol>
  );
}
