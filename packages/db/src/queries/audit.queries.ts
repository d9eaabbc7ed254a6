import type { Db } from '../database.ts';

export interface AuditEntry {
  /** Null only for events that belong to no organisation, e.g. a sign-in with an unknown email. */
  organisationId: string | null;
  actor: { type: 'user' | 'token' | 'system'; id: string };
  action: string;
  entity: { type: string; id: string };
  before?: unknown;
  after?: unknown;
}

/** Call inside the transaction that makes the change, so the two commit or fail together. */
export async function writeAuditEvent(db: Db, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_event')
    .values({
      organisation_id: e.organisationId,
      actor_type: e.actor.type,
      actor_id: e.actor.id,
      action: e.action,
      entity_type: e.entity.type,
      entity_id: e.entity.id,
      before: e.before === undefined ? null : JSON.stringify(e.before),
      after: e.after === undefined ? null : JSON.stringify(e.after),
    })
    .execute();
}
