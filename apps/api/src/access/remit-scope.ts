import { journeyInUserRemit, teamIdsOfUser, writeAuditEvent } from '@throughline/db';
import { DomainError, type Actor, type Reach } from '@throughline/domain';
import type { Context } from '../context.ts';
import { auditActor } from '../trpc.ts';

/** The context an authorised procedure runs with (see authorizedProcedure). */
export type AuthorizedContext = Context & { actor: Actor; reach: Reach; organisationId: string };

/**
 * Refuses and audits the refusal. Call it outside any transaction: a refusal rolls the
 * transaction back, and the audit event with it (and on the embedded database, a query on
 * ctx.db inside a transaction would wait forever for the connection the transaction holds).
 */
export async function deny(
  ctx: AuthorizedContext,
  entity: { type: string; id: string },
  permission: string,
  message: string,
  reason = 'outside remit',
): Promise<never> {
  await writeAuditEvent(ctx.db, {
    organisationId: ctx.organisationId,
    actor: auditActor(ctx.actor),
    action: 'access.denied',
    entity,
    after: { permission, reason },
  });
  throw new DomainError('FORBIDDEN', message);
}

/**
 * For a permission held with remit reach: the journey must be in the remit of one of the
 * member's teams. Organisation reach passes. The refusal is audited like every denial.
 */
export async function requireJourneyInRemit(ctx: AuthorizedContext, journeyId: string, permission = 'journey.edit'): Promise<void> {
  if (ctx.reach === 'organisation') return;
  if (ctx.actor.kind === 'member' && (await journeyInUserRemit(ctx.db, ctx.organisationId, ctx.actor.userId, journeyId))) return;
  await deny(
    ctx,
    { type: 'journey', id: journeyId },
    permission,
    "This journey is outside your team's remit; ask its owner team or a CX lead",
  );
}

/** The member's teams, or every team for organisation reach (null). */
export async function teamsInReach(ctx: AuthorizedContext): Promise<string[] | null> {
  if (ctx.reach === 'organisation') return null;
  return ctx.actor.kind === 'member' ? teamIdsOfUser(ctx.db, ctx.organisationId, ctx.actor.userId) : [];
}

/** For remit reach: the team (an owner, a proposer) must be one of the member's teams. */
export async function requireOwnTeam(ctx: AuthorizedContext, teamId: string, permission: string, what: string): Promise<void> {
  const teams = await teamsInReach(ctx);
  if (teams === null || teams.includes(teamId)) return;
  await deny(ctx, { type: 'team', id: teamId }, permission, `${what} belongs to a team you are not in; ask that team or a CX lead`);
}
