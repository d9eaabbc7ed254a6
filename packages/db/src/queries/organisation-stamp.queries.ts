import { sql } from 'kysely';
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

export type StampReader = (organisationId: string) => Promise<OrganisationStamp>;

/**
 * How a process reads stamps. On PostgreSQL, from the database every time: other processes
 * commit changes this one never hears of in order. On the embedded database this process makes
 * every change, and hears each stamp's NOTIFY before the committing statement returns, so a stamp
 * is read once and kept until its organisation's next change is announced. A read that was in
 * flight while any change was announced is not kept: it may predate the change.
 */
export async function stampReader(database: Database): Promise<StampReader> {
  if (database.kind !== 'pglite') return (organisationId) => organisationStamp(database.db, organisationId);
  const kept = new Map<string, Promise<OrganisationStamp>>();
  let announced = 0;
  await database.pglite.listen('organisation_stamp', (organisationId) => {
    announced++;
    kept.delete(organisationId);
  });
  return (organisationId) => {
    const known = kept.get(organisationId);
    if (known) return known;
    const before = announced;
    const reading = organisationStamp(database.db, organisationId);
    kept.set(organisationId, reading);
    void reading.then(
      () => {
        if (announced !== before && kept.get(organisationId) === reading) kept.delete(organisationId);
      },
      () => {
        if (kept.get(organisationId) === reading) kept.delete(organisationId);
      },
    );
    return reading;
  };
}
