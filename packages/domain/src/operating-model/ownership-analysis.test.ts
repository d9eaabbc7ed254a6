import { describe, expect, it } from 'vitest';
import { analyseOwnership, modelHealth, type ModelSnapshot } from './ownership-analysis.ts';

const ALL = ['design', 'engineering', 'data', 'operations', 'compliance'] as const;
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const CLAIMS = id(1);
const IT = id(2);
const SALES = id(3);
const JOURNEY = id(10);
const STEP_A = id(11);
const STEP_B = id(12);
const CORE = id(20);
const CRM = id(21);

/** A healthy model: every rule satisfied. Each test breaks exactly one thing. */
function healthy(): ModelSnapshot {
  return {
    teams: [
      { id: CLAIMS, name: 'Claims', capabilities: [...ALL] },
      { id: IT, name: 'Core IT', capabilities: [...ALL] },
      { id: SALES, name: 'Sales', capabilities: [...ALL] },
    ],
    journeys: [
      {
        id: JOURNEY,
        name: 'Make a claim',
        steps: [
          { id: STEP_A, name: 'Report', systemIds: [CORE] },
          { id: STEP_B, name: 'Assess', systemIds: [CRM] },
        ],
      },
    ],
    remits: [
      { journeyId: JOURNEY, teamId: CLAIMS, role: 'accountable', stepIds: [] },
      { journeyId: JOURNEY, teamId: IT, role: 'contributing', stepIds: [STEP_B] },
    ],
    systems: [
      { id: CORE, name: 'Claims core', ownerTeamId: CLAIMS },
      { id: CRM, name: 'CRM', ownerTeamId: IT },
    ],
    kpis: [{ id: id(30), key: 'claims.nps', name: 'Claims NPS', ownerTeamId: CLAIMS, target: 40 }],
    policies: [{ id: id(40), name: 'Assessor visits', stepIds: [STEP_B], changeTeamIds: [CLAIMS] }],
  };
}

const kinds = (model: ModelSnapshot) => analyseOwnership(model).map((f) => f.kind);

describe('ownership analysis', () => {
  it('finds nothing in a healthy model', () => {
    expect(analyseOwnership(healthy())).toEqual([]);
  });

  it('flags a journey without an accountable team as critical, fixed on the journey', () => {
    const model = healthy();
    model.remits = model.remits.filter((r) => r.role !== 'accountable');
    const [finding] = analyseOwnership(model).filter((f) => f.kind === 'journey_without_owner');
    expect(finding).toMatchObject({ severity: 'critical', fixAt: { area: 'journey', id: JOURNEY } });
  });

  it('flags a step that relies on a system owned outside the journey’s remit', () => {
    const model = healthy();
    // Core IT contributes only to "Assess", so its CRM on "Report" crosses the boundary.
    model.journeys[0]!.steps[0]!.systemIds = [CORE, CRM];
    const found = analyseOwnership(model).filter((f) => f.kind === 'cross_boundary_dependency');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('“Report”');
    expect(found[0]!.message).toContain('CRM, owned by Core IT');
  });

  it('treats a contributor with no listed steps as covering the whole journey', () => {
    const model = healthy();
    model.journeys[0]!.steps[0]!.systemIds = [CORE, CRM];
    model.remits[1] = { journeyId: JOURNEY, teamId: IT, role: 'contributing', stepIds: [] };
    expect(kinds(model)).not.toContain('cross_boundary_dependency');
  });

  it('flags two contributors claiming the same step as an overlap', () => {
    const model = healthy();
    model.remits.push({ journeyId: JOURNEY, teamId: SALES, role: 'contributing', stepIds: [STEP_B] });
    const overlaps = analyseOwnership(model).filter((f) => f.kind === 'step_overlap');
    expect(overlaps).toHaveLength(1);
    expect(overlaps[0]!.message).toContain('Core IT and Sales');
  });

  it('flags a system without an owner, and a team missing a capability with what it lacks', () => {
    const model = healthy();
    model.systems[1]!.ownerTeamId = null;
    model.teams[2]!.capabilities = ['design', 'operations'];
    const found = analyseOwnership(model);
    expect(found.find((f) => f.kind === 'system_without_owner')?.fixAt).toEqual({ area: 'system', id: CRM });
    expect(found.find((f) => f.kind === 'team_missing_capability')?.message).toBe('Sales has no engineering, data, compliance capability.');
  });

  it('flags a KPI without owner (critical) and without target (warning)', () => {
    const model = healthy();
    model.kpis[0] = { ...model.kpis[0]!, ownerTeamId: null, target: null };
    const found = analyseOwnership(model);
    expect(found.map((f) => [f.kind, f.severity])).toEqual([
      ['kpi_without_owner', 'critical'],
      ['kpi_without_target', 'warning'],
    ]);
  });

  it('flags a policy that no team with a remit over its steps may change', () => {
    const model = healthy();
    model.policies[0]!.changeTeamIds = [SALES];
    expect(kinds(model)).toEqual(['policy_outside_remit']);
    // A decision right for a contributor on the governed step is enough.
    model.policies[0]!.changeTeamIds = [SALES, IT];
    expect(kinds(model)).toEqual([]);
  });

  it('puts critical findings first and counts every kind', () => {
    const model = healthy();
    model.teams[0]!.capabilities = ['design'];
    model.remits = [];
    const health = modelHealth(model);
    expect(health.findings[0]!.severity).toBe('critical');
    expect(health.counts.journey_without_owner).toBe(1);
    expect(health.counts.team_missing_capability).toBe(1);
    expect(health.counts.step_overlap).toBe(0);
  });
});
