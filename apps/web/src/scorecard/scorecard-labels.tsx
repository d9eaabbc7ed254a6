import { OUTCOME_STATUS_LABEL, type OutcomeStatus } from '@throughline/domain';
import { WarningIcon } from '../common/warning-icon.tsx';

/** An outcome's progress towards its target by its date, in the domain's words ("Short of target, on track") with a mark. */
export function OutcomeFlag({ status }: { status: OutcomeStatus }) {
  const tone = status === 'achieved' ? 'ok' : status === 'behind' ? 'warning' : 'muted';
  return (
    <span className={`sc-flag sc-flag--${tone}`}>
      {status === 'behind' ? <WarningIcon /> : tone === 'ok' ? <span aria-hidden="true">✓ </span> : null}
      {OUTCOME_STATUS_LABEL[status]}
    </span>
  );
}
