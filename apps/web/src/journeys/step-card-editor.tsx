import { CHANNELS, type Channel, type Stage, type Step } from '@throughline/domain';
import { useId, useState, type DragEvent, type KeyboardEvent } from 'react';
import { ConfirmAction } from '../common/confirm-action.tsx';
import { channelLabel } from './channel-label.ts';
import { InlineTextEditor } from './inline-text-editor.tsx';
import { StepDependenciesEditor } from './step-dependencies-editor.tsx';
import { neighbourPlace } from './step-moves.ts';
import type { JourneyEdits } from './use-journey-edits.ts';

/** The drag payload's type: only step cards of this page are accepted as drops. */
export const STEP_DRAG_TYPE = 'application/x-throughline-step';

/** Moves focus back to a step's handle once the blueprint has been redrawn around it. */
function focusHandle(stepId: string): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-move-step="${stepId}"]`)?.focus());
}

interface StepCardEditorProps {
  step: Step;
  number: number;
  stages: readonly Stage[];
  edits: JourneyEdits;
}

/** A step's card in edit mode: rename, channel, move by keyboard or drag, remove. */
export function StepCardEditor({ step, number, stages, edits }: StepCardEditorProps) {
  const hintId = useId();
  const [dragging, setDragging] = useState(false);

  const move = async (direction: -1 | 1) => {
    const place = neighbourPlace(stages, step.id, direction);
    if (!place) {
      edits.setNotice(`“${step.name}” is already the ${direction === -1 ? 'first' : 'last'} step of the journey.`);
      return;
    }
    await edits.moveStep(step.id, place.stageId, place.position).catch(() => undefined);
    const stageName = stages.find((s) => s.id === place.stageId)?.name ?? 'its stage';
    edits.setNotice(`Moved “${step.name}” to position ${place.position + 1} in ${stageName}.`);
    focusHandle(step.id);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      event.preventDefault();
      if (!edits.pending) void move(event.key === 'ArrowLeft' ? -1 : 1);
    }
  };

  const onDragStart = (event: DragEvent) => {
    event.dataTransfer.setData(STEP_DRAG_TYPE, step.id);
    event.dataTransfer.effectAllowed = 'move';
    setDragging(true);
  };

  return (
    <div
      className={dragging ? 'step-card step-card--editing is-dragging' : 'step-card step-card--editing'}
      draggable
      onDragStart={onDragStart}
      onDragEnd={() => setDragging(false)}
    >
      <div className="step-card__top">
        <span className="step-card__number" aria-label={`Step ${number}`}>
          {number}
        </span>
        <button
          type="button"
          className="move-handle"
          data-move-step={step.id}
          aria-label={`Move “${step.name}”`}
          aria-describedby={hintId}
          onKeyDown={onKeyDown}
        >
          <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M9 5h.01M15 5h.01M9 12h.01M15 12h.01M9 19h.01M15 19h.01" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
          </svg>
        </button>
        <span id={hintId} className="visually-hidden">
          Press the left or right arrow key to move this step one place; with a mouse, drag the card onto another step or stage.
        </span>
      </div>
      <InlineTextEditor
        label={`Name of step ${number}`}
        value={step.name}
        placeholder="Name the step"
        onSave={(name) => edits.updateStep({ stepId: step.id, version: step.version, name })}
      />
      <label className="step-card__channel">
        <span className="visually-hidden">Channel of “{step.name}”</span>
        <select
          className="inline-select"
          value={step.channel}
          onChange={(e) =>
            void edits.updateStep({ stepId: step.id, version: step.version, channel: e.target.value as Channel }).catch(() => undefined)
          }
        >
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {channelLabel(c)}
            </option>
          ))}
        </select>
      </label>
      <StepDependenciesEditor step={step} stages={stages} edits={edits} />
      <ConfirmAction
        label="Remove"
        subject={step.name}
        question={`Remove “${step.name}” and its blueprint?`}
        confirmLabel="Remove step"
        pendingLabel="Removing…"
        pending={edits.pending}
        onConfirm={() => void edits.removeStep(step.id).catch(() => undefined)}
      />
    </div>
  );
}
