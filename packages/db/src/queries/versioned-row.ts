import { sql, type Selectable, type Updateable } from 'kysely';
import { notFound, staleVersion, type DomainError } from '@throughline/domain';
import type { Db } from '../database.ts';
import type { DB } from '../schema.ts';

/** Every table whose rows carry an organisation, an id and a version an editor loaded. */
export type VersionedTable = {
  [T in keyof DB]: DB[T] extends { organisation_id: unknown; id: unknown; version: unknown } ? T : never;
}[keyof DB];

/**
 * What a refusal calls each versioned table's row. Typed over every versioned table, so a new
 * one cannot be written to without saying what it is called here.
 */
export const VERSIONED_ROW_NAMES: Readonly<Record<VersionedTable, string>> = {
  team: 'team',
  system: 'system',
  journey: 'journey',
  journey_step: 'step',
  policy: 'policy',
  kpi: 'KPI',
  change_proposal: 'proposal',
  failure_point: 'failure point',
  outcome: 'outcome',
  initiative: 'initiative',
  insight: 'insight',
};

/** The row an editor loaded: which one, and the version they saw. */
export interface LoadedVersion {
  organisationId: string;
  id: string;
  version: number;
}

const atVersion = (row: LoadedVersion) => ({ organisation_id: row.organisationId, id: row.id, version: row.version });

/**
 * Optimistic concurrency in one statement: the row changes (and its version moves on) only while
 * it is still at the version the caller loaded; otherwise nothing changes and the caller hears
 * someone else got there first. Returns the row as it now is.
 */
export async function updateAtVersion<T extends VersionedTable>(
  db: Db,
  table: T,
  row: LoadedVersion,
  set: Updateable<DB[T]>,
): Promise<Selectable<DB[T]>> {
  // Every versioned table has organisation_id, id and version; Kysely checks `set` against the
  // table's own columns at the call, and the statement is typed through one of them.
  const updated = await db
    .updateTable(table as 'initiative')
    .set({ ...(set as Updateable<DB['initiative']>), version: sql<number>`version + 1` })
    .where((eb) => eb.and(atVersion(row)))
    .returningAll()
    .executeTakeFirst();
  if (!updated) throw await refusal(db, table, row);
  return updated as Selectable<DB[T]>;
}

/**
 * Holds the row for the rest of the transaction while it is still at the version the caller
 * loaded, refusing like `updateAtVersion` otherwise: for a change whose rules read the row first
 * (a gate, a state transition), so a stale caller hears about the version, not about a rule that
 * the newer row no longer meets.
 */
export async function lockAtVersion(db: Db, table: VersionedTable, row: LoadedVersion): Promise<void> {
  const held = await db
    .selectFrom(table as 'initiative')
    .select('id')
    .where((eb) => eb.and(atVersion(row)))
    .forUpdate()
    .executeTakeFirst();
  if (!held) throw await refusal(db, table, row);
}

/** Why a row was not at the caller's version: someone else moved it on, or it is gone. */
async function refusal(db: Db, table: VersionedTable, row: LoadedVersion): Promise<DomainError> {
  const name = VERSIONED_ROW_NAMES[table];
  const exists = await db
    .selectFrom(table as 'initiative')
    .select('id')
    .where((eb) => eb.and({ organisation_id: row.organisationId, id: row.id }))
    .executeTakeFirst();
  return exists ? staleVersion(`The ${name}`) : notFound(name.charAt(0).toUpperCase() + name.slice(1));
}
