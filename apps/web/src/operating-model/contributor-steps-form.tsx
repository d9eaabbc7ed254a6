import type { Journey } from '@throughline/domain';
import { useState, type FormEvent } from 'react';

interface ContributorStepsFormProps {
  headingId: string;
  /** Undefined while the journey's steps load: the whole journey can still be chosen. */
  journey: Journey | undefined;
  pending: boolean;
  onSubmit: (stepIds: string[]) => void;
}

/** Adds a team as a contributor, to the steps ticked or, with none ticked, the whole journey. */
export function ContributorStepsForm({ headingId, journey, pending, onSubmit }: ContributorStepsFormProps) {
  const [stepIds, setStepIds] = useState<string[]>([]);
  const toggle = (id: string, on: boolean) => setStepIds((ids) => (on ? [...ids, id] : ids.filter((s) => s !== id)));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit(stepIds);
  };

  return (
    <form className="remit-editor__option" aria-labelledby={headingId} onSubmit={submit}>
      <h3 id={headingId} className="remit-editor__option-title">
        Add as contributor
      </h3>
      {journey === undefined ? (
        <p className="field__hint">Loading the journey’s steps… You can add the team to the whole journey meanwhile.</p>
      ) : (
        <fieldset className="checks remit-editor__steps">
          <legend>Steps it contributes to</legend>
          <p className="field__hint">Tick none to contribute across the whole journey.</p>
          {journey.stages.map((stage) => (
            <div key={stage.id} className="remit-editor__stage">
              <p className="remit-editor__stage-name">{stage.name}</p>
              {stage.steps.map((step) => (
                <label key={step.id} className="checks__item">
                  <input type="checkbox" checked={stepIds.includes(step.id)} onChange={(e) => toggle(step.id, e.target.checked)} />
                  {step.name}
                </label>
              ))}
            </div>
          ))}
        </fieldset>
      )}
      <div>
        <button type="submit" className="button button--secondary" disabled={pending} aria-busy={pending}>
          {stepIds.length === 0 ? 'Add to the whole journey' : `Add to ${stepIds.length === 1 ? '1 step' : `${stepIds.length} steps`}`}
        </button>
      </div>
    </form>
  );
}
