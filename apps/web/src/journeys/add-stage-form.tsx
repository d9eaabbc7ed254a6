import { useState, type FormEvent } from 'react';
import type { JourneyEdits } from './use-journey-edits.ts';

/** Adds a stage at the end of the journey. */
export function AddStageForm({ edits, first }: { edits: JourneyEdits; first: boolean }) {
  const [name, setName] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    await edits.addStage(name.trim()).catch(() => undefined);
    setName('');
  };
  return (
    <form className="add-stage" onSubmit={(e) => void submit(e)}>
      <label htmlFor="new-stage-name" className="add-stage__label">
        {first ? 'First stage' : 'Add a stage'}
      </label>
      <input
        id="new-stage-name"
        type="text"
        placeholder={first ? 'e.g. “Report the damage”' : 'Stage name'}
        value={name}
        onChange={(e) => setName(e.target.value)}
        required
        maxLength={200}
      />
      <button type="submit" className="button button--primary" disabled={edits.pending}>
        Add stage
      </button>
    </form>
  );
}
