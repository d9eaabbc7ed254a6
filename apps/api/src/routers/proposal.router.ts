import { z } from 'zod';
import {
  DomainError,
  mayDecide,
  nextProposalState,
  routeProposal,
  ZChangeProposal,
  ZDecision,
  ZId,
  ZProposalDecisionInput,
  ZProposalInput,
  ZProposalState,
  ZVersion,
  type ChangeProposal,
  type ProposalAction,
} from '@throughline/domain';
import {
  changeTeamIds,
  findTeam,
  getPolicy,
  getProposal,
  insertDecision,
  insertProposal,
  listDecisions,
  listProposals,
  lockAtVersion,
  setPolicyStatement,
  teamIdsOfUser,
  updateProposalState,
} from '@throughline/db';
import { deny, requireOwnTeam } from '../access/remit-scope.ts';
import { actorName } from '../actor-name.ts';
import { audit } from '../audit.ts';
import { authorizedProcedure, router } from '../trpc.ts';

const ZVersioned = z.object({ id: ZId, version: ZVersion });

function transition(p: ChangeProposal, action: ProposalAction) {
  const next = nextProposalState(p.state, action);
  if (!next.ok) throw new DomainError('PRECONDITION_FAILED', next.message);
  return next.state;
}

export const proposalRouter = router({
  list: authorizedProcedure('proposal.read')
    .input(z.object({ state: ZProposalState.optional(), teamId: ZId.optional() }).default({}))
    .output(z.array(ZChangeProposal))
    .query(({ ctx, input }) => listProposals(ctx.db, ctx.organisationId, input)),

  get: authorizedProcedure('proposal.read')
    .input(z.object({ id: ZId }))
    .output(ZChangeProposal)
    .query(({ ctx, input }) => getProposal(ctx.db, ctx.organisationId, input.id)),

  /** A draft on behalf of a team: a team member drafts only for their own teams. */
  create: authorizedProcedure('proposal.create')
    .input(ZProposalInput)
    .output(ZChangeProposal)
    .mutation(async ({ ctx, input }) => {
      await getPolicy(ctx.db, ctx.organisationId, input.policyId);
      await findTeam(ctx.db, ctx.organisationId, input.teamId);
      await requireOwnTeam(ctx, input.teamId, 'proposal.create', 'The proposing team');
      return ctx.db.transaction().execute(async (db) => {
        const proposal = await insertProposal(db, ctx.organisationId, input, await actorName(db, ctx.actor));
        await audit(db, ctx, 'proposal.created', { type: 'change_proposal', id: proposal.id }, { after: proposal });
        return proposal;
      });
    }),

  /** draft → proposed, routed to the team or the council by the rules in domain. */
  submit: authorizedProcedure('proposal.create')
    .input(ZVersioned)
    .output(ZChangeProposal)
    .mutation(async ({ ctx, input }) => {
      await requireOwnTeam(ctx, (await getProposal(ctx.db, ctx.organisationId, input.id)).teamId, 'proposal.create', 'This proposal');
      return ctx.db.transaction().execute(async (db) => {
        await lockAtVersion(db, 'change_proposal', { organisationId: ctx.organisationId, ...input });
        const before = await getProposal(db, ctx.organisationId, input.id);
        const state = transition(before, 'submit');
        const [policy, team] = await Promise.all([
          getPolicy(db, ctx.organisationId, before.policyId),
          findTeam(db, ctx.organisationId, before.teamId),
        ]);
        const route = routeProposal({
          changeTeamIds: changeTeamIds(policy),
          proposingTeamId: team.id,
          spendingAuthority: team.spendingAuthority,
          cost: before.cost,
        });
        const after = await updateProposalState(db, ctx.organisationId, {
          ...input,
          state,
          approver: route.approver,
          routingReason: route.reason,
        });
        await audit(db, ctx, 'proposal.submitted', { type: 'change_proposal', id: input.id }, { before, after });
        return after;
      });
    }),

  /** Approves or rejects with a reason; the decision goes into the decision log. */
  decide: authorizedProcedure('proposal.decide')
    .input(ZProposalDecisionInput)
    .output(ZChangeProposal)
    .mutation(async ({ ctx, input }) => {
      const current = await getProposal(ctx.db, ctx.organisationId, input.id);
      const teamIds = ctx.actor.kind === 'member' ? await teamIdsOfUser(ctx.db, ctx.organisationId, ctx.actor.userId) : [];
      const role = ctx.actor.kind === 'member' ? ctx.actor.role : 'viewer';
      if (current.approver && !mayDecide(current.approver, { role, teamIds }, current.teamId)) {
        await deny(
          ctx,
          { type: 'change_proposal', id: current.id },
          'proposal.decide',
          current.approver === 'council'
            ? 'This change goes to the CX council: a CX lead must decide it'
            : `Only ${current.teamName} or the CX council may decide this change`,
          `routed to the ${current.approver}`,
        );
      }
      return ctx.db.transaction().execute(async (db) => {
        await lockAtVersion(db, 'change_proposal', { organisationId: ctx.organisationId, ...input });
        const before = await getProposal(db, ctx.organisationId, input.id);
        const state = transition(before, input.decision);
        const after = await updateProposalState(db, ctx.organisationId, {
          id: input.id,
          version: input.version,
          state,
          decisionReason: input.reason,
        });
        await insertDecision(db, ctx.organisationId, {
          subjectType: 'change_proposal',
          subjectId: input.id,
          summary: `${before.title} (${before.policyName})`,
          outcome: state,
          reason: input.reason,
          decidedBy: await actorName(db, ctx.actor),
          decidedByBody: before.approver === 'council' || role === 'cx_lead' || role === 'admin' ? 'council' : 'team',
        });
        await audit(db, ctx, `proposal.${state}`, { type: 'change_proposal', id: input.id }, { before, after });
        return after;
      });
    }),

  /** approved → implemented: the policy now reads as proposed. */
  implement: authorizedProcedure('proposal.create')
    .input(ZVersioned)
    .output(ZChangeProposal)
    .mutation(async ({ ctx, input }) => {
      await requireOwnTeam(ctx, (await getProposal(ctx.db, ctx.organisationId, input.id)).teamId, 'proposal.create', 'This proposal');
      return ctx.db.transaction().execute(async (db) => {
        await lockAtVersion(db, 'change_proposal', { organisationId: ctx.organisationId, ...input });
        const before = await getProposal(db, ctx.organisationId, input.id);
        const state = transition(before, 'implement');
        const policyBefore = await getPolicy(db, ctx.organisationId, before.policyId);
        const policyAfter = await setPolicyStatement(db, ctx.organisationId, before.policyId, before.proposedStatement);
        const after = await updateProposalState(db, ctx.organisationId, { ...input, state });
        // One change, one audit event: the proposal's move and the policy's new wording together.
        await audit(
          db,
          ctx,
          'proposal.implemented',
          { type: 'change_proposal', id: input.id },
          {
            before: { proposal: before, policy: { statement: policyBefore.statement, version: policyBefore.version } },
            after: { proposal: after, policy: policyAfter },
          },
        );
        return after;
      });
    }),

  decisions: authorizedProcedure('decision.read')
    .input(z.object({ limit: z.number().int().min(1).max(500).default(200) }).default({ limit: 200 }))
    .output(z.array(ZDecision))
    .query(({ ctx, input }) => listDecisions(ctx.db, ctx.organisationId, input.limit)),
});
