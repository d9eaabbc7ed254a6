import type { Finding } from '@throughline/domain';
import { describe, expect, it } from 'vitest';
import { findingTargets, groupFindings } from './finding-groups.ts';

const ID = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';
const finding = (kind: Finding['kind'], severity: Finding['severity'], message: string = kind): Finding => ({
  kind,
  severity,
  message,
  fixAt: { area: 'journey', id: ID },
});

describe('grouping health findings', () => {
  it('groups by kind and puts critical kinds first, keeping the order within a kind', () => {
    const groups = groupFindings([
      finding('team_missing_capability', 'warning', 'a'),
      finding('kpi_without_owner', 'critical'),
      finding('team_missing_capability', 'warning', 'b'),
      finding('journey_without_owner', 'critical'),
    ]);
    expect(groups.map((g) => [g.kind, g.severity, g.findings.length])).toEqual([
      ['kpi_without_owner', 'critical', 1],
      ['journey_without_owner', 'critical', 1],
      ['team_missing_capability', 'warning', 2],
    ]);
    expect(groups[2]!.findings.map((f) => f.message)).toEqual(['a', 'b']);
  });

  it('has nothing to group in a healthy model', () => {
    expect(groupFindings([])).toEqual([]);
  });

  it('gathers the findings fixed in the same place', () => {
    const onOther = { ...finding('cross_boundary_dependency', 'warning', 'c'), fixAt: { area: 'journey' as const, id: OTHER } };
    const targets = findingTargets([
      finding('cross_boundary_dependency', 'warning', 'a'),
      onOther,
      finding('cross_boundary_dependency', 'warning', 'b'),
    ]);
    expect(targets.map((t) => [t.fixAt.id, t.messages])).toEqual([
      [ID, ['a', 'b']],
      [OTHER, ['c']],
    ]);
  });
});
