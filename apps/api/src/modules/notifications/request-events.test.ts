import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demoCitizenId, type TestContext } from '../../testing/test-app.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { recordRequestEvent } from './service.ts';

let ctx: TestContext;
let requestId: string;

beforeAll(async () => {
  ctx = await createTestApp();
  const db = ctx.db.kysely;
  const citizenId = await demoCitizenId(db);
  await db.updateTable('users').set({ language: 'es' }).where('id', '=', citizenId).execute();
  const program = await db
    .selectFrom('programs')
    .select(['id', 'version'])
    .limit(1)
    .executeTakeFirstOrThrow();
  requestId = uuidv7();
  await db
    .insertInto('requests')
    .values({
      id: requestId,
      reference: 'HMS-TEST-0000-0',
      program_id: program.id,
      program_version: program.version,
      applicant_id: citizenId,
      status: 'submitted',
      answers: '{}',
      amount_requested_cents: 12_345,
      updated_at: new Date(),
    })
    .execute();
});
afterAll(() => ctx.close());

describe('recordRequestEvent', () => {
  it('writes the timeline step, a notification in the applicant language, an email and an outbox event', async () => {
    const db = ctx.db.kysely;
    const eventId = await db.transaction().execute((trx) =>
      recordRequestEvent(trx, {
        requestId,
        type: 'approved',
        actor: { id: null, kind: 'system' },
        fromStatus: 'in_review',
        toStatus: 'approved',
        data: { amountCents: 12_345 },
        visibleToApplicant: true,
      }),
    );
    const step = await db
      .selectFrom('request_events')
      .selectAll()
      .where('id', '=', eventId)
      .executeTakeFirstOrThrow();
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
    const outbox = await db
      .selectFrom('outbox_events')
      .selectAll()
      .where('id', '=', eventId)
      .executeTakeFirstOrThrow();
    expect(outbox.type).toBe('request.approved');
  });

  it('keeps staff-only steps out of notifications', async () => {
    const db = ctx.db.kysely;
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
    const db = ctx.db.kysely;
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
