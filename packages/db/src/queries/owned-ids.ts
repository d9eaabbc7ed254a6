import { DomainError } from '@throughline/domain';
import type { Db } from '../database.ts';

type OwnedTable = 'journey' | 'journey_step' | 'team' | 'system' | 'kpi' | 'failure_point' | 'outcome' | 'initiative' | 'change_proposal';

/**
 * Every id must name a row of this organisation: a link to something else's (or nothing) is
 * refused with the field path, before anything is written.
 */
export async function requireOwnedIds(
  db: Db,
  organisationId: string,
  table: OwnedTable,
  ids: readonly string[],
  path: string,
  what: string,
): Promise<void> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return;
  const found = await db.selectFrom(table).select('id').where('organisation_id', '=', organisationId).where('id', 'in', wanted).execute();
  if (found.length === wanted.length) return;
  const known = new Set(found.map((r) => r.id));
  const issues = ids.flatMap((id, i) => (known.has(id) ? [] : [{ path: `${path}.${i}`, message: `is not ${what} here` }]));
  throw new DomainError(
    'BAD_REQUEST',
    `Not ${what} of this organisation: ${issues.map((x) => x.path).join(', ')}`,
    issues.length ? issues : [{ path, message: `is not ${what} here` }],
  );
}

/** A single id, reported at its own path. */
export async function requireOwnedId(
  db: Db,
  organisationId: string,
  table: OwnedTable,
  id: string,
  path: string,
  what: string,
): Promise<void> {
  const row = await db.selectFrom(table).select('id').where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
  if (!row)
    throw new DomainError('BAD_REQUEST', `The ${path} is not ${what} of this organisation`, [{ path, message: `is not ${what} here` }]);
}
