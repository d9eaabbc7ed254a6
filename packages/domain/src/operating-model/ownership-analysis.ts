import type { Capability } from '../team/team.schema.ts';
import { missingCapabilities } from '../team/capability-coverage.ts';
import { FINDING_KINDS, type Finding, type FindingKind } from './health.schema.ts';

/**
 * The operating model as the ownership analysis needs it: only ids, names and the links
 * between them. The database query that builds it lives in `db`; the rules live here.
 */
export interface ModelSnapshot {
  teams: { id: string; name: string; capabilities: readonly Capability[] }[];
  journeys: { id: string; name: string; steps: { id: string; name: string; systemIds: readonly string[] }[] }[];
  /** Contributing remits narrowed to steps list them; an empty list means the whole journey. */
  remits: { journeyId: string; teamId: string; role: 'accountable' | 'contributing'; stepIds: readonly string[] }[];
  systems: { id: string; name: string; ownerTeamId: string | null }[];
  kpis: { id: string; key: string; name: string; ownerTeamId: string | null; target: number | null }[];
  /** `changeTeamIds`: the owner team and every team granted the decision right. */
  policies: { id: string; name: string; stepIds: readonly string[]; changeTeamIds: readonly string[] }[];
}

/** Teams with a remit over a step: the accountable team and contributors whose remit covers it. */
export function teamsOnStep(remits: ModelSnapshot['remits'], journeyId: string, stepId: string): Set<string> {
  return new Set(
    remits
      .filter((r) => r.journeyId === journeyId && (r.role === 'accountable' || r.stepIds.length === 0 || r.stepIds.includes(stepId)))
      .map((r) => r.teamId),
  );
}

/**
 * Every gap in who owns what, per PRODUCT.md: journeys without an accountable team, steps
 * claimed by more than one contributor, steps relying on systems owned outside the journey's
 * remit, teams lacking a capability, KPIs without owner or target, and policies that no team
 * with a remit over the steps they govern may change. Critical findings come first.
 */
export function analyseOwnership(model: ModelSnapshot): Finding[] {
  const findings: Finding[] = [];
  const teamName = new Map(model.teams.map((t) => [t.id, t.name]));
  const systemById = new Map(model.systems.map((s) => [s.id, s]));
  const stepJourney = new Map(model.journeys.flatMap((j) => j.steps.map((s) => [s.id, j.id] as const)));

  for (const journey of model.journeys) {
    const remits = model.remits.filter((r) => r.journeyId === journey.id);
    if (!remits.some((r) => r.role === 'accountable')) {
      findings.push({
        kind: 'journey_without_owner',
        severity: 'critical',
        message: `“${journey.name}” has no accountable team: nobody owns it end to end.`,
        fixAt: { area: 'journey', id: journey.id },
      });
    }
    for (const step of journey.steps) {
      const contributors = remits.filter((r) => r.role === 'contributing' && r.stepIds.includes(step.id));
      if (contributors.length > 1) {
        const names = contributors.map((r) => teamName.get(r.teamId) ?? 'an unknown team').join(' and ');
        findings.push({
          kind: 'step_overlap',
          severity: 'warning',
          message: `“${step.name}” in “${journey.name}” is claimed by ${names}: agree who contributes what.`,
          fixAt: { area: 'journey', id: journey.id },
        });
      }
      const onStep = teamsOnStep(model.remits, journey.id, step.id);
      for (const systemId of step.systemIds) {
        const system = systemById.get(systemId);
        if (!system?.ownerTeamId || onStep.has(system.ownerTeamId)) continue;
        findings.push({
          kind: 'cross_boundary_dependency',
          severity: 'warning',
          message: `“${step.name}” in “${journey.name}” depends on ${system.name}, owned by ${teamName.get(system.ownerTeamId) ?? 'another team'} outside the journey’s remit.`,
          fixAt: { area: 'journey', id: journey.id },
        });
      }
    }
  }

  for (const system of model.systems) {
    if (system.ownerTeamId) continue;
    findings.push({
      kind: 'system_without_owner',
      severity: 'warning',
      message: `${system.name} has no owning team.`,
      fixAt: { area: 'system', id: system.id },
    });
  }

  for (const team of model.teams) {
    const missing = missingCapabilities(team.capabilities);
    if (missing.length === 0) continue;
    findings.push({
      kind: 'team_missing_capability',
      severity: 'warning',
      message: `${team.name} has no ${missing.join(', ')} capability.`,
      fixAt: { area: 'team', id: team.id },
    });
  }

  for (const kpi of model.kpis) {
    if (!kpi.ownerTeamId) {
      findings.push({
        kind: 'kpi_without_owner',
        severity: 'critical',
        message: `KPI “${kpi.name}” has no owner team.`,
        fixAt: { area: 'kpi', id: kpi.id },
      });
    }
    if (kpi.target === null) {
      findings.push({
        kind: 'kpi_without_target',
        severity: 'warning',
        message: `KPI “${kpi.name}” has no target.`,
        fixAt: { area: 'kpi', id: kpi.id },
      });
    }
  }

  for (const policy of model.policies) {
    const remitTeams = new Set(
      policy.stepIds.flatMap((stepId) => {
        const journeyId = stepJourney.get(stepId);
        return journeyId ? [...teamsOnStep(model.remits, journeyId, stepId)] : [];
      }),
    );
    if (remitTeams.size === 0 || policy.changeTeamIds.some((t) => remitTeams.has(t))) continue;
    findings.push({
      kind: 'policy_outside_remit',
      severity: 'warning',
      message: `No team that owns the steps “${policy.name}” governs may change it: every change must go through its owner.`,
      fixAt: { area: 'policy', id: policy.id },
    });
  }

  const rank = { critical: 0, warning: 1 } as const;
  return findings.sort((a, b) => rank[a.severity] - rank[b.severity]);
}

/** The findings with a count per kind (zero included), as the health query serves them. */
export function modelHealth(model: ModelSnapshot): { findings: Finding[]; counts: Record<FindingKind, number> } {
  const findings = analyseOwnership(model);
  const counts = Object.fromEntries(FINDING_KINDS.map((k) => [k, findings.filter((f) => f.kind === k).length])) as Record<
    FindingKind,
    number
  >;
  return { findings, counts };
}
