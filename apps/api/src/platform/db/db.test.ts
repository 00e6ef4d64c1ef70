import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import pg from 'pg';
import { useTestDb } from '../../testing/test-app.ts';
import { migrateToLatest } from './migrate.ts';
import { uuidv7 } from './ids.ts';
import { appendAudit, verifyAuditChain } from '../audit.ts';
import { isDatabaseUnavailable } from './errors.ts';

const t = useTestDb();

describe('uuidv7', () => {
  it('is a version-7, variant-10 UUID whose order follows creation order', () => {
    const ids = Array.from({ length: 2000 }, () => uuidv7());
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    // The first 48 bits are the Unix milliseconds (a clock ahead of the last id, so monotonicity does not adjust it).
    const t = Date.now() + 86_400_000;
    expect(parseInt(uuidv7(t).replace(/-/g, '').slice(0, 12), 16)).toBe(t);
  });
});

describe('migrations', () => {
  it('apply once, and a second run applies nothing and fails nothing', async () => {
    const first = await migrateToLatest(t.db.kysely);
    expect(first.results?.map((r) => r.migrationName)).toEqual(
      expect.arrayContaining(['0001_platform', '0002_core_domain']),
    );
    const second = await migrateToLatest(t.db.kysely);
    expect(second.results).toEqual([]);
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from kysely_migration`.execute(t.db.kysely);
    expect(rows[0]!.n).toBeGreaterThanOrEqual(2);
  });

  it('parses bigint columns to numbers', async () => {
    const { rows } = await sql<{ v: number }>`select 9007199254740991::bigint as v`.execute(
      t.db.kysely,
    );
    expect(rows[0]!.v).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('keeps the audit log append-only and hash-chained', async () => {
    await t.db.kysely.transaction().execute(async (trx) => {
      await appendAudit(trx, {
        actorId: null,
        actorKind: 'system',
        action: 'auth.sign_in',
        entityType: 'x',
        entityId: '1',
        data: { b: 1, a: [2] },
      });
      await appendAudit(trx, {
        actorId: null,
        actorKind: 'system',
        action: 'auth.sign_out',
        entityType: 'x',
        entityId: '2',
      });
    });
    expect(await verifyAuditChain(t.db.kysely)).toEqual({ ok: true, count: 2 });
    await expect(sql`update audit_log set action = 'forged'`.execute(t.db.kysely)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_log`.execute(t.db.kysely)).rejects.toThrow(/append-only/);
    const rows = await t.db.kysely
      .selectFrom('audit_log')
      .select(['prev_hash', 'hash'])
      .orderBy('id')
      .execute();
    expect(rows[1]!.prev_hash).toBe(rows[0]!.hash);
  });

  it('allows only one live payment per request', async () => {
    const userId = uuidv7();
    const programId = uuidv7();
    const requestId = uuidv7();
    const accountId = uuidv7();
    await t.db.kysely
      .insertInto('users')
      .values({
        id: userId,
        email: `p${userId}@example.gov`,
        password_hash: 'x',
        display_name: 'P',
      })
      .execute();
    await t.db.kysely
      .insertInto('programs')
      .values({
        id: programId,
        slug: `p-${Date.now()}`,
        name_en: 'P',
        name_es: 'P',
        description_en: '',
        description_es: '',
        eligibility_en: '',
        eligibility_es: '',
        sec_code: 'PPD',
        max_amount_cents: 1000,
        budget_cents: 10000,
        approval_threshold_cents: 500,
        review_deadline_days: 10,
        definition: '{}',
      })
      .execute();
    await t.db.kysely
      .insertInto('requests')
      .values({
        id: requestId,
        reference: `R-${requestId}`,
        program_id: programId,
        program_version: 1,
        applicant_id: userId,
        status: 'approved',
        answers: '{}',
        amount_requested_cents: 100,
        updated_at: new Date(),
      })
      .execute();
    await t.db.kysely
      .insertInto('payee_accounts')
      .values({
        id: accountId,
        user_id: userId,
        holder_name: 'P',
        account_type: 'checking',
        routing_number: '011000015',
        account_number_enc: 'enc',
        account_last4: '1234',
        key_id: 'k1',
      })
      .execute();
    const payment = (status: 'pending' | 'returned') => ({
      id: uuidv7(),
      request_id: requestId,
      payee_account_id: accountId,
      amount_cents: 100,
      status,
      updated_at: new Date(),
    });
    const first = payment('pending');
    await t.db.kysely.insertInto('payments').values(first).execute();
    await expect(
      t.db.kysely.insertInto('payments').values(payment('pending')).execute(),
    ).rejects.toThrow(/payments_one_live_per_request/);
    // After a return a replacement payment is allowed.
    await t.db.kysely
      .updateTable('payments')
      .set({ status: 'returned' })
      .where('id', '=', first.id)
      .execute();
    await t.db.kysely
      .insertInto('payments')
      .values({ ...payment('pending'), replaces_payment_id: first.id })
      .execute();
  });

  it('never interleaves concurrent transactions on the single embedded connection', async () => {
    await sql`create table if not exists t_counter (n int not null)`.execute(t.db.kysely);
    await sql`insert into t_counter values (0)`.execute(t.db.kysely);
    // Read-modify-write with a yield in between. On PostgreSQL the row lock (for update) serialises them; on PGlite
    // that lock means nothing within one connection, so only the driver's exclusive hand-out prevents lost updates.
    await Promise.all(
      Array.from({ length: 20 }, () =>
        t.db.kysely.transaction().execute(async (trx) => {
          const { rows } = await sql<{ n: number }>`select n from t_counter for update`.execute(
            trx,
          );
          await new Promise((r) => setTimeout(r, 2));
          await sql`update t_counter set n = ${rows[0]!.n + 1}`.execute(trx);
        }),
      ),
    );
    const { rows } = await sql<{ n: number }>`select n from t_counter`.execute(t.db.kysely);
    expect(rows[0]!.n).toBe(20);
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('a PostgreSQL session that goes away', () => {
  it('fails the transaction holding it as "database unavailable" (503), without crashing the process', async () => {
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    try {
      const failed = await t.db.kysely
        .transaction()
        .execute(async (trx) => {
          const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
          // The server ends the session (as a stop or a failover does) while the transaction holds it between two
          // statements: the FATAL arrives as an 'error' event on a checked-out client, which pg-pool does not hear.
          await admin.query('select pg_terminate_backend($1)', [rows[0]!.pid]);
          await new Promise((resolve) => setTimeout(resolve, 300));
          await sql`select 1`.execute(trx);
        })
        .then(
          () => null,
          (err: unknown) => err,
        );
      expect(failed).not.toBeNull();
      expect(isDatabaseUnavailable(failed), String(failed)).toBe(true);
      // The pool let the dead client go: the next query gets a live one.
      const { rows } = await sql<{ one: number }>`select 1 as one`.execute(t.db.kysely);
      expect(rows).toEqual([{ one: 1 }]);
    } finally {
      await admin.end();
    }
  });
});
