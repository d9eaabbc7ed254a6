import { sql } from 'kysely';
import pg from 'pg';
import type { Database, Db } from '../database.ts';

export { STAMP_EXCLUDED_TABLES } from '../migrations/2026_12_02_0014_organisation_stamp.ts';

export interface OrganisationStamp {
  timeZone: string;
  stamp: number;
}

/**
 * An organisation's time zone and its stamp: a number that moves whenever a transaction that
 * changed any of the organisation's rows (raw survey answers and events aside: what is computed
 * from them moves it) commits. An answer built after reading stamp S holds for as long as the
 * stamp is still S on the organisation's day. One primary-key read.
 */
export async function organisationStamp(db: Db, organisationId: string): Promise<OrganisationStamp> {
  const row = await sql<{ timeZone: string; stamp: number }>`
    SELECT o.time_zone AS "timeZone", coalesce(s.stamp, 0)::int8 AS stamp
    FROM organisation o LEFT JOIN organisation_stamp s ON s.organisation_id = o.id
    WHERE o.id = ${organisationId}::uuid`
    .execute(db)
    .then((r) => r.rows[0]);
  if (!row) throw new Error(`organisation ${organisationId} not found`);
  return { timeZone: row.timeZone, stamp: Number(row.stamp) };
}

/** How a process reads organisations' stamps (see organisationStamps). */
export interface OrganisationStamps {
  read(organisationId: string): Promise<OrganisationStamp>;
  /**
   * Forgets every stamp kept: this process has just changed something, and says so to its caller
   * only after this (a mutation's answer), so the caller's next read finds the change.
   */
  forgetAll(): void;
  close(): Promise<void>;
}

/** Stamps read from the database on every call. */
export function stampsReadEachTime(db: Db): OrganisationStamps {
  return { read: (organisationId) => organisationStamp(db, organisationId), forgetAll: () => {}, close: async () => {} };
}

/**
 * Stamps read once and kept until the organisation's next change is announced (the trigger's
 * NOTIFY organisation_stamp). On the embedded database this process makes every change and hears
 * each announcement before the committing statement returns. On PostgreSQL a connection of its
 * own listens; other processes' changes arrive within the time a notification takes (milliseconds),
 * this process's own are forgotten (forgetAll) before it answers the call that made them, and while
 * that connection is down (a restart, a cut) every read asks the database until it is back.
 * A read that was in flight while its organisation's change was announced is not kept: it may
 * predate the change.
 */
export async function organisationStamps(database: Database, log: (message: string) => void = () => {}): Promise<OrganisationStamps> {
  const kept = new Map<string, Promise<OrganisationStamp>>();
  let listening = false;
  const announced = (organisationId: string) => kept.delete(organisationId);
  const read = (organisationId: string) => {
    const known = listening ? kept.get(organisationId) : undefined;
    if (known) return known;
    const reading = organisationStamp(database.db, organisationId);
    if (!listening) return reading;
    kept.set(organisationId, reading);
    // Not kept if it failed, or if the organisation's change was announced meanwhile (the
    // announcement removed it, or a newer read replaced it).
    reading.catch(() => kept.get(organisationId) === reading && kept.delete(organisationId));
    return reading;
  };
  const forgetAll = () => kept.clear();

  if (database.kind === 'pglite') {
    await database.pglite.listen('organisation_stamp', announced);
    listening = true;
    return { read, forgetAll, close: async () => {} };
  }

  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const down = (why: string) => {
    listening = false;
    kept.clear();
    if (client) {
      client.removeAllListeners('notification');
      void client.end().catch(() => {});
      client = null;
    }
    if (closed) return;
    log(`[db] organisation stamps read on every call until the listening connection is back: ${why}`);
    retry = setTimeout(() => void connect(), 1_000);
    retry.unref();
  };
  const connect = async () => {
    const next = new pg.Client({ connectionString: database.connectionString });
    // Errors on an idle listening connection (a cut, a restart) arrive here, never as a crash.
    next.on('error', (error) => client === next && down(error.message));
    next.on('end', () => client === next && down('connection ended'));
    next.on('notification', (n) => n.channel === 'organisation_stamp' && n.payload && announced(n.payload));
    try {
      await next.connect();
      client = next;
      await next.query('LISTEN organisation_stamp');
      // Whatever was read before listening may already be out of date.
      kept.clear();
      listening = true;
    } catch (error) {
      if (client === next) down((error as Error).message);
      else {
        void next.end().catch(() => {});
        if (!closed) {
          retry = setTimeout(() => void connect(), 1_000);
          retry.unref();
        }
      }
    }
  };
  await connect();
  return {
    read,
    forgetAll,
    close: async () => {
      closed = true;
      clearTimeout(retry);
      listening = false;
      const last = client;
      client = null;
      await last?.end().catch(() => {});
    },
  };
}
