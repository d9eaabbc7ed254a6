import type { ImportKind } from './import-fields.ts';
import { ImportOutcome } from './import-outcome.tsx';
import { ImportProgress } from './import-progress.tsx';
import type { RunState } from './use-import-run.ts';

interface ImportRunPanelProps {
  kind: ImportKind;
  state: RunState;
  /** Why the file cannot be checked yet, e.g. a required field without a column. */
  blockers: readonly string[];
  onCheck: () => void;
  onImport: () => void;
  onCancel: () => void;
}

/** Step four: check every line, then send the file in batches, with progress and the outcome. */
export function ImportRunPanel({ kind, state, blockers, onCheck, onImport, onCancel }: ImportRunPanelProps) {
  const running = state.status === 'checking' || state.status === 'sending';
  const blocked = blockers.length > 0;
  return (
    <section className="panel import-step" aria-labelledby="import-run-heading">
      <h2 id="import-run-heading" className="panel__title">
        4. Check and import
      </h2>
      <p className="import-step__lead">
        Every line is checked before the first row is sent, and a file with any bad line is not sent at all. Rows then go in batches of up
        to 1,000.
      </p>
      {blocked ? (
        <ul id="import-blockers" className="import-blockers">
          {blockers.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ul>
      ) : null}
      <div className="import-run__buttons">
        <button
          type="button"
          className="button button--primary"
          onClick={onImport}
          disabled={blocked || running}
          aria-describedby={blocked ? 'import-blockers' : undefined}
        >
          Import
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={onCheck}
          disabled={blocked || running}
          aria-describedby={blocked ? 'import-blockers' : undefined}
        >
          Check only
        </button>
      </div>
      {running ? <ImportProgress phase={state.status} progress={state.progress} onCancel={onCancel} /> : null}
      {state.status === 'done' ? <ImportProgress phase="done" progress={state.progress} /> : null}
      {/* Always present, so screen readers are already listening when the outcome arrives. */}
      <div role="status" className="import-run__outcome">
        <ImportOutcome kind={kind} state={state} />
      </div>
    </section>
  );
}
