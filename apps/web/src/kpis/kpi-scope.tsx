import { useQuery } from '@tanstack/react-query';
import type { KpiDefinition, KpiScope } from '@throughline/domain';
import { Link } from 'react-router';
import { trpc } from '../trpc.ts';

export interface ScopeNames {
  journeys: ReadonlyMap<string, string>;
  steps: ReadonlyMap<string, string>;
}

/**
 * Names for the journeys and steps KPIs are scoped to: the journey list, and every step's name
 * in one call, asked only when some KPI is scoped to a step.
 */
export function useScopeNames(kpis: readonly KpiDefinition[] | undefined): ScopeNames {
  const journeys = useQuery(trpc.journey.list.queryOptions());
  const anyStep = (kpis ?? []).some((k) => k.scope.level === 'step');
  const steps = useQuery({ ...trpc.journey.stepNames.queryOptions(), enabled: anyStep });
  return {
    journeys: new Map((journeys.data ?? []).map((j) => [j.id, j.name])),
    steps: new Map((steps.data ?? []).map((step) => [step.id, step.name])),
  };
}

/** Where a KPI is measured, in words, linking to the journey it belongs to. */
export function KpiScopeText({ scope, names }: { scope: KpiScope; names: ScopeNames }) {
  if (scope.level === 'organisation') return <>Whole organisation</>;
  const journey = <Link to={`/journeys/${scope.journeyId}`}>{names.journeys.get(scope.journeyId) ?? 'the journey'}</Link>;
  if (scope.level === 'journey') return <>Journey: {journey}</>;
  return (
    <>
      Step “{names.steps.get(scope.stepId) ?? '…'}” in {journey}
    </>
  );
}
