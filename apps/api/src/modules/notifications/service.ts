import type { Kysely, Transaction } from 'kysely';
import type { NotificationsResponse, OutboxResponse } from '@hms/contracts/notifications';
import type { Database } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { auditUserChange } from '../../platform/audit.ts';
import {
  notificationTemplates,
  renderNotification,
} from '../../platform/notification-templates.ts';
import { appendRequestEvent, type RequestEventInput } from '../../platform/request-events.ts';
import * as readModels from '../read-models/service.ts';
import * as repo from './repo.ts';
import type { Language } from '@hms/contracts/language';
import { iso } from '../../platform/response-fields.ts';

// Account emails (sign-up, lockout, password change) are queued by the auth module in its own transaction.
export { queueAccountEmail } from './account-emails.ts';

/**
 * Records one step of a request's life in the caller's transaction (platform/request-events.ts: the step, its
 * outbox event, the live signal) and, when the citizen may see it and a template exists, their notification in their
 * language and its email: all commit or roll back with the change that caused them. A step dated in the past (the
 * demo seed's replayed history, `input.at`) notifies nobody: news of a step months ago is news to no one.
 */
export async function recordRequestEvent(
  trx: Transaction<Database>,
  input: RequestEventInput,
): Promise<string> {
  const eventId = await appendRequestEvent(trx, input);
  const template = notificationTemplates[input.type];
  if (input.visibleToApplicant && template && !input.at) {
    const to = await readModels.applicantOfRequest(trx, input.requestId);
    // A practice request's applicant is generated: nobody reads their notifications, and no email goes out.
    if (to.practice) return eventId;
    const params = {
      reference: to.reference,
      programName: { en: to.name_en, es: to.name_es },
      data: input.data ?? {},
    };
    const message = template(params, to.language);
    await repo.insertNotificationWithEmail(trx, {
      id: uuidv7(),
      userId: to.applicant_id,
      requestId: input.requestId,
      eventId,
      language: to.language,
      title: message.title,
      body: message.body,
      template: input.type,
      params,
      toAddress: to.email,
      emailId: uuidv7(),
    });
  }
  return eventId;
}

/** A draft's notifications go with the draft when the citizen deletes it. */
export const deleteNotificationsOfRequest = repo.deleteOfRequest;

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)\|([0-9a-f-]{36})$/;

const encodeCursor = (c: repo.Cursor) =>
  Buffer.from(`${c.createdAt}|${c.id}`).toString('base64url');

function decodeCursor(raw: string | undefined): repo.Cursor | null {
  if (!raw) return null;
  const m = CURSOR.exec(Buffer.from(raw, 'base64url').toString('utf8'));
  if (!m) {
    throw badRequest('validation.cursor_invalid', 'The cursor is not valid.', [
      {
        field: 'query.cursor',
        message: 'Use the nextCursor value from the previous page exactly as returned.',
      },
    ]);
  }
  return { createdAt: m[1]!, id: m[2]! };
}

function page<T extends { id: string; created_at_text: string }>(rows: T[], limit: number) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor:
      rows.length > limit && last
        ? encodeCursor({ createdAt: last.created_at_text, id: last.id })
        : null,
  };
}

/**
 * The person's notifications in `language` (the one they read in now): each is rendered from its template and
 * values; one without (none today, but a template may be retired) keeps the text it was sent with.
 */
export async function list(
  db: Kysely<Database>,
  userId: string,
  q: { cursor?: string | undefined; limit: number },
  language: Language,
): Promise<NotificationsResponse> {
  const rows = await repo.listNotifications(db, userId, q.limit, decodeCursor(q.cursor));
  const { items, nextCursor } = page(rows, q.limit);
  return {
    items: items.map((n) => {
      const rendered =
        n.template && n.params ? renderNotification(n.template, n.params, language) : null;
      return {
        id: n.id,
        requestId: n.request_id,
        language: rendered ? language : n.language,
        title: rendered?.title ?? n.title,
        body: rendered?.body ?? n.body,
        createdAt: iso(n.created_at),
        readAt: iso(n.read_at),
      };
    }),
    nextCursor,
  };
}

export const unread = (db: Kysely<Database>, userId: string) => repo.unreadCount(db, userId);

export async function markRead(db: Kysely<Database>, userId: string, id: string): Promise<void> {
  if (!(await repo.markRead(db, userId, id)))
    throw notFound(
      'notification.not_found',
      'We could not find that notification in your account.',
    );
}

export const markAllRead = (db: Kysely<Database>, userId: string) => repo.markAllRead(db, userId);

export async function outbox(
  db: Kysely<Database>,
  smtpConfigured: boolean,
  q: {
    status?: 'queued' | 'sent' | 'dead' | undefined;
    cursor?: string | undefined;
    limit: number;
  },
): Promise<OutboxResponse> {
  const rows = await repo.listOutbox(db, {
    status: q.status,
    limit: q.limit,
    after: decodeCursor(q.cursor),
  });
  const { items, nextCursor } = page(rows, q.limit);
  return {
    smtpConfigured,
    items: items.map((e) => ({
      id: e.id,
      toAddress: e.to_address,
      subject: e.subject,
      status: e.status,
      attempts: e.attempts,
      nextAttemptAt: iso(e.next_attempt_at),
      lastError: e.last_error,
      createdAt: iso(e.created_at),
      sentAt: iso(e.sent_at),
    })),
    nextCursor,
  };
}

/** Practice space: clearing the practice data deletes whatever was recorded for practice requests (practice module). */
export const deleteNotificationsOfRequests = repo.deleteOfRequests;
/**
 * An admin sends a dead email again: queued, due now, with a fresh round of attempts; audited. 404 for an unknown
 * email, 409 email.not_dead for one that is queued or sent (nothing to retry).
 */
export async function retryDeadEmail(
  db: Kysely<Database>,
  adminId: string,
  id: string,
  ip: string | null,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const email = await repo.lockEmail(trx, id);
    if (!email) throw notFound('email.not_found', `No email with id ${id} in the outbox.`);
    if (email.status !== 'dead' || !(await repo.requeueDeadEmail(trx, id)))
      throw conflict(
        'email.not_dead',
        `The email is ${email.status}; only a dead email (one HMS gave up on) can be sent again.`,
      );
    await auditUserChange(trx, { id: adminId, ip }, 'email.retried', 'email', id, {
      previousAttempts: email.attempts,
      lastError: email.last_error,
    });
  });
}
