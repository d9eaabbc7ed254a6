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
 * in one call. The step names are asked with the KPIs, in the page's first request, unless the
 * KPIs are known and none is scoped to a step: waiting for the KPIs to decide would cost the page
 * a second round trip.
 */
export function useScopeNames(kpis: readonly KpiDefinition[] | undefined): ScopeNames {
  const journeys = useQuery(trpc.journey.list.queryOptions());
  const mayNeedSteps = kpis === undefined || kpis.some((k) => k.scope.level === 'step');
  const steps = useQuery({ ...trpc.journey.stepNames.queryOptions(), enabled: mayNeedSteps });
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
