import type { Stage, Step } from '@throughline/domain';
import { useId, useState } from 'react';
import type { JourneyEdits } from './use-journey-edits.ts';

/** Which earlier or parallel steps this one waits for, chosen from the journey's other steps. */
export function StepDependenciesEditor({ step, stages, edits }: { step: Step; stages: readonly Stage[]; edits: JourneyEdits }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const others = stages.flatMap((stage) => stage.steps.filter((s) => s.id !== step.id).map((s) => ({ ...s, stageName: stage.name })));
  const names = new Map(others.map((s) => [s.id, s.name]));

  const toggle = (stepId: string, on: boolean) => {
    const next = on ? [...step.dependsOnStepIds, stepId] : step.dependsOnStepIds.filter((id) => id !== stepId);
    void edits.updateStep({ stepId: step.id, version: step.version, dependsOnStepIds: next }).catch(() => undefined);
  };

  return (
    <div className="step-deps">
      {step.dependsOnStepIds.length > 0 ? (
        <span className="step-card__deps">After {step.dependsOnStepIds.map((id) => names.get(id) ?? 'another step').join(', ')}</span>
      ) : null}
      <button
        type="button"
        className="inline-edit inline-edit--small"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((o) => !o)}
        disabled={others.length === 0}
      >
        {open ? 'Done' : 'Depends on…'}
        <span className="visually-hidden"> for {step.name}</span>
      </button>
      {open ? (
        <fieldset id={listId} className="checks checks--compact">
          <legend className="visually-hidden">Steps “{step.name}” depends on</legend>
          {others.map((s) => (
            <label key={s.id} className="checks__item">
              <input
                type="checkbox"
                checked={step.dependsOnStepIds.includes(s.id)}
                disabled={edits.pending}
                onChange={(e) => toggle(s.id, e.target.checked)}
              />
              <span>
                {s.name} <span className="checks__hint">({s.stageName})</span>
              </span>
            </label>
          ))}
        </fieldset>
      ) : null}
    </div>
  );
}
