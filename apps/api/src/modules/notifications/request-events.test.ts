import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { insertRequest } from '../inbox/demo-rows.ts';
import { recordRequestEvent } from './service.ts';
import { recordApproval } from './approval.fixture.ts';
import { rowById } from '../../testing/rows.ts';

const t = useTestApp();
let requestId: string;

beforeAll(async () => {
  const db = t.db.kysely;
  await db.updateTable('users').set({ language: 'es' }).where('id', '=', t.citizenId).execute();
  requestId = await insertRequest(db, {
    applicantId: t.citizenId,
    programId: t.programId('home-energy-rebate'),
    status: 'submitted',
    amountCents: 12_345,
    reference: 'HMS-TEST-0000-0',
  });
});

describe('recordRequestEvent', () => {
  it('writes the timeline step, a notification in the applicant language, an email and an outbox event', async () => {
    const db = t.db.kysely;
    const eventId = await recordApproval(db, requestId, 12_345);
    const step = await rowById(db, 'request_events', eventId);
    expect(step).toMatchObject({
      type: 'approved',
      to_status: 'approved',
      visible_to_applicant: true,
    });
    const note = await db
      .selectFrom('notifications')
      .selectAll()
      .where('event_id', '=', eventId)
      .executeTakeFirstOrThrow();
    expect(note.language).toBe('es');
    expect(note.title).toContain('HMS-TEST-0000-0');
    expect(note.body).toContain('123.45');
    const mail = await db
      .selectFrom('email_outbox')
      .selectAll()
      .where('notification_id', '=', note.id)
      .executeTakeFirstOrThrow();
    expect(mail).toMatchObject({
      to_address: 'citizen@example.gov',
      status: 'queued',
      subject: note.title,
    });
    const outbox = await rowById(db, 'outbox_events', eventId);
    expect(outbox.type).toBe('request.approved');
  });

  it('keeps staff-only steps out of notifications', async () => {
    const db = t.db.kysely;
    const eventId = await db.transaction().execute((trx) =>
      recordRequestEvent(trx, {
        requestId,
        type: 'comment',
        actor: { id: null, kind: 'system' },
        data: { text: 'internal' },
        visibleToApplicant: false,
      }),
    );
    const notes = await db
      .selectFrom('notifications')
      .select('id')
      .where('event_id', '=', eventId)
      .execute();
    expect(notes).toHaveLength(0);
  });

  it('rolls back with the transaction that caused it', async () => {
    const db = t.db.kysely;
    const before = await db
      .selectFrom('request_events')
      .select(db.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    await expect(
      db.transaction().execute(async (trx) => {
        await recordRequestEvent(trx, {
          requestId,
          type: 'withdrawn',
          actor: { id: null, kind: 'system' },
          visibleToApplicant: true,
        });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const after = await db
      .selectFrom('request_events')
      .select(db.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toEqual(before.n);
  });
});
