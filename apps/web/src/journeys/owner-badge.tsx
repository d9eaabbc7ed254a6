import { WarningIcon } from '../common/warning-icon.tsx';
import './owner-badge.css';

/** The journey's accountable team, or a warning that nobody owns it end to end. */
export function OwnerBadge({ teamName }: { teamName: string | null }) {
  if (!teamName) {
    return (
      <p className="flag flag--warning owner-badge">
        <WarningIcon />
        <span>No accountable owner</span>
      </p>
    );
  }
  return (
    <p className="owner-badge">
      <span className="owner-badge__label">Accountable team</span> <span className="owner-badge__team">{teamName}</span>
    </p>
  );
}
