import { sql } from 'kysely';
import type { Db } from '../database.ts';

/** What a stored batch held: the survey instruments and operational event types of its rows. */
export interface IngestedKinds {
  instruments: readonly string[];
  eventTypes: readonly string[];
}

/**
 * The KPIs of an organisation that read any of these rows: survey KPIs on one of the instruments,
 * operational KPIs on one of the event types, a ratio's denominator type included. Scope and
 * filters are left to the recompute, which finds nothing new for a KPI the rows do not reach.
 */
export async function kpisFedBy(db: Db, organisationId: string, kinds: IngestedKinds): Promise<string[]> {
  if (kinds.instruments.length === 0 && kinds.eventTypes.length === 0) return [];
  const { rows } = await sql<{ id: string }>`
    SELECT id FROM kpi
    WHERE organisation_id = ${organisationId}::uuid
      AND ((source->>'stream' = 'survey' AND source->>'instrument' = ANY(${[...kinds.instruments]}::text[]))
        OR (source->>'stream' = 'operational' AND (source->>'eventType' = ANY(${[...kinds.eventTypes]}::text[])
                                                 OR source->>'denominatorEventType' = ANY(${[...kinds.eventTypes]}::text[]))))
    ORDER BY id`.execute(db);
  return rows.map((r) => r.id);
}
