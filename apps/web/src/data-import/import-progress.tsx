import { formatCount } from '../common/locale-format.ts';
import { formatBytes, percentRead } from './import-format.ts';
import type { RunProgress } from './import-run.ts';

interface ImportProgressProps {
  phase: 'checking' | 'sending' | 'done';
  progress: RunProgress;
  onCancel?: () => void;
}

const PHASE_LABEL = { checking: 'Checking every line', sending: 'Importing', done: 'Imported' } as const;

/** How far a run has read the file and, when importing, how many rows have been sent. */
export function ImportProgress({ phase, progress, onCancel }: ImportProgressProps) {
  const percent = phase === 'done' ? 100 : percentRead(progress.bytesRead, progress.totalBytes);
  const read = `${formatBytes(progress.bytesRead)} of ${formatBytes(progress.totalBytes)} read`;
  const detail =
    phase === 'checking'
      ? `${read}, ${formatCount(progress.rowsRead)} rows checked`
      : `${read}, ${formatCount(progress.rowsSent)} rows sent`;
  return (
    <div className="import-progress">
      <div className="import-progress__head">
        <span id="import-progress-label" className="import-progress__label">
          {PHASE_LABEL[phase]}
        </span>
        <span className="import-progress__percent" aria-hidden="true">
          {percent}%
        </span>
      </div>
      <div
        role="progressbar"
        className="import-progress__bar"
        aria-labelledby="import-progress-label"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}%: ${detail}`}
      >
        <div className="import-progress__fill" style={{ width: `${percent}%` }} />
      </div>
      <div className="import-progress__foot">
        <span className="import-progress__detail">{detail}</span>
        {onCancel ? (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </div>
  );
}
