import { sql } from 'kysely';
import type { Queryable } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/db/ids.ts';

function withCreatorAndUses(db: Queryable) {
  return db
    .selectFrom('service_tokens as t')
    .leftJoin('users as cu', 'cu.id', 't.created_by')
    .selectAll('t')
    .select('cu.display_name as created_by_name')
    .select(
      sql<number>`(select count(*) from service_token_uses u where u.token_id = t.id)`.as(
        'use_count',
      ),
    );
}

/** Every token, newest first, with who created it and how often it was used. */
export function listTokens(db: Queryable) {
  return withCreatorAndUses(db).orderBy('t.created_at', 'desc').execute();
}

/** One token as the list shows it. */
export function tokenItem(db: Queryable, id: string) {
  return withCreatorAndUses(db).where('t.id', '=', id).executeTakeFirst();
}

export function findToken(db: Queryable, id: string) {
  return db.selectFrom('service_tokens').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findTokenByHash(db: Queryable, tokenHash: string) {
  return db
    .selectFrom('service_tokens')
    .select(['id', 'name', 'scopes', 'revoked_at', 'expires_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export function insertToken(
  db: Queryable,
  t: {
    id: string;
    name: string;
    scopes: string[];
    tokenHash: string;
    tokenPrefix: string;
    createdBy: string;
    rotatedFrom: string | null;
    expiresAt: Date | null;
  },
) {
  return db
    .insertInto('service_tokens')
    .values({
      id: t.id,
      name: t.name,
      scopes: t.scopes,
      token_hash: t.tokenHash,
      token_prefix: t.tokenPrefix,
      created_by: t.createdBy,
      rotated_from: t.rotatedFrom,
      expires_at: t.expiresAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Revokes a live token; undefined when there is no such token or it was already revoked. */
export function revokeLiveToken(db: Queryable, id: string) {
  return db
    .updateTable('service_tokens')
    .set({ revoked_at: new Date() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

export function usesOfToken(db: Queryable, id: string, limit: number) {
  return db
    .selectFrom('service_token_uses')
    .selectAll()
    .where('token_id', '=', id)
    .orderBy('at', 'desc')
    .limit(limit)
    .execute();
}

/** One use of a token (with the answer's status), and the token's last use stamped. */
export async function recordUse(
  db: Queryable,
  u: { tokenId: string; method: string; path: string; statusCode: number; ip: string },
): Promise<void> {
  await db
    .insertInto('service_token_uses')
    .values({
      id: uuidv7(),
      token_id: u.tokenId,
      method: u.method,
      path: u.path,
      status_code: u.statusCode,
      ip: u.ip,
    })
    .execute();
  await db
    .updateTable('service_tokens')
    .set({ last_used_at: new Date() })
    .where('id', '=', u.tokenId)
    .execute();
}
