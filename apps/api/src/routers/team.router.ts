import { z } from 'zod';
import { ZId, ZTeam, ZTeamInput, ZTeamMembersInput, ZTeamUpdateInput } from '@throughline/domain';
import { createTeam, listTeams, setTeamMembers, updateTeam } from '@throughline/db';
import { audit } from '../audit.ts';
import { authorizedProcedure, router } from '../trpc.ts';

const ZSaved = z.object({ id: ZId, version: z.number().int() });

export const teamRouter = router({
  list: authorizedProcedure('team.read', 'stored')
    .output(z.array(ZTeam))
    .query(({ ctx }) => listTeams(ctx.db, ctx.organisationId)),

  create: authorizedProcedure('team.edit')
    .input(ZTeamInput)
    .output(ZSaved)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute(async (db) => {
        const team = await createTeam(db, ctx.organisationId, input);
        await audit(db, ctx, 'team.created', { type: 'team', id: team.id }, { after: team });
        return { id: team.id, version: team.version };
      }),
    ),

  update: authorizedProcedure('team.edit')
    .input(ZTeamUpdateInput)
    .output(ZSaved)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute(async (db) => {
        const change = await updateTeam(db, ctx.organisationId, input);
        await audit(db, ctx, 'team.updated', { type: 'team', id: input.id }, change);
        return { id: input.id, version: change.after.version };
      }),
    ),

  /** Replaces who is in the team. */
  setMembers: authorizedProcedure('team.edit')
    .input(ZTeamMembersInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute(async (db) => {
        const change = await setTeamMembers(db, ctx.organisationId, input.teamId, input.userIds);
        await audit(db, ctx, 'team.members_set', { type: 'team', id: input.teamId }, change);
        return { ok: true as const };
      }),
    ),
});
