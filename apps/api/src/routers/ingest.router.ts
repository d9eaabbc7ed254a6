import { insertSurveyResponses, unknownJourneyRefs, writeAuditEvent } from '@throughline/db';
import { DomainError, ZIngestResult, ZSurveyIngestInput } from '@throughline/domain';
import { auditActor, authorizedProcedure, router } from '../trpc.ts';

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
      const rows = input.responses;
      const unknown = await unknownJourneyRefs(
        ctx.db,
        ctx.organisationId,
        [...new Set(rows.flatMap((r) => (r.journeyId ? [r.journeyId] : [])))],
        [...new Set(rows.flatMap((r) => (r.stepId ? [r.stepId] : [])))],
      );
      const issues = rows.flatMap((r, i) => [
        ...(r.journeyId && unknown.journeys.has(r.journeyId) ? [{ path: `responses.${i}.journeyId`, message: 'is not a journey of this organisation' }] : []),
        ...(r.stepId && unknown.steps.has(r.stepId) ? [{ path: `responses.${i}.stepId`, message: 'is not a step of this organisation' }] : []),
      ]);
      if (issues.length > 0) throw new DomainError('BAD_REQUEST', `${issues.length} rows refer to unknown journeys or steps; nothing was stored`, issues);
      const inserted = await ctx.db.transaction().execute(async (db) => {
        const n = await insertSurveyResponses(db, ctx.organisationId, rows);
        await writeAuditEvent(db, {
          organisationId: ctx.organisationId,
          actor: auditActor(ctx.actor),
          action: 'ingest.survey_responses',
          entity: { type: 'survey_response_batch', id: rows[0]!.source },
          after: { received: rows.length, inserted: n },
        });
        return n;
      });
      return { received: rows.length, inserted, duplicates: rows.length - inserted };
    }),
});
