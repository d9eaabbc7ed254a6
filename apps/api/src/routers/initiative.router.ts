import { z } from 'zod';
import {
  benefitsPortfolio,
  checkGate,
  DomainError,
  fundingAmount,
  mayDecide,
  routeFunding,
  ZAcidTestEntry,
  ZAdvanceInput,
  ZBacklog,
  ZBenefitsPortfolio,
  ZFundingDecisionInput,
  ZId,
  ZInitiative,
  ZInitiativeInput,
  ZInitiativeStage,
  ZInitiativeUpdateInput,
  ZTeamBudget,
  type Initiative,
} from '@throughline/domain';
import {
  acidTest,
  createInitiative,
  deleteInitiative,
  findTeam,
  getInitiative,
  insertDecision,
  kpiHasDataAfter,
  listInitiatives,
  lockAtVersion,
  readBacklog,
  setInitiativeStage,
  teamBudgets,
  teamIdsOfUser,
  touchInitiative,
  updateInitiative,
  type Db,
} from '@throughline/db';
import { deny, requireOwnTeam, type AuthorizedContext } from '../access/remit-scope.ts';
import { actorName } from '../actor-name.ts';
import { audit } from '../audit.ts';
import { authorizedProcedure, router } from '../trpc.ts';

const today = (ctx: AuthorizedContext) => ctx.now().toISOString().slice(0, 10);

function refuseGate(result: ReturnType<typeof checkGate>): void {
  if (!result.ok) throw new DomainError('PRECONDITION_FAILED', result.message, result.issues);
}

/** Who may decide funding, and why: the team within its spending authority, the council above it. */
async function fundingRoute(db: Db, organisationId: string, i: Initiative) {
  const team = await findTeam(db, organisationId, i.teamId);
  return { ...routeFunding(fundingAmount(i), team.spendingAuthority), amount: fundingAmount(i), authority: team.spendingAuthority };
}

/** The decisive estimate of the case KPI's movement, as the acid test finds it today; null when too little data. */
async function measurementOf(ctx: AuthorizedContext, i: Initiative) {
  const [entry] = await acidTest(ctx.db, ctx.organisationId, today(ctx), { initiativeId: i.id });
  const kpi = entry?.kpis.find((k) => k.kpiId === i.kpiId);
  if (!kpi || kpi.effect === null || kpi.effectLow === null || kpi.effectHigh === null) return null;
  return { kpiId: kpi.kpiId, design: kpi.design, uplift: kpi.effect, low: kpi.effectLow, high: kpi.effectHigh };
}

export const initiativeRouter = router({
  /** The value backlog, highest priority first. */
  list: authorizedProcedure('initiative.read')
    .input(z.object({ journeyId: ZId.optional(), teamId: ZId.optional(), stage: ZInitiativeStage.optional() }).default({}))
    .output(z.array(ZInitiative))
    .query(({ ctx, input }) => listInitiatives(ctx.db, ctx.organisationId, input)),

  /**
   * The backlog page in one call: the initiatives, the journeys and teams to filter and propose
   * by, and the caller's own teams. Whoever may read initiatives may read journeys and teams too.
   */
  backlog: authorizedProcedure('initiative.read')
    .input(z.object({}).default({}))
    .output(ZBacklog)
    .query(({ ctx }) => readBacklog(ctx.db, ctx.organisationId, ctx.actor.kind === 'member' ? ctx.actor.userId : null)),

  get: authorizedProcedure('initiative.read')
    .input(z.object({ id: ZId }))
    .output(
      ZInitiative.extend({
        funding: z.object({ approver: z.enum(['team', 'council']), reason: z.string(), amount: z.number(), authority: z.number() }),
      }),
    )
    .query(async ({ ctx, input }) => {
      const initiative = await getInitiative(ctx.db, ctx.organisationId, input.id);
      const { approver, reason, amount, authority } = await fundingRoute(ctx.db, ctx.organisationId, initiative);
      return { ...initiative, funding: { approver, reason, amount, authority } };
    }),

  /** A team member proposes initiatives for their own teams; the council for any team. */
  create: authorizedProcedure('initiative.edit')
    .input(ZInitiativeInput)
    .output(ZInitiative)
    .mutation(async ({ ctx, input }) => {
      await requireOwnTeam(ctx, input.teamId, 'initiative.edit', 'The owning team');
      return ctx.db.transaction().execute(async (db) => {
        const after = await createInitiative(db, ctx.organisationId, input);
        await audit(db, ctx, 'initiative.created', { type: 'initiative', id: after.id }, { after });
        return after;
      });
    }),

  update: authorizedProcedure('initiative.edit')
    .input(ZInitiativeUpdateInput)
    .output(ZInitiative)
    .mutation(async ({ ctx, input }) => {
      const current = await getInitiative(ctx.db, ctx.organisationId, input.id);
      await requireOwnTeam(ctx, current.teamId, 'initiative.edit', 'This initiative');
      await requireOwnTeam(ctx, input.teamId, 'initiative.edit', 'The owning team');
      return ctx.db.transaction().execute(async (db) => {
        await lockAtVersion(db, 'initiative', { organisationId: ctx.organisationId, ...input });
        const before = await getInitiative(db, ctx.organisationId, input.id);
        // Once funded, the money is what was approved: a bigger case goes back through funding.
        if (before.fundingApprover && fundingAmount(input) > fundingAmount(before)) {
          throw new DomainError('PRECONDITION_FAILED', 'The costs exceed what was funded; a larger case needs a new funding decision', [
            { path: 'oneOffBusiness', message: 'raises the funded cost' },
          ]);
        }
        const after = await updateInitiative(db, ctx.organisationId, input);
        await audit(db, ctx, 'initiative.updated', { type: 'initiative', id: input.id }, { before, after });
        return after;
      });
    }),

  /** Moves through a gate (not funding): each gate refuses, by field, what it still lacks. */
  advance: authorizedProcedure('initiative.edit')
    .input(ZAdvanceInput)
    .output(ZInitiative)
    .mutation(async ({ ctx, input }) => {
      const current = await getInitiative(ctx.db, ctx.organisationId, input.id);
      await requireOwnTeam(ctx, current.teamId, 'initiative.edit', 'This initiative');
      const resultsAfterImplementation =
        input.to === 'measured' && current.kpiId && current.implementedOn
          ? await kpiHasDataAfter(ctx.db, current.kpiId, current.implementedOn)
          : false;
      // The measured gate records what the acid test's strongest design found on the case's KPI,
      // so benefits realised are read from the record rather than re-estimated as data moves on.
      const measurement = resultsAfterImplementation ? await measurementOf(ctx, current) : null;
      return ctx.db.transaction().execute(async (db) => {
        await lockAtVersion(db, 'initiative', { organisationId: ctx.organisationId, ...input });
        const before = await getInitiative(db, ctx.organisationId, input.id);
        refuseGate(checkGate(before.stage, input.to, before, { today: today(ctx), resultsAfterImplementation }));
        const after = await setInitiativeStage(db, ctx.organisationId, {
          id: input.id,
          version: input.version,
          stage: input.to,
          ...(input.to === 'measured' && { measuredOn: today(ctx), measurement }),
        });
        await audit(db, ctx, `initiative.${input.to}`, { type: 'initiative', id: input.id }, { before, after });
        return after;
      });
    }),

  /**
   * designed → funded by whoever holds the authority, or a refusal that leaves it designed; both
   * go into the decision log with the reason.
   */
  decideFunding: authorizedProcedure('initiative.fund')
    .input(ZFundingDecisionInput)
    .output(ZInitiative)
    .mutation(async ({ ctx, input }) => {
      const current = await getInitiative(ctx.db, ctx.organisationId, input.id);
      const route = await fundingRoute(ctx.db, ctx.organisationId, current);
      const teamIds = ctx.actor.kind === 'member' ? await teamIdsOfUser(ctx.db, ctx.organisationId, ctx.actor.userId) : [];
      const role = ctx.actor.kind === 'member' ? ctx.actor.role : 'viewer';
      if (!mayDecide(route.approver, { role, teamIds }, current.teamId)) {
        await deny(
          ctx,
          { type: 'initiative', id: current.id },
          'initiative.fund',
          route.approver === 'council'
            ? `${route.reason} A CX lead must decide it.`
            : `Only ${current.teamName} or the CX council may fund this initiative`,
          `funding routed to the ${route.approver}`,
        );
      }
      return ctx.db.transaction().execute(async (db) => {
        await lockAtVersion(db, 'initiative', { organisationId: ctx.organisationId, ...input });
        const before = await getInitiative(db, ctx.organisationId, input.id);
        if (input.decision === 'approve') refuseGate(checkGate(before.stage, 'funded', before, { today: today(ctx) }, true));
        else if (before.stage !== 'designed')
          throw new DomainError('PRECONDITION_FAILED', 'Only a designed initiative awaits a funding decision.');
        const after =
          input.decision === 'approve'
            ? await setInitiativeStage(db, ctx.organisationId, {
                id: input.id,
                version: input.version,
                stage: 'funded',
                fundingApprover: route.approver,
                fundedOn: today(ctx),
              })
            : await touchInitiative(db, ctx.organisationId, input.id, input.version);
        await insertDecision(db, ctx.organisationId, {
          subjectType: 'initiative',
          subjectId: input.id,
          summary: `Funding of “${before.title}” (£${route.amount.toLocaleString('en-GB')})`,
          outcome: input.decision === 'approve' ? 'funded' : 'funding refused',
          reason: input.reason,
          decidedBy: await actorName(db, ctx.actor),
          decidedByBody: route.approver === 'council' || role === 'cx_lead' || role === 'admin' ? 'council' : 'team',
        });
        await audit(
          db,
          ctx,
          input.decision === 'approve' ? 'initiative.funded' : 'initiative.funding_refused',
          { type: 'initiative', id: input.id },
          { before, after },
        );
        return after;
      });
    }),

  /** Only an idea can be withdrawn; anything further has a record worth keeping. */
  delete: authorizedProcedure('initiative.edit')
    .input(z.object({ id: ZId }))
    .output(z.object({ id: ZId }))
    .mutation(async ({ ctx, input }) => {
      const current = await getInitiative(ctx.db, ctx.organisationId, input.id);
      await requireOwnTeam(ctx, current.teamId, 'initiative.edit', 'This initiative');
      if (current.stage !== 'idea')
        throw new DomainError('PRECONDITION_FAILED', `Only an idea can be withdrawn; this one is ${current.stage.replace('_', ' ')}.`);
      return ctx.db.transaction().execute(async (db) => {
        await deleteInitiative(db, ctx.organisationId, input.id);
        await audit(db, ctx, 'initiative.deleted', { type: 'initiative', id: input.id }, { before: current });
        return { id: input.id };
      });
    }),

  budgets: authorizedProcedure('initiative.read')
    .input(z.object({}).default({}))
    .output(z.array(ZTeamBudget))
    .query(({ ctx }) => teamBudgets(ctx.db, ctx.organisationId)),

  /**
   * Benefits realised: each delivered initiative's expected against measured uplift and value, and
   * the sums by journey, team and year — the refreshed business case funding decisions read from.
   */
  portfolio: authorizedProcedure('initiative.read')
    .input(z.object({}).default({}))
    .output(ZBenefitsPortfolio)
    .query(async ({ ctx }) => benefitsPortfolio(await listInitiatives(ctx.db, ctx.organisationId))),

  /**
   * Every implemented initiative's targeted KPIs judged three ways (difference in differences,
   * interrupted time series, before vs after), the verdict from the strongest, and the chain that led there.
   */
  acidTest: authorizedProcedure('initiative.read')
    .input(z.object({ initiativeId: ZId.optional() }).default({}))
    .output(z.array(ZAcidTestEntry))
    .query(({ ctx, input }) =>
      acidTest(ctx.db, ctx.organisationId, today(ctx), input.initiativeId ? { initiativeId: input.initiativeId } : undefined),
    ),
});
