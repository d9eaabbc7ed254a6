import type { ApiTokenSummary, TokenActor, TokenScope } from '@throughline/domain';
import type { Db } from '../database.ts';

export async function insertApiToken(
  db: Db,
  t: { organisationId: string; name: string; tokenHash: string; prefix: string; scopes: TokenScope[]; createdBy: string; expiresAt: Date | null },
): Promise<string> {
  const row = await db
    .insertInto('api_token')
    .values({
      organisation_id: t.organisationId,
      name: t.name,
      token_hash: t.tokenHash,
      prefix: t.prefix,
      scopes: t.scopes,
      created_by: t.createdBy,
      expires_at: t.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listApiTokens(db: Db, organisationId: string): Promise<ApiTokenSummary[]> {
  const rows = await db
    .selectFrom('api_token')
    .select(['id', 'name', 'prefix', 'scopes', 'created_at', 'last_used_at', 'expires_at', 'revoked_at'])
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at', 'desc')
    .execute();
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    scopes: r.scopes as TokenScope[],
    createdAt: r.created_at.toISOString(),
    lastUsedAt: iso(r.last_used_at),
    expiresAt: iso(r.expires_at),
    revokedAt: iso(r.revoked_at),
  }));
}

/** Revokes a token of this organisation; false when there is no such live token. */
export async function revokeApiToken(db: Db, organisationId: string, id: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('api_token')
    .set({ revoked_at: now })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** How stale last_used_at may get before a request writes it again. */
const LAST_USED_PRECISION_MS = 60_000;

/** A live token: who it acts for, and when it expires (null: never). */
export interface TokenRecord {
  actor: TokenActor;
  expiresAt: Date | null;
}

/** The live token behind a hash, or undefined when it is unknown, revoked or expired. */
export async function findToken(db: Db, tokenHash: string, now: Date): Promise<TokenRecord | undefined> {
  const row = await db
    .selectFrom('api_token')
    .select(['id', 'organisation_id', 'scopes', 'last_used_at', 'expires_at'])
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .executeTakeFirst();
  if (!row) return undefined;
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > LAST_USED_PRECISION_MS) {
    await db.updateTable('api_token').set({ last_used_at: now }).where('id', '=', row.id).execute();
  }
  return { actor: { kind: 'token', tokenId: row.id, organisationId: row.organisation_id, scopes: row.scopes as TokenScope[] }, expiresAt: row.expires_at };
}

/** The actor behind a live token (see findToken). */
export async function findTokenActor(db: Db, tokenHash: string, now: Date): Promise<TokenActor | undefined> {
  return (await findToken(db, tokenHash, now))?.actor;
}
