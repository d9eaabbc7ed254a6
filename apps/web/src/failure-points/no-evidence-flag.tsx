import { WarningIcon } from '../common/warning-icon.tsx';

/** A failure point no insight backs up: an assertion until someone links the evidence. */
export function NoEvidenceFlag() {
  return (
    <span className="flag flag--warning">
      <WarningIcon />
      <span className="flag__label">No evidence</span>
    </span>
  );
}
