import { insertOperationalEventBatch, insertSurveyResponses, unknownJourneyRefs, type Db } from '@throughline/db';
import { DomainError, ZIngestResult, ZOperationalIngestInput, ZSurveyIngestInput } from '@throughline/domain';
import type { AuthorizedContext } from '../access/remit-scope.ts';
import { audit } from '../audit.ts';
import { authorizedProcedure, router } from '../trpc.ts';

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
  const unknown = await unknownJourneyRefs(
    ctx.db,
    ctx.organisationId,
    [...new Set(rows.flatMap((r) => (r.journeyId ? [r.journeyId] : [])))],
    [...new Set(rows.flatMap((r) => (r.stepId ? [r.stepId] : [])))],
  );
  const issues = rows.flatMap((r, i) => [
    ...(r.journeyId && unknown.journeys.has(r.journeyId) ? [{ path: `${field}.${i}.journeyId`, message: 'is not a journey of this organisation' }] : []),
    ...(r.stepId && unknown.steps.has(r.stepId) ? [{ path: `${field}.${i}.stepId`, message: 'is not a step of this organisation' }] : []),
  ]);
  if (issues.length > 0) throw new DomainError('BAD_REQUEST', `${issues.length} rows refer to unknown journeys or steps; nothing was stored`, issues);
}

/** Stores a checked batch in one transaction with its audit event, and counts what was new. */
async function store(ctx: AuthorizedContext, kind: string, rows: readonly JourneyRefs[], insert: (db: Db) => Promise<number>) {
  const inserted = await ctx.db.transaction().execute(async (db) => {
    const n = await insert(db);
    await audit(db, ctx, `ingest.${kind}`, { type: `${kind}_batch`, id: rows[0]!.source }, { after: { received: rows.length, inserted: n } });
    return n;
  });
  return { received: rows.length, inserted, duplicates: rows.length - inserted };
}

export const ingestRouter = router({
  /**
   * A batch of survey responses, all or nothing: any invalid row rejects the whole batch with
   * every bad row's index and field. Re-sending is safe: rows are idempotent by
   * (source, externalId), and the result says how many were new.
   */
  surveyResponses: authorizedProcedure('ingest.write')
    .input(ZSurveyIngestInput)
    .output(ZIngestResult)
    .mutation(async ({ ctx, input }) => {
      await checkJourneyRefs(ctx, 'responses', input.responses);
      return store(ctx, 'survey_responses', input.responses, (db) => insertSurveyResponses(db, ctx.organisationId, input.responses));
    }),

  /** Operational events (contacts, escalations, resolutions, churn, revenue, cost…), on the same terms. */
  operationalEvents: authorizedProcedure('ingest.write')
    .input(ZOperationalIngestInput)
    .output(ZIngestResult)
    .mutation(async ({ ctx, input }) => {
      await checkJourneyRefs(ctx, 'events', input.events);
      return store(ctx, 'operational_events', input.events, (db) => insertOperationalEventBatch(db, ctx.organisationId, input.events));
    }),
});
