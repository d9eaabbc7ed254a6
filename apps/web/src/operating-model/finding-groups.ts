import type { Finding, FindingKind } from '@throughline/domain';

export interface FindingGroup {
  kind: FindingKind;
  /** Critical when any finding of the kind is. */
  severity: Finding['severity'];
  findings: Finding[];
}

/** The findings of one kind that are fixed in the same place, e.g. every dependency on one journey. */
export interface FindingTarget {
  fixAt: Finding['fixAt'];
  messages: string[];
}

/**
 * The findings grouped by kind, critical groups first, each keeping the server's order.
 * Severity comes from the findings themselves, so the domain stays the one place that sets it.
 */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<FindingKind, FindingGroup>();
  for (const finding of findings) {
    const group = groups.get(finding.kind) ?? { kind: finding.kind, severity: finding.severity, findings: [] };
    if (finding.severity === 'critical') group.severity = 'critical';
    group.findings.push(finding);
    groups.set(finding.kind, group);
  }
  const rank = { critical: 0, warning: 1 } as const;
  return [...groups.values()].sort((a, b) => rank[a.severity] - rank[b.severity]);
}

/** A group's findings by where each is fixed, in order of first appearance. */
export function findingTargets(findings: readonly Finding[]): FindingTarget[] {
  const targets = new Map<string, FindingTarget>();
  for (const { fixAt, message } of findings) {
    const key = `${fixAt.area}:${fixAt.id}`;
    const target = targets.get(key) ?? { fixAt, messages: [] };
    target.messages.push(message);
    targets.set(key, target);
  }
  return [...targets.values()];
}
