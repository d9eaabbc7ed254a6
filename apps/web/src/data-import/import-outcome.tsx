import { formatCount, plural } from '../common/locale-format.ts';
import { fieldLabel, type ImportKind } from './import-fields.ts';
import { formatSeconds } from './import-format.ts';
import type { RunProgress } from './import-run.ts';
import { LISTED_LINES } from './line-report.ts';
import { LineIssuesTable } from './line-issues-table.tsx';
import type { RunState } from './use-import-run.ts';

/** What the batches sent so far stored, and why sending the file again is safe. */
function SentSoFar({ progress }: { progress: RunProgress }) {
  if (progress.rowsSent === 0) return <p>Nothing was sent.</p>;
  return (
    <p>
      The {plural(progress.rowsSent, 'row')} sent before it stopped are stored ({formatCount(progress.stored)} new,{' '}
      {formatCount(progress.duplicates)} already known). Importing the whole file again is safe: those rows will count as duplicates.
    </p>
  );
}

/** The end of a check or an import: counts, timing, or the lines to fix. */
export function ImportOutcome({ kind, state }: { kind: ImportKind; state: RunState }) {
  switch (state.status) {
    case 'idle':
    case 'checking':
    case 'sending':
      return null;
    case 'checked': {
      if (state.report.badLines === 0) {
        return <p className="import-outcome import-outcome--ok">All {plural(state.rows, 'row')} are valid. Nothing has been sent yet.</p>;
      }
      const { badLines, byField, listed } = state.report;
      return (
        <div className="import-outcome import-outcome--bad">
          <p className="import-outcome__title">
            {badLines === 1 ? '1 line needs fixing' : `${formatCount(badLines)} lines need fixing`} out of {plural(state.rows, 'row')};
            nothing was sent.
          </p>
          <p>
            Fix these lines in the file and choose it again. Each batch is stored all or nothing, so a file is only sent once every line is
            valid.
            {badLines > LISTED_LINES ? ` The first ${LISTED_LINES} lines are listed.` : ''}
          </p>
          <p className="import-outcome__counts">
            {Object.entries(byField)
              .map(([field, n]) => `${fieldLabel(kind, field)}: ${plural(n, 'problem')}`)
              .join(' · ')}
          </p>
          <LineIssuesTable kind={kind} issues={listed} caption="Lines to fix before importing" />
        </div>
      );
    }
    case 'done': {
      const { stored, duplicates, rowsSent } = state.progress;
      return (
        <div className="import-outcome import-outcome--ok">
          <p className="import-outcome__title">
            {formatCount(stored)} stored, {formatCount(duplicates)} {duplicates === 1 ? 'duplicate' : 'duplicates'} (already known), from{' '}
            {plural(rowsSent, 'row')} in {formatSeconds(state.seconds)}.
          </p>
          {stored === 0 && duplicates > 0 ? (
            <p>Every row was already stored, so nothing changed: this file has been imported before.</p>
          ) : null}
        </div>
      );
    }
    case 'refused':
      return (
        <div className="import-outcome import-outcome--bad">
          <p className="import-outcome__title">The import stopped: {state.message}.</p>
          <SentSoFar progress={state.progress} />
          <LineIssuesTable kind={kind} issues={state.issues} caption="Lines the server refused" />
        </div>
      );
    case 'cancelled':
      return (
        <div className="import-outcome">
          <p className="import-outcome__title">Cancelled.</p>
          <SentSoFar progress={state.progress} />
        </div>
      );
    case 'failed':
      return (
        <div className="import-outcome import-outcome--bad">
          <p className="import-outcome__title">The import stopped: {state.message}</p>
          <SentSoFar progress={state.progress} />
        </div>
      );
  }
}
