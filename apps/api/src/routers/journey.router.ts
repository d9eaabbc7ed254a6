import { z } from 'zod';
import {
  DomainError,
  ZAddStageInput,
  ZAddStepInput,
  ZId,
  ZJourney,
  ZJourneyBlueprint,
  ZJourneyInput,
  ZJourneySummary,
  ZJourneyUpdateInput,
  ZJourneyVersion,
  ZMoveStageInput,
  ZMoveStepInput,
  ZRemoveStageInput,
  ZRemoveStepInput,
  ZRenameStageInput,
  ZStepName,
  ZStepUpdateInput,
} from '@throughline/domain';
import {
  addStage,
  addStep,
  claimJourneyVersion,
  createJourney,
  findStage,
  findStepJourney,
  getJourney,
  journeyBlueprint,
  listJourneys,
  listStepNames,
  moveStage,
  moveStep,
  removeStage,
  removeStep,
  renameStage,
  updateJourney,
  updateStep,
  type Db,
} from '@throughline/db';
import { requireJourneyInRemit, type AuthorizedContext } from '../access/remit-scope.ts';
import { audit } from '../audit.ts';
import { authorizedProcedure, router } from '../trpc.ts';
import { journeyInterchangeRouter } from './journey-interchange.router.ts';

const ZCreated = z.object({ id: ZId, version: z.number().int() });

/**
 * A structural edit of a journey: checked against the caller's remit outside the transaction
 * (so a refusal is audited), then made inside one that first claims the journey's version, so
 * a stale edit changes nothing. Returns the journey's new version with whatever `edit` adds.
 */
async function structuralEdit<T extends object>(
  ctx: AuthorizedContext,
  journeyId: string,
  journeyVersion: number,
  edit: (db: Db) => Promise<T>,
): Promise<T & { journeyId: string; journeyVersion: number }> {
  await requireJourneyInRemit(ctx, journeyId);
  return ctx.db.transaction().execute(async (db) => {
    const version = await claimJourneyVersion(db, ctx.organisationId, journeyId, journeyVersion);
    return { ...(await edit(db)), journeyId, journeyVersion: version };
  });
}

async function stepOf(ctx: AuthorizedContext, stepId: string) {
  const step = await findStepJourney(ctx.db, ctx.organisationId, stepId);
  if (!step) throw new DomainError('NOT_FOUND', 'Step not found');
  return step;
}

export const journeyRouter = router({
  list: authorizedProcedure('journey.read', 'stored')
    .output(z.array(ZJourneySummary))
    .query(({ ctx }) => listJourneys(ctx.db, ctx.organisationId)),
  /** Every step's name and journey, in one statement: what views naming KPIs' steps need, without each journey's blueprint. */
  stepNames: authorizedProcedure('journey.read', 'stored')
    .output(z.array(ZStepName))
    .query(({ ctx }) => listStepNames(ctx.db, ctx.organisationId)),
  get: authorizedProcedure('journey.read')
    .input(z.object({ id: ZId }))
    .output(ZJourney)
    .query(({ ctx, input }) => getJourney(ctx.db, ctx.organisationId, input.id)),
  /**
   * The blueprint page in one call: the journey, the systems its steps may name and the remits
   * over it. Whoever may read journeys may read systems too (every role; a token's model:read).
   */
  blueprint: authorizedProcedure('journey.read')
    .input(z.object({ id: ZId }))
    .output(ZJourneyBlueprint)
    .query(({ ctx, input }) => journeyBlueprint(ctx.db, ctx.organisationId, input.id)),

  create: authorizedProcedure('journey.create')
    .input(ZJourneyInput)
    .output(ZCreated)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute(async (db) => {
        const journey = await createJourney(db, ctx.organisationId, input);
        await audit(db, ctx, 'journey.created', { type: 'journey', id: journey.id }, { after: journey });
        return { id: journey.id, version: journey.version };
      }),
    ),

  update: authorizedProcedure('journey.edit')
    .input(ZJourneyUpdateInput)
    .output(ZCreated)
    .mutation(async ({ ctx, input }) => {
      await requireJourneyInRemit(ctx, input.id);
      return ctx.db.transaction().execute(async (db) => {
        const { before, after } = await updateJourney(db, ctx.organisationId, input);
        await audit(db, ctx, 'journey.updated', { type: 'journey', id: input.id }, { before, after });
        return { id: after.id, version: after.version };
      });
    }),

  addStage: authorizedProcedure('journey.edit')
    .input(ZAddStageInput)
    .output(ZJourneyVersion.extend({ stageId: ZId }))
    .mutation(({ ctx, input }) =>
      structuralEdit(ctx, input.journeyId, input.journeyVersion, async (db) => {
        const stage = await addStage(db, ctx.organisationId, input.journeyId, input.name);
        await audit(db, ctx, 'stage.added', { type: 'journey_stage', id: stage.id }, { after: stage });
        return { stageId: stage.id };
      }),
    ),

  renameStage: authorizedProcedure('journey.edit')
    .input(ZRenameStageInput)
    .output(ZJourneyVersion)
    .mutation(async ({ ctx, input }) => {
      const stage = await findStage(ctx.db, ctx.organisationId, input.stageId);
      return structuralEdit(ctx, stage.journeyId, input.journeyVersion, async (db) => {
        const after = await renameStage(db, stage.id, input.name);
        await audit(db, ctx, 'stage.renamed', { type: 'journey_stage', id: stage.id }, { before: stage, after });
        return {};
      });
    }),

  /** Moves a stage to a new position; the others close up around it. */
  moveStage: authorizedProcedure('journey.edit')
    .input(ZMoveStageInput)
    .output(ZJourneyVersion)
    .mutation(async ({ ctx, input }) => {
      const stage = await findStage(ctx.db, ctx.organisationId, input.stageId);
      return structuralEdit(ctx, stage.journeyId, input.journeyVersion, async (db) => {
        const order = await moveStage(db, stage.journeyId, stage.id, input.toPosition);
        await audit(
          db,
          ctx,
          'stage.moved',
          { type: 'journey_stage', id: stage.id },
          { before: { position: stage.position }, after: { position: order.indexOf(stage.id) } },
        );
        return {};
      });
    }),

  removeStage: authorizedProcedure('journey.edit')
    .input(ZRemoveStageInput)
    .output(ZJourneyVersion)
    .mutation(async ({ ctx, input }) => {
      const stage = await findStage(ctx.db, ctx.organisationId, input.stageId);
      return structuralEdit(ctx, stage.journeyId, input.journeyVersion, async (db) => {
        await removeStage(db, stage.journeyId, stage.id);
        await audit(db, ctx, 'stage.removed', { type: 'journey_stage', id: stage.id }, { before: stage });
        return {};
      });
    }),

  addStep: authorizedProcedure('journey.edit')
    .input(ZAddStepInput)
    .output(ZJourneyVersion.extend({ stepId: ZId }))
    .mutation(async ({ ctx, input }) => {
      const stage = await findStage(ctx.db, ctx.organisationId, input.stageId);
      return structuralEdit(ctx, stage.journeyId, input.journeyVersion, async (db) => {
        const step = await addStep(db, ctx.organisationId, stage, input);
        await audit(db, ctx, 'step.added', { type: 'journey_step', id: step.id }, { after: step });
        return { stepId: step.id };
      });
    }),

  /** Moves a step within its stage or to another stage of the same journey. */
  moveStep: authorizedProcedure('journey.edit')
    .input(ZMoveStepInput)
    .output(ZJourneyVersion)
    .mutation(async ({ ctx, input }) => {
      const step = await stepOf(ctx, input.stepId);
      const target = await findStage(ctx.db, ctx.organisationId, input.toStageId);
      if (target.journeyId !== step.journeyId) {
        throw new DomainError('BAD_REQUEST', 'A step can move only between stages of its own journey', [
          { path: 'toStageId', message: 'is a stage of another journey' },
        ]);
      }
      return structuralEdit(ctx, step.journeyId, input.journeyVersion, async (db) => {
        await moveStep(db, step, input.toStageId, input.toPosition);
        await audit(
          db,
          ctx,
          'step.moved',
          { type: 'journey_step', id: step.id },
          {
            before: { stageId: step.stageId, position: step.position },
            after: { stageId: input.toStageId, position: input.toPosition },
          },
        );
        return {};
      });
    }),

  removeStep: authorizedProcedure('journey.edit')
    .input(ZRemoveStepInput)
    .output(ZJourneyVersion)
    .mutation(async ({ ctx, input }) => {
      const step = await stepOf(ctx, input.stepId);
      return structuralEdit(ctx, step.journeyId, input.journeyVersion, async (db) => {
        await removeStep(db, step);
        await audit(db, ctx, 'step.removed', { type: 'journey_step', id: step.id }, { before: step });
        return {};
      });
    }),

  /** Edits a step in place: name, channel, blueprint lanes, systems and dependencies. */
  updateStep: authorizedProcedure('journey.edit')
    .input(ZStepUpdateInput)
    .output(z.object({ id: ZId, version: z.number().int() }))
    .mutation(async ({ ctx, input }) => {
      const step = await stepOf(ctx, input.stepId);
      await requireJourneyInRemit(ctx, step.journeyId);
      return ctx.db.transaction().execute(async (db) => {
        const changed = await updateStep(db, ctx.organisationId, input);
        await audit(db, ctx, 'step.updated', { type: 'journey_step', id: input.stepId }, changed);
        return { id: changed.after.id, version: changed.after.version };
      });
    }),

  interchange: journeyInterchangeRouter,
});
