import { sql, type Transaction } from 'kysely';
import type { RequestStatus } from '@hms/contracts/requests';
import type { RequestEventType } from '@hms/contracts/request-events';
import type { Database } from './db/schema.ts';
import { uuidv7 } from './db/ids.ts';
import { notificationTemplates } from './notification-templates.ts';

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
}

/**
 * Records one step of a request's life, inside the caller's transaction, so the step, the citizen's notification
 * (in their language), the queued email, the outbox event (webhooks) and the live-update signal commit or roll back
 * together with the change that caused them.
 */
export async function recordRequestEvent(
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
    })
    .execute();

  await trx
    .insertInto('outbox_events')
    .values({
      id: eventId,
      type: `request.${input.type}`,
      aggregate_type: 'request',
      aggregate_id: input.requestId,
      payload: JSON.stringify({
        requestId: input.requestId,
        fromStatus: input.fromStatus ?? null,
        toStatus: input.toStatus ?? null,
        data,
      }),
    })
    .execute();

  const template = notificationTemplates[input.type];
  if (input.visibleToApplicant && template) {
    const ctx = await trx
      .selectFrom('requests')
      .innerJoin('users', 'users.id', 'requests.applicant_id')
      .innerJoin('programs', 'programs.id', 'requests.program_id')
      .select([
        'requests.reference',
        'requests.applicant_id',
        'users.email',
        'users.language',
        'programs.name_en',
        'programs.name_es',
      ])
      .where('requests.id', '=', input.requestId)
      .executeTakeFirstOrThrow();
    const params = {
      reference: ctx.reference,
      programName: { en: ctx.name_en, es: ctx.name_es },
      data,
    };
    const message = template(params, ctx.language);
    const notificationId = uuidv7();
    await trx
      .insertInto('notifications')
      .values({
        id: notificationId,
        user_id: ctx.applicant_id,
        request_id: input.requestId,
        event_id: eventId,
        language: ctx.language,
        title: message.title,
        body: message.body,
        template: input.type,
        params: JSON.stringify(params),
      })
      .execute();
    await trx
      .insertInto('email_outbox')
      .values({
        id: uuidv7(),
        notification_id: notificationId,
        to_address: ctx.email,
        subject: message.title,
        body: message.body,
      })
      .execute();
  }

  // Delivered by PostgreSQL only when the transaction commits, so listeners never see a change that rolled back.
  await sql`select pg_notify(${LIVE_CHANNEL}, ${JSON.stringify({
    kind: 'request',
    requestId: input.requestId,
    type: input.type,
    toStatus: input.toStatus ?? null,
  })})`.execute(trx);
  return eventId;
}
