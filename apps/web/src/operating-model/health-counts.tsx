import { Link } from 'react-router';
import { formatCount } from '../common/locale-format.ts';
import { FINDING_KIND_COPY } from './finding-kind-copy.ts';
import type { FindingGroup } from './finding-groups.ts';
import './health.css';

/** One tile per kind of gap, critical first, each linking to its group on the health page. */
export function HealthCounts({ groups, label }: { groups: readonly FindingGroup[]; label: string }) {
  return (
    <ul className="health-counts" aria-label={label}>
      {groups.map((group) => (
        <li key={group.kind}>
          <Link to={`/health#${group.kind}`} className={`health-count health-count--${group.severity}`}>
            <span className="health-count__value">{formatCount(group.findings.length)}</span>
            <span className="health-count__label">{FINDING_KIND_COPY[group.kind].short}</span>
            <SeverityTag severity={group.severity} />
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** "Critical" or "Warning" in words, so colour is never the only signal. */
export function SeverityTag({ severity }: { severity: FindingGroup['severity'] }) {
  return <span className={`severity severity--${severity}`}>{severity === 'critical' ? 'Critical' : 'Warning'}</span>;
}
