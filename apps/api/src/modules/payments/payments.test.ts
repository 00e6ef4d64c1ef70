import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { insertApprovedPayment } from './fixtures.ts';

const t = useTestApp();
const fin = t.signedIn('finance');
let citizenId: string;
let rebate: string;
let refund: string;

beforeAll(async () => {
  citizenId = t.citizenId;
  rebate = t.programId('home-energy-rebate');
  refund = t.programId('permit-fee-refund');
});

/** created_at is insert-only in the table type; tests move it with plain SQL. */
async function setCreatedAt(paymentId: string, iso: string) {
  await sql`update payments set created_at = ${iso}::timestamptz where id = ${paymentId}`.execute(
    t.db.kysely,
  );
}

describe('GET /api/payments', () => {
  it('filters by program and by creation day in the agency time zone, totals over every page, pages by cursor', async () => {
    const a = await insertApprovedPayment(t.db.kysely, t.config, {
      applicantId: citizenId,
      programId: rebate,
      amountCents: 10_00,
    });
    const b = await insertApprovedPayment(t.db.kysely, t.config, {
      applicantId: citizenId,
      programId: rebate,
      amountCents: 20_00,
    });
    const c = await insertApprovedPayment(t.db.kysely, t.config, {
      applicantId: citizenId,
      programId: refund,
      amountCents: 40_00,
    });
    // 2026-03-02T03:00Z is still March 1st in New York.
    await setCreatedAt(a.paymentId, '2026-03-02T03:00:00Z');
    await setCreatedAt(b.paymentId, '2026-03-02T15:00:00Z');
    await setCreatedAt(c.paymentId, '2026-03-02T15:00:00Z');

    const march1 = JSON.parse(
      (await fin.get('/api/payments?createdFrom=2026-03-01&createdTo=2026-03-01')).body,
    );
    expect(march1.items.map((i: { id: string }) => i.id)).toEqual([a.paymentId]);
    const rebateMarch2 = JSON.parse(
      (
        await fin.get(
          `/api/payments?programId=${rebate}&createdFrom=2026-03-02&createdTo=2026-03-02`,
        )
      ).body,
    );
    expect(rebateMarch2).toMatchObject({ totalCount: 1, totalCents: 20_00 });
    expect(rebateMarch2.items[0]).toMatchObject({
      id: b.paymentId,
      accountLast4: expect.stringMatching(/^\d{4}$/),
      status: 'pending',
    });

    const page1 = JSON.parse(
      (await fin.get('/api/payments?createdFrom=2026-03-01&createdTo=2026-03-02&limit=2')).body,
    );
    expect(page1).toMatchObject({ totalCount: 3, totalCents: 70_00 });
    expect(page1.items).toHaveLength(2);
    const page2 = JSON.parse(
      (
        await fin.get(
          `/api/payments?createdFrom=2026-03-01&createdTo=2026-03-02&limit=2&cursor=${page1.nextCursor}`,
        )
      ).body,
    );
    expect(page2.nextCursor).toBeNull();
    expect([...page1.items, ...page2.items].map((i: { id: string }) => i.id).sort()).toEqual(
      [a.paymentId, b.paymentId, c.paymentId].sort(),
    );
  });

  it('names the field and the fix for bad filters, and is closed to other roles', async () => {
    const reversed = await fin.get('/api/payments?createdFrom=2026-03-02&createdTo=2026-03-01');
    expect(reversed.statusCode).toBe(400);
    expect(JSON.parse(reversed.body).errors).toEqual([
      { field: 'query.createdTo', message: 'createdTo must be on or after createdFrom.' },
    ]);
    const badDate = JSON.parse((await fin.get('/api/payments?createdFrom=March')).body);
    expect(badDate.errors[0]).toEqual({
      field: 'query.createdFrom',
      message: 'Use a date written YYYY-MM-DD, for example 2026-11-25.',
      code: 'field.invalid_format',
    });
    const approver = await t.signIn('approver');
    expect((await approver.get('/api/payments')).statusCode).toBe(403);
  });
});
