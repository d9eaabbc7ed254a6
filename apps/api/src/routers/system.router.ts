import { z } from 'zod';
import { ZId, ZSystemInput, ZSystemUpdateInput, ZSystemWithOwner } from '@throughline/domain';
import { createSystem, listSystems, updateSystem } from '@throughline/db';
import { audit } from '../audit.ts';
import { authorizedProcedure, router } from '../trpc.ts';

const ZSaved = z.object({ id: ZId, version: z.number().int() });

export const systemRouter = router({
  list: authorizedProcedure('system.read')
    .output(z.array(ZSystemWithOwner))
    .query(({ ctx }) => listSystems(ctx.db, ctx.organisationId)),

  create: authorizedProcedure('system.edit')
    .input(ZSystemInput)
    .output(ZSaved)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute(async (db) => {
        const system = await createSystem(db, ctx.organisationId, input);
        await audit(db, ctx, 'system.created', { type: 'system', id: system.id }, { after: system });
        return { id: system.id, version: system.version };
      }),
    ),

  update: authorizedProcedure('system.edit')
    .input(ZSystemUpdateInput)
    .output(ZSaved)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute(async (db) => {
        const change = await updateSystem(db, ctx.organisationId, input);
        await audit(db, ctx, 'system.updated', { type: 'system', id: input.id }, change);
        return { id: input.id, version: change.after.version };
      }),
    ),
});
