import { useId } from 'react';
import { plural } from '../common/locale-format.ts';
import { findingTargets, type FindingGroup } from './finding-groups.ts';
import { FINDING_KIND_COPY } from './finding-kind-copy.ts';
import { FindingTargetItem } from './finding-target-item.tsx';
import { SeverityTag } from './health-counts.tsx';

interface FindingGroupSectionProps {
  group: FindingGroup;
  /** Whether the page was opened at this group's anchor. */
  isTarget: boolean;
  /** Journey and team names by id, to name where several findings are fixed. */
  names: ReadonlyMap<string, string>;
}

/**
 * One kind of gap: why it matters, then each finding with a link to where it is fixed. The
 * section's id is the kind, so the counts elsewhere link straight to it.
 */
export function FindingGroupSection({ group, isTarget, names }: FindingGroupSectionProps) {
  const copy = FINDING_KIND_COPY[group.kind];
  const headingId = useId();
  return (
    <section
      id={group.kind}
      tabIndex={-1}
      aria-labelledby={headingId}
      className={`finding-group finding-group--${group.severity}${isTarget ? ' is-target' : ''}`}
    >
      <div className="finding-group__header">
        <h2 id={headingId} className="finding-group__title">
          {copy.heading}
        </h2>
        <SeverityTag severity={group.severity} />
        <span className="finding-group__count">{plural(group.findings.length, 'finding')}</span>
      </div>
      <p className="finding-group__why">{copy.why}</p>
      <ul className="finding-list">
        {findingTargets(group.findings).map((target) => (
          <FindingTargetItem key={`${target.fixAt.area}:${target.fixAt.id}`} target={target} name={names.get(target.fixAt.id)} />
        ))}
      </ul>
    </section>
  );
}
