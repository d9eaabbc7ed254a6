import { z } from 'zod';
import { DomainError, ZId, ZJourney, ZJourneySummary, ZStepUpdateInput } from '@throughline/domain';
import { findStepJourney, getJourney, journeyInUserRemit, listJourneys, updateStep, writeAuditEvent } from '@throughline/db';
import { auditActor, authorizedProcedure, router } from '../trpc.ts';

export const journeyRouter = router({
  list: authorizedProcedure('journey.read').output(z.array(ZJourneySummary)).query(({ ctx }) => listJourneys(ctx.db, ctx.organisationId)),
  get: authorizedProcedure('journey.read')
    .input(z.object({ id: ZId }))
    .output(ZJourney)
    .query(({ ctx, input }) => getJourney(ctx.db, ctx.organisationId, input.id)),

  /** Edits a step in place. Team members may edit only journeys in their team's remit. */
  updateStep: authorizedProcedure('journey.edit')
    .input(ZStepUpdateInput)
    .output(z.object({ id: ZId, version: z.number().int() }))
    .mutation(async ({ ctx, input }) => {
      const { actor } = ctx;
      const step = await findStepJourney(ctx.db, ctx.organisationId, input.stepId);
      if (!step) throw new DomainError('NOT_FOUND', 'Step not found');
      if (ctx.reach === 'remit' && !(actor.kind === 'member' && (await journeyInUserRemit(ctx.db, ctx.organisationId, actor.userId, step.journey_id)))) {
        await writeAuditEvent(ctx.db, {
          organisationId: ctx.organisationId,
          actor: auditActor(actor),
          action: 'access.denied',
          entity: { type: 'journey_step', id: input.stepId },
          after: { permission: 'journey.edit', reason: 'outside remit' },
        });
        throw new DomainError('FORBIDDEN', "This journey is outside your team's remit; ask its owner team or a CX lead");
      }
      return ctx.db.transaction().execute(async (db) => {
        const changed = await updateStep(db, ctx.organisationId, input);
        if (!changed) throw new DomainError('CONFLICT', 'Someone else changed this step since you opened it; reload and try again');
        await writeAuditEvent(db, {
          organisationId: ctx.organisationId,
          actor: auditActor(actor),
          action: 'step.updated',
          entity: { type: 'journey_step', id: input.stepId },
          before: changed.before,
          after: changed.after,
        });
        return { id: changed.after.id, version: changed.after.version };
      });
    }),
});
