import { CHANNELS, type Channel, type Stage } from '@throughline/domain';
import { useState, type FormEvent } from 'react';
import { ConfirmAction } from '../common/confirm-action.tsx';
import { channelLabel } from './channel-label.ts';
import { InlineTextEditor } from './inline-text-editor.tsx';
import type { JourneyEdits } from './use-journey-edits.ts';

interface StageHeaderEditorProps {
  stage: Stage;
  index: number;
  stageCount: number;
  edits: JourneyEdits;
}

/** A stage's header in edit mode: rename, move left or right, add a step, remove when empty. */
export function StageHeaderEditor({ stage, index, stageCount, edits }: StageHeaderEditorProps) {
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const [channel, setChannel] = useState<Channel>('web');

  const addStep = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    await edits.addStep(stage.id, name.trim(), channel).catch(() => undefined);
    setName('');
  };

  return (
    <div className="stage-editor">
      <span className="blueprint__stage-index">Stage {index + 1}</span>
      <InlineTextEditor
        label={`Name of stage ${index + 1}`}
        value={stage.name}
        placeholder="Name the stage"
        onSave={(n) => edits.renameStage(stage.id, n)}
      />
      <div className="stage-editor__tools">
        <button
          type="button"
          className="icon-button"
          aria-label={`Move stage “${stage.name}” left`}
          disabled={index === 0 || edits.pending}
          onClick={() => void edits.moveStage(stage.id, index - 1).catch(() => undefined)}
        >
          ←
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={`Move stage “${stage.name}” right`}
          disabled={index === stageCount - 1 || edits.pending}
          onClick={() => void edits.moveStage(stage.id, index + 1).catch(() => undefined)}
        >
          →
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          aria-expanded={adding}
          onClick={() => setAdding((a) => !a)}
        >
          Add step<span className="visually-hidden"> to {stage.name}</span>
        </button>
        {stage.steps.length === 0 ? (
          <ConfirmAction
            label="Remove"
            subject={`stage ${stage.name}`}
            question={`Remove the empty stage “${stage.name}”?`}
            confirmLabel="Remove stage"
            pendingLabel="Removing…"
            pending={edits.pending}
            onConfirm={() => void edits.removeStage(stage.id).catch(() => undefined)}
          />
        ) : null}
      </div>
      {adding ? (
        <form className="stage-editor__add" onSubmit={(e) => void addStep(e)} aria-label={`New step in ${stage.name}`}>
          <label>
            <span className="visually-hidden">New step’s name</span>
            <input
              type="text"
              placeholder="Step name, e.g. “Upload photos”"
              value={name}
              onChange={(e) => setName(e.target.value)}
              autoFocus
              required
              maxLength={200}
            />
          </label>
          <label>
            <span className="visually-hidden">New step’s channel</span>
            <select className="inline-select" value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {channelLabel(c)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button button--primary button--small" disabled={edits.pending}>
            Add
          </button>
        </form>
      ) : null}
    </div>
  );
}
