import { roleReach, type ApiTokenSummary, type TokenActor, type TokenScope } from '@throughline/domain';
import type { Db } from '../database.ts';

export async function insertApiToken(
  db: Db,
  t: {
    organisationId: string;
    name: string;
    tokenHash: string;
    prefix: string;
    scopes: TokenScope[];
    createdBy: string;
    expiresAt: Date | null;
  },
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

/**
 * Every token of the organisation, newest first, with who created it and whether a live one needs
 * an admin's attention because its creator has since been demoted or has left.
 */
export async function listApiTokens(db: Db, organisationId: string, now: Date): Promise<ApiTokenSummary[]> {
  const rows = await db
    .selectFrom('api_token')
    .leftJoin('app_user', 'app_user.id', 'api_token.created_by')
    .leftJoin('member', (j) =>
      j.onRef('member.organisation_id', '=', 'api_token.organisation_id').onRef('member.user_id', '=', 'api_token.created_by'),
    )
    .select([
      'api_token.id',
      'api_token.name',
      'api_token.prefix',
      'api_token.scopes',
      'api_token.created_at',
      'api_token.last_used_at',
      'api_token.expires_at',
      'api_token.revoked_at',
      'app_user.id as creatorId',
      'app_user.display_name as creatorName',
      'member.role as creatorRole',
    ])
    .where('api_token.organisation_id', '=', organisationId)
    .orderBy('api_token.created_at', 'desc')
    .execute();
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return rows.map((r) => {
    const live = !r.revoked_at && (!r.expires_at || r.expires_at > now);
    const attention = !live
      ? null
      : !r.creatorRole
        ? ('creator_removed' as const)
        : roleReach(r.creatorRole, 'token.manage')
          ? null
          : ('creator_demoted' as const);
    return {
      id: r.id,
      name: r.name,
      prefix: r.prefix,
      scopes: r.scopes as TokenScope[],
      createdAt: r.created_at.toISOString(),
      lastUsedAt: iso(r.last_used_at),
      expiresAt: iso(r.expires_at),
      revokedAt: iso(r.revoked_at),
      createdBy: r.creatorId && r.creatorName ? { userId: r.creatorId, displayName: r.creatorName } : null,
      attention,
    };
  });
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

/** Revokes every live token `userId` created in the organisation (they are leaving it); returns their ids. */
export async function revokeTokensCreatedBy(
  db: Db,
  organisationId: string,
  userId: string,
  now: Date,
): Promise<{ id: string; name: string }[]> {
  return db
    .updateTable('api_token')
    .set({ revoked_at: now })
    .where('organisation_id', '=', organisationId)
    .where('created_by', '=', userId)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .returning(['id', 'name'])
    .execute();
}

/**
 * Brings every live token that would outlive `latest` (or never expire) to expire at `latest`;
 * returns the ones changed, with the expiry they had.
 */
export async function capTokenExpiry(
  db: Db,
  organisationId: string,
  latest: Date,
): Promise<{ id: string; name: string; expiresAt: Date | null }[]> {
  const rows = await db
    .selectFrom('api_token')
    .select(['id', 'name', 'expires_at'])
    .where('organisation_id', '=', organisationId)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', latest)]))
    .forUpdate()
    .execute();
  if (rows.length === 0) return [];
  await db
    .updateTable('api_token')
    .set({ expires_at: latest })
    .where(
      'id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, expiresAt: r.expires_at }));
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
  return {
    actor: { kind: 'token', tokenId: row.id, organisationId: row.organisation_id, scopes: row.scopes as TokenScope[] },
    expiresAt: row.expires_at,
  };
}

/** The actor behind a live token (see findToken). */
export async function findTokenActor(db: Db, tokenHash: string, now: Date): Promise<TokenActor | undefined> {
  return (await findToken(db, tokenHash, now))?.actor;
}
