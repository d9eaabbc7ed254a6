import type { Db } from '@throughline/db';
import type { Actor } from '@throughline/domain';

/** How the decision log names who decided: a member's name, or the token's name. */
export async function actorName(db: Db, actor: Actor): Promise<string> {
  if (actor.kind === 'member') return actor.displayName;
  const token = await db.selectFrom('api_token').select('name').where('id', '=', actor.tokenId).executeTakeFirst();
  return `API token “${token?.name ?? actor.tokenId}”`;
}
