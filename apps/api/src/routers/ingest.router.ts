import {
  insertOperationalEventBatch,
  insertSurveyResponses,
  kpisFedBy,
  noteRowsStored,
  serverKeepsStatistics,
  unknownJourneyRefs,
  type Db,
  type IngestedKinds,
} from '@throughline/db';
import { DomainError, ZIngestResult, ZOperationalIngestInput, ZSurveyIngestInput } from '@throughline/domain';
import type { z } from 'zod';
import type { AuthorizedContext } from '../access/remit-scope.ts';
import { audit } from '../audit.ts';
import { authorizedProcedure, router, type FieldIssue } from '../trpc.ts';

/**
 * A batch schema as tRPC should run it. tRPC validates with parseAsync, which skips zod's
 * compiled object check and walks every row field by field; parse uses it, and takes about half
 * the time on 5,000 survey responses. Nothing in these schemas is async, so the output, the
 * issues and their paths are the same. A copy, so the domain's schema is left as it is.
 */
function parsedSynchronously<T extends z.ZodType>(schema: T): T {
  const copy = schema.clone();
  return Object.assign(copy, { parseAsync: async (input: unknown) => copy.parse(input) });
}

const SurveyBatch = parsedSynchronously(ZSurveyIngestInput);
const OperationalBatch = parsedSynchronously(ZOperationalIngestInput);

interface JourneyRefs {
  journeyId: string | null;
  stepId: string | null;
  source: string;
}

/**
 * Refuses the whole batch when any row names a journey or step that is not this
 * organisation's, listing every such row by index and field.
 */
async function checkJourneyRefs(ctx: AuthorizedContext, field: string, rows: readonly JourneyRefs[]): Promise<void> {
  // One pass, nothing allocated per row: most batches name no journey, and then nothing is asked.
  const journeyIds = new Set<string>();
  const stepIds = new Set<string>();
  for (const r of rows) {
    if (r.journeyId) journeyIds.add(r.journeyId);
    if (r.stepId) stepIds.add(r.stepId);
  }
  if (journeyIds.size === 0 && stepIds.size === 0) return;
  const unknown = await unknownJourneyRefs(ctx.db, ctx.organisationId, [...journeyIds], [...stepIds]);
  if (unknown.journeys.size === 0 && unknown.steps.size === 0) return;
  const issues: FieldIssue[] = [];
  rows.forEach((r, i) => {
    if (r.journeyId && unknown.journeys.has(r.journeyId))
      issues.push({ path: `${field}.${i}.journeyId`, message: 'is not a journey of this organisation' });
    if (r.stepId && unknown.steps.has(r.stepId))
      issues.push({ path: `${field}.${i}.stepId`, message: 'is not a step of this organisation' });
  });
  throw new DomainError('BAD_REQUEST', `${issues.length} rows refer to unknown journeys or steps; nothing was stored`, issues);
}

/**
 * Stores a checked batch in one transaction with its audit event, and counts what was new. On the
 * embedded database (no autovacuum) the table's planner statistics are refreshed every 20,000 new
 * rows; a failure there is logged, never the batch's.
 */
async function store(
  ctx: AuthorizedContext,
  kind: 'survey_responses' | 'operational_events',
  rows: readonly JourneyRefs[],
  insert: (db: Db) => Promise<number>,
) {
  const inserted = await ctx.db.transaction().execute(async (db) => {
    const n = await insert(db);
    await audit(
      db,
      ctx,
      `ingest.${kind}`,
      { type: `${kind}_batch`, id: rows[0]!.source },
      { after: { received: rows.length, inserted: n } },
    );
    return n;
  });
  // PostgreSQL's autovacuum refreshes statistics by the same rule; the embedded database has none.
  if (!serverKeepsStatistics(ctx.db))
    await noteRowsStored(ctx.db, kind === 'survey_responses' ? 'survey_response' : 'operational_event', inserted).catch(
      (error: unknown) => {
        ctx.log(
          `[api] stored an ingest batch but could not refresh the table's statistics: ${error instanceof Error ? error.message : String(error)}`,
        );
      },
    );
  return { received: rows.length, inserted, duplicates: rows.length - inserted };
}

/** The distinct values of one field over a batch's rows. */
function distinct<R>(rows: readonly R[], pick: (row: R) => string): string[] {
  const seen = new Set<string>();
  for (const r of rows) seen.add(pick(r));
  return [...seen];
}

/**
 * After a batch is stored, queues a refresh of every KPI that reads its rows, whatever the KPI's
 * schedule, so new data shows in its results within seconds. The rows are stored either way: a
 * refresh that cannot be queued is logged, and the KPI catches up at its next scheduled run.
 */
async function refreshFedKpis(ctx: AuthorizedContext, kinds: IngestedKinds): Promise<void> {
  if (!ctx.kpiRefresh) return;
  try {
    await ctx.kpiRefresh.send(ctx.organisationId, await kpisFedBy(ctx.db, ctx.organisationId, kinds));
  } catch (error) {
    ctx.log(
      `[api] stored an ingest batch but could not queue its KPIs' refresh (they update at their next scheduled run): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

export const ingestRouter = router({
  /**
   * A batch of survey responses, all or nothing: any invalid row rejects the whole batch with
   * every bad row's index and field. Re-sending is safe: rows are idempotent by
   * (source, externalId), and the result says how many were new.
   */
  surveyResponses: authorizedProcedure('ingest.write')
    .input(SurveyBatch)
    .output(ZIngestResult)
    .mutation(async ({ ctx, input }) => {
      await checkJourneyRefs(ctx, 'responses', input.responses);
      const result = await store(ctx, 'survey_responses', input.responses, (db) =>
        insertSurveyResponses(db, ctx.organisationId, input.responses),
      );
      if (result.inserted > 0) await refreshFedKpis(ctx, { instruments: distinct(input.responses, (r) => r.instrument), eventTypes: [] });
      return result;
    }),

  /** Operational events (contacts, escalations, resolutions, churn, revenue, cost…), on the same terms. */
  operationalEvents: authorizedProcedure('ingest.write')
    .input(OperationalBatch)
    .output(ZIngestResult)
    .mutation(async ({ ctx, input }) => {
      await checkJourneyRefs(ctx, 'events', input.events);
      const result = await store(ctx, 'operational_events', input.events, (db) =>
        insertOperationalEventBatch(db, ctx.organisationId, input.events),
      );
      if (result.inserted > 0) await refreshFedKpis(ctx, { instruments: [], eventTypes: distinct(input.events, (e) => e.type) });
      return result;
    }),
});
