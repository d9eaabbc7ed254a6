import { z } from 'zod';
import { ZId, ZJourneyDocument } from '@throughline/domain';
import { exportJourney, importJourney } from '@throughline/db';
import { audit } from '../audit.ts';
import { authorizedProcedure, router } from '../trpc.ts';

/** Journeys as portable JSON documents (a versioned format defined in domain). */
export const journeyInterchangeRouter = router({
  export: authorizedProcedure('journey.read')
    .input(z.object({ id: ZId }))
    .output(ZJourneyDocument)
    .query(({ ctx, input }) => exportJourney(ctx.db, ctx.organisationId, input.id, ctx.now())),

  /** Validates the whole document first; any problem refuses it and creates nothing. */
  import: authorizedProcedure('journey.create')
    .input(z.object({ document: ZJourneyDocument, createMissingSystems: z.boolean().default(false) }))
    .output(z.object({ journeyId: ZId, stages: z.number().int(), steps: z.number().int(), systemsCreated: z.array(z.string()) }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute(async (db) => {
        const result = await importJourney(db, ctx.organisationId, input.document, { createMissingSystems: input.createMissingSystems });
        await audit(
          db,
          ctx,
          'journey.imported',
          { type: 'journey', id: result.journeyId },
          { after: { name: input.document.journey.name, ...result } },
        );
        return result;
      }),
    ),
});
