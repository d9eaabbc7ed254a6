import { WarningIcon } from '../common/warning-icon.tsx';

/** The investment case touches no system and costs technology nothing: flagged in words. */
export function NoTechnologyFlag() {
  return (
    <span className="flag flag--warning">
      <WarningIcon />
      <span>No technology scope</span>
    </span>
  );
}
