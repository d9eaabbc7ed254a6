import { z } from 'zod';
import { text } from '@throughline/domain';
import { authorizedProcedure, router } from '../trpc.ts';

const ZAuditEvent = z.object({
  id: z.number().int(),
  actorType: z.enum(['user', 'token', 'system']),
  actorId: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  at: z.string(),
});

export const auditRouter = router({
  /** The most recent audit events of the organisation, newest first. */
  list: authorizedProcedure('audit.read')
    .input(z.object({ limit: z.number().int().min(1).max(500).default(100), action: text().max(64).optional() }).default({ limit: 100 }))
    .output(z.array(ZAuditEvent))
    .query(async ({ ctx, input }) => {
      let query = ctx.db
        .selectFrom('audit_event')
        .select([
          'id',
          'actor_type as actorType',
          'actor_id as actorId',
          'action',
          'entity_type as entityType',
          'entity_id as entityId',
          'at',
        ])
        .where('organisation_id', '=', ctx.organisationId);
      if (input.action) query = query.where('action', '=', input.action);
      const rows = await query.orderBy('id', 'desc').limit(input.limit).execute();
      return rows.map((r) => ({ ...r, id: Number(r.id), at: r.at.toISOString() }));
    }),
});
