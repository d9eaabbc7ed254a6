import { useQueries, useQuery } from '@tanstack/react-query';
import type { KpiDefinition, KpiScope } from '@throughline/domain';
import { Link } from 'react-router';
import { trpc } from '../trpc.ts';

export interface ScopeNames {
  journeys: ReadonlyMap<string, string>;
  steps: ReadonlyMap<string, string>;
}

/**
 * Names for the journeys and steps KPIs are scoped to. Step names come from each journey's
 * detail, fetched only for journeys that have step-level KPIs.
 */
export function useScopeNames(kpis: readonly KpiDefinition[] | undefined): ScopeNames {
  const journeys = useQuery(trpc.journey.list.queryOptions());
  const withSteps = [...new Set((kpis ?? []).flatMap((k) => (k.scope.level === 'step' ? [k.scope.journeyId] : [])))];
  const steps = useQueries({
    queries: withSteps.map((id) => trpc.journey.get.queryOptions({ id })),
    combine: (results) => results.flatMap((r) => r.data?.stages.flatMap((s) => s.steps.map((step) => [step.id, step.name] as const)) ?? []),
  });
  return { journeys: new Map((journeys.data ?? []).map((j) => [j.id, j.name])), steps: new Map(steps) };
}

/** Where a KPI is measured, in words, linking to the journey it belongs to. */
export function KpiScopeText({ scope, names }: { scope: KpiScope; names: ScopeNames }) {
  if (scope.level === 'organisation') return <>Whole organisation</>;
  const journey = (
    <Link to={`/journeys/${scope.journeyId}`}>{names.journeys.get(scope.journeyId) ?? 'the journey'}</Link>
  );
  if (scope.level === 'journey') return <>Journey: {journey}</>;
  return (
    <>
      Step “{names.steps.get(scope.stepId) ?? '…'}” in {journey}
    </>
  );
}
