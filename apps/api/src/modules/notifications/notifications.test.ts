import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { registerCitizen, useTestApp } from '../../testing/test-app.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { recordApproval } from './approval.fixture.ts';
import * as repo from './repo.ts';
import { insertRequest } from '../inbox/demo-rows.ts';
import {
  createEmailSender,
  isPermanentRejection,
  retryDelayMs,
  type MailTransport,
} from './email-sender.ts';

const t = useTestApp();
const citizen = t.signedIn('citizen');
let userId: string;

async function addNotification(title: string): Promise<string> {
  const id = uuidv7();
  await t.db.kysely
    .insertInto('notifications')
    .values({
      id,
      user_id: userId,
      request_id: null,
      event_id: null,
      language: 'en',
      title,
      body: 'b',
    })
    .execute();
  await t.db.kysely
    .insertInto('email_outbox')
    .values({
      id: uuidv7(),
      notification_id: id,
      to_address: 'citizen@example.gov',
      subject: title,
      body: 'b',
    })
    .execute();
  return id;
}

beforeAll(async () => {
  userId = t.citizenId;
});

describe('notifications', () => {
  it('lists newest first with a cursor, counts unread, marks one and all read; others get 404', async () => {
    const ids = [];
    for (let i = 0; i < 3; i += 1) ids.push(await addNotification(`n${i}`));
    const first = (await citizen.get('/api/notifications?limit=2')).json() as {
      items: Array<{ title: string }>;
      nextCursor: string;
    };
    expect(first.items.map((n) => n.title)).toEqual(['n2', 'n1']);
    const second = (
      await citizen.get(`/api/notifications?limit=2&cursor=${first.nextCursor}`)
    ).json() as { items: Array<{ title: string }>; nextCursor: null };
    expect(second.items.map((n) => n.title)).toEqual(['n0']);
    expect(second.nextCursor).toBeNull();
    expect(
      ((await citizen.get('/api/notifications/unread-count')).json() as { unread: number }).unread,
    ).toBe(3);

    const approver = await t.signIn('approver');
    expect((await approver.post(`/api/notifications/${ids[0]}/read`)).statusCode).toBe(403);
    const stranger = await registerCitizen(t, 'n-other@example.com', { displayName: 'O' });
    expect((await stranger.post(`/api/notifications/${ids[0]}/read`)).statusCode).toBe(404);

    expect((await citizen.post(`/api/notifications/${ids[0]}/read`)).statusCode).toBe(204);
    expect(
      ((await citizen.get('/api/notifications/unread-count')).json() as { unread: number }).unread,
    ).toBe(2);
    expect(
      ((await citizen.post('/api/notifications/read-all')).json() as { marked: number }).marked,
    ).toBe(2);
    expect(
      ((await citizen.get('/api/notifications/unread-count')).json() as { unread: number }).unread,
    ).toBe(0);
  });

  it('shows a notification sent in English in the language the citizen reads in now', async () => {
    const db = t.db.kysely;
    await db.updateTable('users').set({ language: 'en' }).where('id', '=', userId).execute();
    const requestId = await insertRequest(db, {
      applicantId: userId,
      programId: t.programId('home-energy-rebate'),
      status: 'submitted',
      amountCents: 12_345,
      reference: 'HMS-LANG-0000-0',
    });
    const eventId = await recordApproval(db, requestId, 12_345);
    const stored = await db
      .selectFrom('notifications')
      .select(['id', 'language', 'title'])
      .where('event_id', '=', eventId)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      language: 'en',
      title: 'Your request HMS-LANG-0000-0 was approved',
    });
    const find = async (headers: Record<string, string> = {}) => {
      const res = await citizen.request('GET', '/api/notifications?limit=100', undefined, {
        headers,
      });
      const items = (
        res.json() as {
          items: Array<{ id: string; language: string; title: string; body: string }>;
        }
      ).items;
      return items.find((n) => n.id === stored.id)!;
    };

    // Read in English, as sent.
    expect(await find()).toMatchObject({ language: 'en', title: stored.title });
    // The page switched to Spanish: the same notification reads in Spanish, amount formatted the Spanish way.
    const es = await find({ 'accept-language': 'es' });
    expect(es).toMatchObject({
      language: 'es',
      title: 'Su solicitud HMS-LANG-0000-0 fue aprobada',
    });
    expect(es.body).toContain('Se aprobó un pago de');
    expect(es.body).toContain('123.45');
    // The switch saved to the profile: without the header, the profile language applies.
    expect((await citizen.request('PATCH', '/api/me', { language: 'es' })).statusCode).toBe(200);
    expect(await find()).toMatchObject({ language: 'es', title: es.title });
    // A browser preferring English over Spanish gets English; the email keeps the language it was sent in.
    expect(await find({ 'accept-language': 'fr;q=1, en-US;q=0.8, es;q=0.5' })).toMatchObject({
      language: 'en',
    });
    const mail = await db
      .selectFrom('email_outbox')
      .select('subject')
      .where('notification_id', '=', stored.id)
      .executeTakeFirstOrThrow();
    expect(mail.subject).toBe(stored.title);
    await db.updateTable('users').set({ language: 'en' }).where('id', '=', userId).execute();
  });

  it('lists the email outbox for the admin only, saying SMTP is not configured', async () => {
    const admin = await t.signIn('admin');
    const res = await admin.get('/api/admin/outbox?status=queued');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { smtpConfigured: boolean; items: Array<{ status: string }> };
    expect(body.smtpConfigured).toBe(false);
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((e) => e.status === 'queued')).toBe(true);
    expect((await citizen.get('/api/admin/outbox')).statusCode).toBe(403);
  });
});

describe('email sender', () => {
  it('sends due emails once, retries failures with backoff and marks them dead after the last attempt', async () => {
    await t.db.kysely.deleteFrom('email_outbox').execute();
    await addNotification('will send');
    await addNotification('will fail');
    const sent: string[] = [];
    const transport: MailTransport = {
      sendMail: async (m) => {
        if (m.subject === 'will fail') throw new Error('550 mailbox unavailable');
        sent.push(m.subject);
      },
    };
    const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const sender = createEmailSender({
      db: t.db.kysely,
      transport,
      log,
      maxAttempts: 2,
      baseDelayMs: 0,
    });
    expect(await sender.runOnce()).toBe(2);
    expect(sent).toEqual(['will send']);
    const rows = await t.db.kysely
      .selectFrom('email_outbox')
      .select(['subject', 'status', 'attempts', 'last_error'])
      .orderBy('subject')
      .execute();
    expect(rows).toEqual([
      {
        subject: 'will fail',
        status: 'queued',
        attempts: 1,
        last_error: '550 mailbox unavailable',
      },
      { subject: 'will send', status: 'sent', attempts: 1, last_error: null },
    ]);
    // The sent one is never claimed again; the failing one is retried and dies at the second attempt.
    expect(await sender.runOnce()).toBe(1);
    const failed = await t.db.kysely
      .selectFrom('email_outbox')
      .select(['subject', 'status', 'attempts'])
      .where('subject', '=', 'will fail')
      .execute();
    expect(failed[0]).toMatchObject({ status: 'dead', attempts: 2 });
    expect(await sender.runOnce()).toBe(0);
    expect(sent).toEqual(['will send']);
  });

  it('treats only a 5xx reply about the email itself as permanent', () => {
    const smtpErr = (responseCode: number, command: string) =>
      Object.assign(new Error('rejected'), { responseCode, command });
    expect(isPermanentRejection(smtpErr(550, 'RCPT TO'))).toBe(true);
    expect(isPermanentRejection(smtpErr(554, 'DATA'))).toBe(true);
    // Temporary replies, and our own configuration (wrong password, sender refused), keep retrying.
    expect(isPermanentRejection(smtpErr(450, 'RCPT TO'))).toBe(false);
    expect(isPermanentRejection(smtpErr(535, 'AUTH PLAIN'))).toBe(false);
    expect(isPermanentRejection(smtpErr(553, 'MAIL FROM'))).toBe(false);
    expect(isPermanentRejection(smtpErr(554, 'CONN'))).toBe(false);
    // No reply at all: a timeout or a dropped connection.
    expect(isPermanentRejection(Object.assign(new Error('Timeout'), { code: 'ETIMEDOUT' }))).toBe(
      false,
    );
    expect(isPermanentRejection('550 mailbox unavailable')).toBe(false);
  });

  it('releases claimed emails unchanged, but only while they are still under that claim', async () => {
    const db = t.db.kysely;
    await db.deleteFrom('email_outbox').execute();
    await addNotification('claimed');
    const claim = await repo.claimDueEmails(db, 10, 300);
    expect(claim?.emails).toHaveLength(1);
    const ids = claim!.emails.map((e) => e.id);

    // The lease ran out and another sender claimed the row: its lease is not ours to cut short.
    await db
      .updateTable('email_outbox')
      .set({ next_attempt_at: sql<Date>`now() + interval '300 seconds'` })
      .execute();
    expect(await repo.releaseClaim(db, ids, claim!.leaseUntil)).toBe(0);

    // Still under our claim (leaseUntil matches to the microsecond): due again at once, nothing counted.
    const again = await repo.claimDueEmails(db, 10, 300);
    expect(again).toBeNull(); // hidden by the other claim
    await db
      .updateTable('email_outbox')
      .set({ next_attempt_at: new Date(0) })
      .execute();
    const ours = await repo.claimDueEmails(db, 10, 300);
    expect(await repo.releaseClaim(db, ids, ours!.leaseUntil)).toBe(1);
    const row = await db
      .selectFrom('email_outbox')
      .select(['status', 'attempts', 'last_error', 'next_attempt_at'])
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'queued', attempts: 0, last_error: null });
    expect(new Date(row.next_attempt_at).getTime()).toBeLessThanOrEqual(Date.now());
    await db.deleteFrom('email_outbox').execute();
  });

  it('doubles the retry delay up to a cap', () => {
    expect(retryDelayMs(1, 1000)).toBe(1000);
    expect(retryDelayMs(2, 1000)).toBe(2000);
    expect(retryDelayMs(4, 1000)).toBe(8000);
    expect(retryDelayMs(40, 1000)).toBe(6 * 3600_000);
  });
});
