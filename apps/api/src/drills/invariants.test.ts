import { describe, expect, it } from 'vitest';
import type { Transaction } from 'kysely';
import {
  checkInvariants,
  formatChecks,
  type InvariantCheck,
  type InvariantInput,
} from '../../../../bench/lib/invariants.ts';
import { useTestApp } from '../testing/test-app.ts';
import { resolveEncryptionKey } from '../platform/crypto-key.ts';
import type { Database } from '../platform/db/schema.ts';
import { uuidv7 } from '../platform/db/ids.ts';
import { seedDemo } from '../seed.ts';

/**
 * The invariants the load test and the crash drills check (bench/lib/invariants.ts), on the demo's six months of
 * history (batches built, released, settled, returned, made through the services): they hold there, and each one
 * fails when the rows are broken the way it guards against (inside a transaction that is rolled back).
 */
const t = useTestApp();

const named = (checks: InvariantCheck[], name: string) => {
  const c = checks.find((x) => x.name === name);
  if (!c) throw new Error(`no check named ${name} in:\n${formatChecks(checks)}`);
  return c;
};

class Rollback extends Error {}

/** The key the API sealed the files with: the test app's key file in its data dir. */
const env = () => ({ HMS_DATA_DIR: t.config.dataDir });

/** Checks run on the database as `tamper` leaves it, then everything is undone. */
async function checksAfter(
  tamper: (trx: Transaction<Database>) => Promise<void>,
  extra: Partial<InvariantInput> = {},
): Promise<InvariantCheck[]> {
  let checks: InvariantCheck[] = [];
  await t.db.kysely
    .transaction()
    .execute(async (trx) => {
      await tamper(trx);
      checks = await checkInvariants({ db: trx, env: env(), ...extra });
      throw new Rollback();
    })
    .catch((err: unknown) => {
      if (!(err instanceof Rollback)) throw err;
    });
  return checks;
}

describe('money invariants (bench/lib/invariants.ts)', () => {
  it('hold on the demo history, and count what they looked at', async () => {
    await seedDemo(t.db.kysely, {
      timeZone: t.config.timezone,
      encryptionKey: resolveEncryptionKey(t.config),
      config: t.config,
    });
    const submitted = await t.db.kysely
      .selectFrom('requests')
      .select(['id as requestId', 'reference'])
      .where('status', '!=', 'draft')
      .limit(20)
      .execute();
    const checks = await checkInvariants({
      db: t.db.kysely,
      env: env(),
      acknowledged: { submissions: submitted },
    });
    expect(formatChecks(checks)).not.toContain('FAIL');
    expect(checks.map((c) => c.name)).toEqual([
      'every acknowledged submission exists',
      'every approved request has exactly one live payment',
      'no payment is in two batches',
      "every batch's totals equal its file",
      'the audit chain verifies',
      'no money moves twice',
      'a webhook id always carries one body',
    ]);
    expect(named(checks, 'every acknowledged submission exists').checked).toBe(20);
    // The history has batch files to open and settlements to count; a check over nothing would prove nothing.
    expect(named(checks, "every batch's totals equal its file").checked).toBeGreaterThan(0);
    expect(named(checks, 'no money moves twice').checked).toBeGreaterThan(0);
  });

  it('find an acknowledged submission that is missing', async () => {
    const lost = uuidv7();
    const checks = await checkInvariants({
      db: t.db.kysely,
      env: env(),
      acknowledged: { submissions: [{ requestId: lost, reference: 'HMS-LOST' }] },
    });
    expect(named(checks, 'every acknowledged submission exists').details).toEqual([
      `request ${lost} (HMS-LOST) was acknowledged but is missing`,
    ]);
  });

  it('find a paid request left without its live payment', async () => {
    const checks = await checksAfter(async (trx) => {
      const p = await trx
        .selectFrom('payments')
        .select('id')
        .where('status', '=', 'settled')
        .executeTakeFirstOrThrow();
      await trx
        .updateTable('payments')
        .set({ status: 'cancelled' })
        .where('id', '=', p.id)
        .execute();
    });
    const c = named(checks, 'every approved request has exactly one live payment');
    expect(c.ok).toBe(false);
    expect(c.details[0]).toMatch(/ is paid with 0 live payments \(want exactly 1\)$/);
  });

  it('find a payment whose money is in two batches, and a batch whose rows disagree with its file', async () => {
    const checks = await checksAfter(async (trx) => {
      const e = await trx
        .selectFrom('ach_entries as e')
        .innerJoin('ach_batches as b', 'b.id', 'e.batch_id')
        .selectAll('e')
        .where('b.status', '=', 'settled')
        .where('e.kind', '=', 'payment')
        .orderBy('e.id')
        .executeTakeFirstOrThrow();
      const other = await trx
        .selectFrom('ach_batches')
        .select('id')
        .where('status', '=', 'settled')
        .where('id', '!=', e.batch_id)
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('ach_entries')
        .values({ ...e, id: uuidv7(), batch_id: other.id, trace_number: '999999999999999' })
        .execute();
    });
    expect(named(checks, 'no payment is in two batches').details.join('\n')).toMatch(
      /is paid in 2 batches: /,
    );
    const files = named(checks, "every batch's totals equal its file");
    expect(files.ok).toBe(false);
    expect(files.details.join('\n')).toMatch(/: \d+ entry rows, \d+ entries in the file/);
  });

  it('find a broken audit chain', async () => {
    const checks = await checksAfter(async (trx) => {
      await trx
        .insertInto('audit_log')
        .values({
          at: new Date(),
          actor_id: null,
          actor_kind: 'system',
          action: 'drill.forged',
          entity_type: 'nothing',
          entity_id: null,
          data: JSON.stringify({}),
          ip: null,
          prev_hash: 'f'.repeat(64),
          hash: 'f'.repeat(64),
        })
        .execute();
    });
    expect(named(checks, 'the audit chain verifies').details[0]).toMatch(/drill\.forged/);
  });

  it('find money moved twice: a settlement announced twice, a batch released twice, a request paid twice', async () => {
    const checks = await checksAfter(async (trx) => {
      const settled = await trx
        .selectFrom('outbox_events')
        .selectAll()
        .where('type', '=', 'payment.settled')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('outbox_events')
        .values({ ...settled, id: uuidv7(), payload: JSON.stringify(settled.payload) })
        .execute();
      const paid = await trx
        .selectFrom('request_events')
        .selectAll()
        .where('type', '=', 'paid')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('request_events')
        .values({ ...paid, id: uuidv7(), data: JSON.stringify(paid.data) })
        .execute();
    });
    const c = named(checks, 'no money moves twice');
    expect(c.ok).toBe(false);
    expect(c.details).toHaveLength(2);
    expect(c.details[0]).toMatch(/^payment\.settled announced 2 times for /);
    expect(c.details[1]).toMatch(/^request .* paid 2 times$/);
    // The other checks are not disturbed by it.
    expect(named(checks, 'no payment is in two batches').ok).toBe(true);
  });

  it('find a webhook id whose copies differ, or that HMS never stored, or a delivery that never arrived', async () => {
    const endpointId = uuidv7();
    const eventId = uuidv7();
    const stray = uuidv7();
    const body = JSON.stringify({ type: 'payment.settled', data: { eventId } });
    const delivered = async (trx: Transaction<Database>) => {
      const staff = await trx.selectFrom('users').select('id').executeTakeFirstOrThrow();
      await trx
        .insertInto('webhook_endpoints')
        .values({
          id: endpointId,
          url: 'https://example.gov/hook',
          event_types: ['payment.settled'],
          secret_enc: 'x',
          key_id: 'x',
          created_by: staff.id,
        })
        .execute();
      for (const id of [eventId, uuidv7()])
        await trx
          .insertInto('outbox_events')
          .values({
            id,
            type: 'payment.settled',
            aggregate_type: 'payment',
            aggregate_id: uuidv7(),
            payload: JSON.stringify({}),
          })
          .execute();
      await trx
        .insertInto('webhook_deliveries')
        .values({
          id: uuidv7(),
          endpoint_id: endpointId,
          event_id: eventId,
          event_type: 'payment.settled',
          body,
          status: 'delivered',
        })
        .execute();
    };
    const checks = await checksAfter(delivered, {
      webhooks: {
        endpointId,
        receipts: [
          { id: eventId, body },
          { id: eventId, body: body.replace('settled', 'returned') },
          { id: stray, body },
        ],
      },
    });
    const c = named(checks, 'a webhook id always carries one body');
    expect(c.details).toEqual([
      `webhook ${eventId} arrived twice with different bodies`,
      `webhook ${stray} arrived but HMS has no delivery of it`,
    ]);
    const missed = await checksAfter(delivered, { webhooks: { endpointId, receipts: [] } });
    expect(named(missed, 'a webhook id always carries one body').details).toEqual([
      `the delivery of event ${eventId} is marked delivered but never arrived`,
    ]);
    const twice = await checksAfter(delivered, {
      webhooks: {
        endpointId,
        receipts: [
          { id: eventId, body },
          { id: eventId, body },
        ],
      },
    });
    expect(named(twice, 'a webhook id always carries one body').ok).toBe(true);
  });
});
