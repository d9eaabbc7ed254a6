import { useQuery } from '@tanstack/react-query';
import type { KpiKind } from '@throughline/domain';
import { trpc } from '../trpc.ts';

export interface KpiUnit {
  kind: KpiKind;
  unit: string;
  grain: 'day' | 'week' | 'month' | 'quarter';
}

/**
 * How to show a KPI's numbers, by its id: the reports carry a KPI's unit but not its kind or
 * grain, which decide the format (a signed NPS, a CSAT share, a month or a quarter).
 * Until the definitions load, a plain number with its unit stands in.
 */
export function useKpiUnits(): (kpiId: string, unit: string) => KpiUnit {
  const kpis = useQuery(trpc.kpi.list.queryOptions());
  const byId = new Map(kpis.data?.map((k) => [k.id, k]));
  return (kpiId, unit) => {
    const k = byId.get(kpiId);
    return k ? { kind: k.kind, unit: k.unit, grain: k.grain } : { kind: 'mean', unit, grain: 'month' };
  };
}
