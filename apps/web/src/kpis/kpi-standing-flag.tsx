import type { KpiDefinition } from '@throughline/domain';
import { WarningIcon } from '../common/warning-icon.tsx';
import { kpiStanding, standingLabel } from './kpi-status.ts';

/** On target, short of it, or past the warning threshold, in words with a mark beside them. */
export function KpiStandingFlag({ kpi, value }: { kpi: KpiDefinition; value: number }) {
  const standing = kpiStanding(kpi, value);
  const label = standingLabel(standing, kpi.direction);
  if (standing === 'on_target') {
    return (
      <span className={`kpi-standing kpi-standing--${standing}`}>
        <span aria-hidden="true">✓ </span>
        {label}
      </span>
    );
  }
  return (
    <span className={`kpi-standing kpi-standing--${standing}`}>
      {standing === 'no_target' ? null : <WarningIcon />}
      <span>{label}</span>
    </span>
  );
}

/** "Small sample": the interval is too wide to steer by; PRODUCT.md asks for a flag, not hiding. */
export function SmallSampleFlag() {
  return (
    <span className="flag flag--warning kpi-small-sample" title="Too few responses for the interval to be useful">
      <WarningIcon />
      <span>Small sample</span>
    </span>
  );
}
