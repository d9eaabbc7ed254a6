import type { RemitView } from '@throughline/domain';

interface Named {
  id: string;
  name: string;
}

export interface OwnershipCell {
  team: Named;
  /** The team's remit over the journey (at most one: the database allows one per team and journey). */
  remit: RemitView | null;
  /** The steps of this contribution that another contributor claims as well. */
  overlapStepIds: string[];
}

export interface OwnershipRow {
  journey: Named;
  /** The journey's one accountable remit; null is a gap. */
  accountable: RemitView | null;
  /** One cell per team, in the teams' order. */
  cells: OwnershipCell[];
  /** Steps claimed by two or more contributors. */
  overlapStepIds: string[];
}

/**
 * Journeys × teams. A step counts as overlapping when two or more contributors list it, the
 * same rule as the domain's `step_overlap` finding (a contributor over the whole journey
 * claims no step in particular, so it overlaps nobody).
 */
export function ownershipMatrix(journeys: readonly Named[], teams: readonly Named[], remits: readonly RemitView[]): OwnershipRow[] {
  return journeys.map((journey) => {
    const onJourney = remits.filter((r) => r.journeyId === journey.id);
    const claims = new Map<string, number>();
    for (const remit of onJourney) {
      if (remit.role !== 'contributing') continue;
      for (const stepId of new Set(remit.stepIds)) claims.set(stepId, (claims.get(stepId) ?? 0) + 1);
    }
    const overlapStepIds = [...claims].filter(([, n]) => n > 1).map(([stepId]) => stepId);
    return {
      journey,
      accountable: onJourney.find((r) => r.role === 'accountable') ?? null,
      overlapStepIds,
      cells: teams.map((team) => {
        const remit = onJourney.find((r) => r.teamId === team.id) ?? null;
        const overlaps = remit?.role === 'contributing' ? remit.stepIds.filter((s) => overlapStepIds.includes(s)) : [];
        return { team, remit, overlapStepIds: overlaps };
      }),
    };
  });
}
