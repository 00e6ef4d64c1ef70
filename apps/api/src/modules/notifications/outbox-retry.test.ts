import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { auditEntries, rowById } from '../../testing/rows.ts';

const t = useTestApp();
const admin = t.signedIn('admin');

async function email(status: 'queued' | 'sent' | 'dead') {
  const id = uuidv7();
  await t.db.kysely
    .insertInto('email_outbox')
    .values({
      id,
      to_address: 'someone@example.com',
      subject: 'Your request',
      body: 'Hello',
      status,
      attempts: status === 'dead' ? 8 : 0,
      last_error: status === 'dead' ? '550 mailbox unavailable' : null,
    })
    .execute();
  return id;
}

const row = (id: string) => rowById(t.db.kysely, 'email_outbox', id);

describe('retrying a dead email', () => {
  it('queues it again now with a fresh round of attempts, audited', async () => {
    const id = await email('dead');
    const res = await admin.post(`/api/admin/outbox/${id}/retry`);
    expect(res.statusCode).toBe(204);
    const r = await row(id);
    expect(r).toMatchObject({ status: 'queued', attempts: 0 });
    expect(new Date(r.next_attempt_at).getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    expect(await auditEntries(t.db.kysely, { entityId: id })).toEqual([
      expect.objectContaining({
        action: 'email.retried',
        actor_id: t.userId('admin'),
        entity_type: 'email',
        data: { previousAttempts: 8, lastError: '550 mailbox unavailable' },
      }),
    ]);
    // The list shows it queued.
    const list = JSON.parse((await admin.get('/api/admin/outbox?status=queued')).body);
    expect(list.items.map((e: { id: string }) => e.id)).toContain(id);
  });

  it('refuses an email that is not dead (409) or unknown (404), changing nothing', async () => {
    for (const status of ['queued', 'sent'] as const) {
      const id = await email(status);
      const res = await admin.post(`/api/admin/outbox/${id}/retry`);
      expect(res.statusCode).toBe(409);
      expect(JSON.parse(res.body).code).toBe('email.not_dead');
      expect((await row(id)).status).toBe(status);
    }
    const missing = await admin.post(`/api/admin/outbox/${uuidv7()}/retry`);
    expect(missing.statusCode).toBe(404);
    expect(JSON.parse(missing.body).code).toBe('email.not_found');
  });

  it('is for administrators only', async () => {
    const id = await email('dead');
    const finance = await t.signIn('finance');
    expect((await finance.post(`/api/admin/outbox/${id}/retry`)).statusCode).toBe(403);
    expect((await row(id)).status).toBe('dead');
  });
});
