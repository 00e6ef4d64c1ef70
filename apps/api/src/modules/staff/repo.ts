import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { Language } from '@hms/contracts/language';

// The staff module owns staff_invitations (migration 0011). People themselves (users, user_roles, sessions) are
// written by auth, through its service.

export async function insertInvitation(
  db: Kysely<Database>,
  row: {
    id: string;
    userId: string;
    tokenHash: string;
    invitedBy: string;
    language: Language;
    expiresAt: Date;
  },
): Promise<void> {
  await db
    .insertInto('staff_invitations')
    .values({
      id: row.id,
      user_id: row.userId,
      token_hash: row.tokenHash,
      invited_by: row.invitedBy,
      language: row.language,
      expires_at: row.expiresAt,
    })
    .execute();
}

/** Every invitation of the person that could still be used stops working (a new link replaces it, or a revoke). */
export async function revokeOpenInvitations(db: Kysely<Database>, userId: string): Promise<number> {
  const res = await db
    .updateTable('staff_invitations')
    .set({ revoked_at: new Date() })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** The person's newest invitation, with the name of who sent it. */
export async function latestInvitation(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('staff_invitations as i')
    .leftJoin('users as by', 'by.id', 'i.invited_by')
    .select([
      'i.id',
      'i.language',
      'i.created_at',
      'i.expires_at',
      'i.used_at',
      'i.revoked_at',
      'by.display_name as invited_by_name',
    ])
    .where('i.user_id', '=', userId)
    .orderBy('i.created_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The invitation with this token hash, locked for the caller's transaction (accepting it uses it once). */
export async function invitationByTokenHash(trx: Transaction<Database>, tokenHash: string) {
  return trx
    .selectFrom('staff_invitations as i')
    .innerJoin('users as u', 'u.id', 'i.user_id')
    .select([
      'i.id',
      'i.user_id',
      'i.expires_at',
      'i.used_at',
      'i.revoked_at',
      'u.email',
      'u.display_name',
      'u.language',
      'u.status',
    ])
    .where('i.token_hash', '=', tokenHash)
    .forUpdate('i')
    .executeTakeFirst();
}

export async function markInvitationUsed(db: Kysely<Database>, id: string): Promise<void> {
  await db
    .updateTable('staff_invitations')
    .set({ used_at: new Date() })
    .where('id', '=', id)
    .execute();
}
