import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { RequestStatus } from '@hms/contracts/requests';
import type { RequestEventType } from '@hms/contracts/request-events';
import type { Database } from './db/schema.ts';
import { uuidv7 } from './db/ids.ts';
import { emitEvent } from './outbox.ts';

/** The PostgreSQL channel live updates listen on (LISTEN/NOTIFY fans out across API instances). */
export const LIVE_CHANNEL = 'hms_events';

export type { RequestEventType } from '@hms/contracts/request-events';

export interface RequestEventInput {
  requestId: string;
  type: RequestEventType;
  actor: { id: string | null; kind: 'user' | 'system' | 'token' };
  fromStatus?: RequestStatus | null;
  toStatus?: RequestStatus | null;
  /** Facts the timeline and the notification show (reason, question, amountCents, …). Never secrets. */
  data?: Record<string, unknown>;
  /** False for staff-only facts (claims, internal comments, risk): they stay out of the citizen's timeline. */
  visibleToApplicant: boolean;
  /**
   * When the step happened, when that is not now: the demo seed replays months of history through the services.
   * Such a step is dated then and emails nobody (notifications module).
   */
  at?: Date | undefined;
}

/**
 * Appends one step of a request's life, inside the caller's transaction, so the step, the outbox event (webhooks)
 * and the live-update signal commit or roll back together with the change that caused them. Modules record a step
 * through the notifications module's `recordRequestEvent`, which also tells the citizen when the step is theirs to see.
 */
export async function appendRequestEvent(
  trx: Transaction<Database>,
  input: RequestEventInput,
): Promise<string> {
  const eventId = uuidv7();
  const data = input.data ?? {};
  await trx
    .insertInto('request_events')
    .values({
      id: eventId,
      request_id: input.requestId,
      type: input.type,
      from_status: input.fromStatus ?? null,
      to_status: input.toStatus ?? null,
      actor_id: input.actor.kind === 'user' ? input.actor.id : null,
      actor_kind: input.actor.kind,
      data: JSON.stringify(data),
      visible_to_applicant: input.visibleToApplicant,
      ...(input.at ? { created_at: input.at } : {}),
    })
    .execute();
  await emitEvent(
    trx,
    `request.${input.type}`,
    { type: 'request', id: input.requestId },
    {
      requestId: input.requestId,
      fromStatus: input.fromStatus ?? null,
      toStatus: input.toStatus ?? null,
      data,
    },
    eventId,
    input.at,
  );

  // Delivered by PostgreSQL only when the transaction commits, so listeners never see a change that rolled back.
  await sql`select pg_notify(${LIVE_CHANNEL}, ${JSON.stringify({
    kind: 'request',
    requestId: input.requestId,
    type: input.type,
    toStatus: input.toStatus ?? null,
  })})`.execute(trx);
  return eventId;
}

/** The request's latest step and who took it: what a stale write tells the person who lost the race. */
export async function latestRequestEvent(trx: Transaction<Database>, requestId: string) {
  return trx
    .selectFrom('request_events')
    .leftJoin('users', 'users.id', 'request_events.actor_id')
    .select([
      'request_events.type',
      'request_events.from_status',
      'request_events.to_status',
      'request_events.created_at',
      'users.display_name',
    ])
    .where('request_events.request_id', '=', requestId)
    .orderBy('request_events.created_at', 'desc')
    .orderBy('request_events.id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** A draft's steps go with the draft when the citizen deletes it. */
export async function deleteRequestEvents(trx: Transaction<Database>, requestId: string) {
  await trx.deleteFrom('request_events').where('request_id', '=', requestId).execute();
}

/**
 * Demo data only: a step that happened in the past, as given (its time and id), with no outbox event, notification
 * or live signal: nothing is announced about steps that never really happened.
 */
export async function insertPastRequestEvent(
  db: Kysely<Database>,
  row: Insertable<Database['request_events']>,
): Promise<void> {
  await db.insertInto('request_events').values(row).execute();
}

/** Imports (issue 12): many past steps at once, as given and unannounced like insertPastRequestEvent's. */
export async function insertPastRequestEvents(
  db: Kysely<Database>,
  rows: ReadonlyArray<Insertable<Database['request_events']>>,
): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('request_events').values(rows).execute();
}

/** Practice space: the steps of practice requests go when the practice data is cleared. */
export async function deleteRequestEventsOfRequests(
  trx: Transaction<Database>,
  requestIds: readonly string[],
): Promise<void> {
  if (requestIds.length === 0) return;
  await trx.deleteFrom('request_events').where('request_id', 'in', requestIds).execute();
}
