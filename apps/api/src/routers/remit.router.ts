import { z } from 'zod';
import { ZId, ZRemitInput, ZRemitView } from '@throughline/domain';
import { addRemit, insertDecision, listRemits, removeRemit } from '@throughline/db';
import { audit } from '../audit.ts';
import { actorName } from '../actor-name.ts';
import { authorizedProcedure, router } from '../trpc.ts';

export const remitRouter = router({
  list: authorizedProcedure('journey.read')
    .output(z.array(ZRemitView))
    .query(({ ctx }) => listRemits(ctx.db, ctx.organisationId)),

  /** Gives a team a remit over a journey; the council's decision, so it is logged as one. */
  add: authorizedProcedure('remit.edit')
    .input(ZRemitInput)
    .output(z.object({ id: ZId }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute(async (db) => {
        const remit = await addRemit(db, ctx.organisationId, input);
        await audit(db, ctx, 'remit.added', { type: 'remit', id: remit.id }, { after: remit });
        const view = (await listRemits(db, ctx.organisationId)).find((r) => r.id === remit.id)!;
        await insertDecision(db, ctx.organisationId, {
          subjectType: 'remit',
          subjectId: remit.id,
          summary:
            input.role === 'accountable'
              ? `${view.teamName} made accountable for “${view.journeyName}”`
              : `${view.teamName} contributes to “${view.journeyName}”`,
          outcome: input.role,
          reason: '',
          decidedBy: await actorName(db, ctx.actor),
          decidedByBody: 'council',
        });
        return { id: remit.id };
      }),
    ),

  remove: authorizedProcedure('remit.edit')
    .input(z.object({ id: ZId }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute(async (db) => {
        const remit = await removeRemit(db, ctx.organisationId, input.id);
        await audit(db, ctx, 'remit.removed', { type: 'remit', id: remit.id }, { before: remit });
        return { ok: true as const };
      }),
    ),
});
