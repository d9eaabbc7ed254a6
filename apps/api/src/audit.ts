import { writeAuditEvent, type Db } from '@throughline/db';
import type { AuthorizedContext } from './access/remit-scope.ts';
import { auditActor } from './trpc.ts';

/** Records a change made by the caller; pass the transaction that makes it. */
export function audit(
  db: Db,
  ctx: AuthorizedContext,
  action: string,
  entity: { type: string; id: string },
  change: { before?: unknown; after?: unknown } = {},
) {
  return writeAuditEvent(db, { organisationId: ctx.organisationId, actor: auditActor(ctx.actor), action, entity, ...change });
}
