import { sql, type Kysely, type Transaction } from 'kysely';
import type { Language } from '@hms/contracts/language';
import type { Database, Queryable } from '../../platform/db/schema.ts';
import { utcText } from '../../platform/pagination.ts';

export interface Cursor {
  createdAt: string;
  id: string;
}

const createdAtText = (table: string) => utcText(`${table}.created_at`);

export async function listNotifications(
  db: Queryable,
  userId: string,
  limit: number,
  after: Cursor | null,
) {
  let q = db
    .selectFrom('notifications')
    .select([
      'id',
      'request_id',
      'language',
      'title',
      'body',
      'template',
      'params',
      'created_at',
      'read_at',
      createdAtText('notifications').as('created_at_text'),
    ])
    .where('user_id', '=', userId);
  if (after)
    q = q.where(
      sql<boolean>`(created_at, id) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`,
    );
  return q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
}

export async function unreadCount(db: Queryable, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Marks one of the user's notifications read; false when it is not theirs (or does not exist). */
export async function markRead(db: Queryable, userId: string, id: string): Promise<boolean> {
  const res = await db
    .updateTable('notifications')
    .set({ read_at: sql<Date>`coalesce(read_at, now())` })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export async function markAllRead(db: Queryable, userId: string): Promise<number> {
  const res = await db
    .updateTable('notifications')
    .set({ read_at: new Date() })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function listOutbox(
  db: Queryable,
  opts: { status?: 'queued' | 'sent' | 'dead' | undefined; limit: number; after: Cursor | null },
) {
  let q = db
    .selectFrom('email_outbox')
    .select([
      'id',
      'to_address',
      'subject',
      'status',
      'attempts',
      'next_attempt_at',
      'last_error',
      'created_at',
      'sent_at',
      createdAtText('email_outbox').as('created_at_text'),
    ]);
  if (opts.status) q = q.where('status', '=', opts.status);
  if (opts.after)
    q = q.where(
      sql<boolean>`(created_at, id) < (${opts.after.createdAt}::timestamptz, ${opts.after.id}::uuid)`,
    );
  return q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(opts.limit + 1)
    .execute();
}

export interface ClaimedEmail {
  id: string;
  to_address: string;
  subject: string;
  body: string;
  attempts: number;
}

export interface Claim {
  emails: ClaimedEmail[];
  /** When the lease ends (utcText): exact to the microsecond, so it identifies the rows this claim still holds. */
  leaseUntil: string;
}

/**
 * Claims up to `limit` due emails for this sender: `for update skip locked` so several API instances never send the
 * same email twice; the claim pushes next_attempt_at out (a lease) so a crashed sender's rows come back later.
 * Null when nothing is due.
 */
export async function claimDueEmails(
  db: Kysely<Database>,
  limit: number,
  leaseSeconds: number,
): Promise<Claim | null> {
  return db.transaction().execute(async (trx) => {
    const emails = await trx
      .selectFrom('email_outbox')
      .select(['id', 'to_address', 'subject', 'body', 'attempts'])
      .where('status', '=', 'queued')
      .where('next_attempt_at', '<=', sql<Date>`now()`)
      .orderBy('next_attempt_at')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    if (emails.length === 0) return null;
    const leased = await trx
      .updateTable('email_outbox')
      .set({ next_attempt_at: sql<Date>`now() + make_interval(secs => ${leaseSeconds})` })
      .where(
        'id',
        'in',
        emails.map((r) => r.id),
      )
      .returning(utcText('next_attempt_at').as('lease_until'))
      .execute();
    return { emails, leaseUntil: leased[0]!.lease_until };
  });
}

/**
 * Gives back claimed emails that were not tried: due again now, attempts unchanged. Only rows still under this claim
 * (next_attempt_at is still its lease): if the lease ran out and another sender claimed them, they are its now.
 */
export async function releaseClaim(
  db: Queryable,
  ids: string[],
  leaseUntil: string,
): Promise<number> {
  if (ids.length === 0) return 0;
  const res = await db
    .updateTable('email_outbox')
    .set({ next_attempt_at: sql<Date>`now()` })
    .where('id', 'in', ids)
    .where('status', '=', 'queued')
    .where('next_attempt_at', '=', sql<Date>`${leaseUntil}::timestamptz`)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function markSent(db: Queryable, id: string): Promise<void> {
  await db
    .updateTable('email_outbox')
    .set({
      status: 'sent',
      sent_at: new Date(),
      attempts: sql<number>`attempts + 1`,
      last_error: null,
    })
    .where('id', '=', id)
    .execute();
}

export async function markFailed(
  db: Queryable,
  id: string,
  error: string,
  nextAttemptAt: Date | null,
): Promise<void> {
  await db
    .updateTable('email_outbox')
    .set({
      attempts: sql<number>`attempts + 1`,
      last_error: error.slice(0, 1000),
      ...(nextAttemptAt ? { next_attempt_at: nextAttemptAt } : { status: 'dead' as const }),
    })
    .where('id', '=', id)
    .execute();
}

/** Queues an email that belongs to no notification (account emails: registration confirmation and the like). */
export async function insertEmail(
  db: Queryable,
  email: { id: string; toAddress: string; subject: string; body: string },
): Promise<void> {
  await db
    .insertInto('email_outbox')
    .values({ id: email.id, to_address: email.toAddress, subject: email.subject, body: email.body })
    .execute();
}

/** The citizen's notification of a step and its email, queued together. */
export async function insertNotificationWithEmail(
  trx: Transaction<Database>,
  n: {
    id: string;
    userId: string;
    requestId: string;
    eventId: string;
    language: Language;
    title: string;
    body: string;
    template: string;
    params: Record<string, unknown>;
    toAddress: string;
    emailId: string;
  },
): Promise<void> {
  await trx
    .insertInto('notifications')
    .values({
      id: n.id,
      user_id: n.userId,
      request_id: n.requestId,
      event_id: n.eventId,
      language: n.language,
      title: n.title,
      body: n.body,
      template: n.template,
      params: JSON.stringify(n.params),
    })
    .execute();
  await trx
    .insertInto('email_outbox')
    .values({
      id: n.emailId,
      notification_id: n.id,
      to_address: n.toAddress,
      subject: n.title,
      body: n.body,
    })
    .execute();
}

export async function deleteOfRequest(trx: Transaction<Database>, requestId: string) {
  await trx.deleteFrom('notifications').where('request_id', '=', requestId).execute();
}

/** Practice space: notifications (and their emails) about these (practice) requests go with them. */
export async function deleteOfRequests(trx: Transaction<Database>, requestIds: readonly string[]) {
  if (requestIds.length === 0) return;
  await trx
    .deleteFrom('email_outbox')
    .where('notification_id', 'in', (eb) =>
      eb.selectFrom('notifications').select('id').where('request_id', 'in', requestIds),
    )
    .execute();
  await trx.deleteFrom('notifications').where('request_id', 'in', requestIds).execute();
}

/** A dead email, locked, for an admin's retry; undefined when there is no such email. */
export function lockEmail(trx: Transaction<Database>, id: string) {
  return trx
    .selectFrom('email_outbox')
    .select(['id', 'status', 'attempts', 'last_error', 'subject'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** Queues a dead email again, due now, with a fresh round of attempts (the last error stays until the next try). */
export async function requeueDeadEmail(trx: Transaction<Database>, id: string): Promise<boolean> {
  const r = await trx
    .updateTable('email_outbox')
    .set({ status: 'queued', attempts: 0, next_attempt_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('status', '=', 'dead')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
