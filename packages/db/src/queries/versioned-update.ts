import { sql, type Updateable } from 'kysely';
import { staleVersion } from '@throughline/domain';
import type { Db } from '../database.ts';
import type { DB } from '../schema.ts';

type VersionedTable = 'failure_point' | 'insight' | 'outcome' | 'initiative';

/**
 * Optimistic concurrency in one statement: the row changes (and its version moves on) only while
 * it is still at the version the caller loaded; otherwise nothing changes and the caller hears
 * someone else got there first.
 */
export async function updateAtVersion<T extends VersionedTable>(
  db: Db,
  table: T,
  row: { organisationId: string; id: string; version: number },
  set: Updateable<DB[T]>,
  what: string,
): Promise<void> {
  // Every versioned table has organisation_id, id and version; Kysely checks `set` against the
  // table's own columns at the call, and the statement is typed through one of them.
  const updated = await db
    .updateTable(table as 'initiative')
    .set({ ...(set as Updateable<DB['initiative']>), version: sql<number>`version + 1` })
    .where('organisation_id', '=', row.organisationId)
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .returning('id')
    .executeTakeFirst();
  if (!updated) throw staleVersion(what);
}
