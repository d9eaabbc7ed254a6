import type { FindingKind } from '@throughline/domain';

interface FindingKindCopy {
  /** A few words for counts: "Journeys without an owner". */
  short: string;
  /** The heading of the group on the health page, in plain language. */
  heading: string;
  /** Why it matters to delivering a better customer experience. */
  why: string;
}

/** How each kind of gap is named and explained; a Record, so a new kind cannot be forgotten. */
export const FINDING_KIND_COPY: Record<FindingKind, FindingKindCopy> = {
  journey_without_owner: {
    short: 'Journeys without an owner',
    heading: 'Journeys nobody owns end to end',
    why: 'Without one accountable team, each function fixes its own touchpoint and nobody answers for the whole experience. Give every journey exactly one accountable team.',
  },
  kpi_without_owner: {
    short: 'KPIs without an owner',
    heading: 'KPIs nobody answers for',
    why: 'A measure without an owner team gets reported but not acted on. Give each KPI the team that can move it.',
  },
  step_overlap: {
    short: 'Overlapping steps',
    heading: 'Steps claimed by more than one contributing team',
    why: 'When two teams claim the same step, work is duplicated or falls between them. Agree who contributes what.',
  },
  cross_boundary_dependency: {
    short: 'Cross-boundary dependencies',
    heading: 'Steps that rely on systems owned outside the journey’s remit',
    why: 'The teams that own the journey cannot change a system their customers depend on, so fixes wait in another team’s backlog. Bring the system’s owner into the remit, or plan for the dependency.',
  },
  policy_outside_remit: {
    short: 'Policies outside remit',
    heading: 'Policies the journey’s teams cannot change',
    why: 'No team that owns the steps a policy governs holds the right to change it, so every improvement has to go through another team or the CX council.',
  },
  system_without_owner: {
    short: 'Systems without an owner',
    heading: 'Systems with no owning team',
    why: 'Nobody is answerable for keeping the system working, or for changing it when a journey needs it to.',
  },
  team_missing_capability: {
    short: 'Teams missing a capability',
    heading: 'Teams missing a capability',
    why: 'A team without design, engineering, data, operations and compliance skills must wait on others to change what it owns.',
  },
  kpi_without_target: {
    short: 'KPIs without a target',
    heading: 'KPIs without a target',
    why: 'Without a target nobody can say whether a result is good enough, or what improving it by a point is worth.',
  },
};
