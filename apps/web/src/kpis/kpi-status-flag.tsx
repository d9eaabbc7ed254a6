import type { KpiStatus } from '@throughline/domain';
import { WarningIcon } from '../common/warning-icon.tsx';
import './kpi-status-flag.css';

/**
 * Where a KPI stands, as the domain's one status function judged it (the API sends `status`
 * and `statusLabel`), in its words with a mark. Too few answers is said plainly, without the
 * colours of a judgement: no claim is made below the minimum sample.
 */
export function KpiStatusFlag({ status, label }: { status: KpiStatus; label: string }) {
  const mark =
    status === 'on_target' ? (
      <span aria-hidden="true">✓ </span>
    ) : status === 'short_of_target' || status === 'past_threshold' ? (
      <WarningIcon />
    ) : null;
  return (
    <span className={`kpi-standing kpi-standing--${status}`}>
      {mark}
      <span>{label}</span>
    </span>
  );
}
