import { beforeAll, describe, expect, it, vi } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { bankAccountBody } from '../../testing/applying.ts';
import { insertApprovedPayment } from '../payments/fixtures.ts';
import { returnFileFor } from '../returns/bank-return-file.ts';
import { auditEntries, rowById } from '../../testing/rows.ts';
import { refusedField } from '../../testing/refusals.ts';

const t = useTestApp();
const admin = t.signedIn('admin');
let citizenId: string;
let programId: string;

beforeAll(async () => {
  citizenId = t.citizenId;
  programId = t.programId('home-energy-rebate');
});

async function token(scopes: string[]) {
  const res = await admin.post('/api/service-tokens', {
    name: `FINANCIAL ${scopes.join('+')}`,
    scopes,
  });
  expect(res.statusCode).toBe(201);
  return JSON.parse(res.body) as { id: string; token: string; prefix: string };
}

const bearer = (tok: string) => ({ authorization: `Bearer ${tok}` });

async function releasedBatch(amounts: number[]) {
  const fin = await t.signIn('finance');
  const ps = [];
  for (const a of amounts)
    ps.push(
      await insertApprovedPayment(t.db.kysely, t.config, {
        applicantId: citizenId,
        programId,
        amountCents: a,
      }),
    );
  const batch = JSON.parse(
    (await fin.post('/api/batches', { paymentIds: ps.map((p) => p.paymentId) })).body,
  );
  const sup = await t.signIn('supervisor');
  const rel = JSON.parse((await sup.post(`/api/batches/${batch.id}/release`)).body);
  return {
    batch: rel as {
      id: string;
      effectiveDate: string;
      entries: Array<{ traceNumber: string; payment: { id: string } }>;
    },
    payments: ps,
  };
}

describe('service tokens', () => {
  it('are shown once, stored hashed, scoped, logged on each use, rotated and revoked', async () => {
    const settle = await token(['settlement:write']);
    expect(settle.token).toMatch(/^hms_st_/);
    const row = await rowById(t.db.kysely, 'service_tokens', settle.id);
    expect(row.token_hash).not.toContain(settle.token);
    expect(JSON.stringify((await admin.get('/api/service-tokens')).body)).not.toContain(
      settle.token,
    );

    const { batch, payments } = await releasedBatch([20_00, 30_00]);
    const url = `/api/integration/batches/${batch.id}/settlement`;
    // No token, a session instead of a token, an unknown token: 401.
    expect((await t.app.inject({ method: 'POST', url, payload: {} })).statusCode).toBe(401);
    expect((await admin.post(url, {})).statusCode).toBe(401);
    expect(
      (await t.app.inject({ method: 'POST', url, payload: {}, headers: bearer('hms_st_nope') }))
        .statusCode,
    ).toBe(401);
    // Wrong scope: 403, naming the scope.
    const reader = await token(['journal:read']);
    const wrong = await t.app.inject({
      method: 'POST',
      url,
      payload: {},
      headers: bearer(reader.token),
    });
    expect(wrong.statusCode).toBe(403);
    expect(JSON.parse(wrong.body).detail).toMatch(/settlement:write/);

    // Right scope, no CSRF header needed: settled, requests paid; a retry changes nothing.
    const ok = await t.app.inject({
      method: 'POST',
      url,
      payload: { note: 'FIN-123' },
      headers: bearer(settle.token),
    });
    expect(ok.statusCode).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({
      status: 'settled',
      paymentsSettled: 2,
      alreadySettled: false,
    });
    const statuses = await t.db.kysely
      .selectFrom('requests')
      .select('status')
      .where(
        'id',
        'in',
        payments.map((p) => p.requestId),
      )
      .execute();
    expect(statuses.map((s) => s.status)).toEqual(['paid', 'paid']);
    const retry = await t.app.inject({
      method: 'POST',
      url,
      payload: {},
      headers: bearer(settle.token),
    });
    expect(JSON.parse(retry.body)).toMatchObject({ alreadySettled: true, paymentsSettled: 0 });
    const audit = await auditEntries(t.db.kysely, { action: 'batch.settled', entityId: batch.id });
    expect(audit).toEqual([expect.objectContaining({ actor_kind: 'token', actor_id: settle.id })]);

    // A use is logged in the onResponse hook, after the answer has gone: the last one may land a moment later.
    await vi.waitFor(async () => {
      const uses = JSON.parse(
        (await admin.get(`/api/service-tokens/${settle.id}/uses`)).body,
      ).items;
      expect(uses.map((u: { statusCode: number }) => u.statusCode).sort()).toEqual([200, 200]);
      const readerUses = JSON.parse(
        (await admin.get(`/api/service-tokens/${reader.id}/uses`)).body,
      ).items;
      expect(readerUses).toEqual([expect.objectContaining({ statusCode: 403, method: 'POST' })]);
    });

    // Rotation: the new token works, the old one is revoked at once.
    const rotated = JSON.parse((await admin.post(`/api/service-tokens/${settle.id}/rotate`)).body);
    expect(rotated).toMatchObject({ rotatedFrom: settle.id, scopes: ['settlement:write'] });
    expect(
      (await t.app.inject({ method: 'POST', url, payload: {}, headers: bearer(settle.token) }))
        .statusCode,
    ).toBe(401);
    expect(
      (await t.app.inject({ method: 'POST', url, payload: {}, headers: bearer(rotated.token) }))
        .statusCode,
    ).toBe(200);
    expect((await admin.post(`/api/service-tokens/${rotated.id}/revoke`)).statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'POST', url, payload: {}, headers: bearer(rotated.token) }))
        .statusCode,
    ).toBe(401);
    // Only admins manage tokens.
    const fin = await t.signIn('finance');
    expect(
      (await fin.post('/api/service-tokens', { name: 'x', scopes: ['journal:read'] })).statusCode,
    ).toBe(403);
  });
});

describe('GL journal', () => {
  it('has balanced debit/credit lines per program and day for payments, returns and reissues, as JSON and CSV', async () => {
    const { batch, payments } = await releasedBatch([100_00, 50_25]);
    const fin = await t.signIn('finance');
    const trace = batch.entries.find((e) => e.payment.id === payments[1]!.paymentId)!.traceNumber;
    const imp = await fin.post('/api/returns/imports', {
      fileName: 'r.ach',
      content: returnFileFor({
        odfiRouting: t.config.originator.odfiRouting,
        returns: [{ traceNumber: trace, amountCents: 50_25, code: 'R02' }],
      }),
    });
    expect(JSON.parse(imp.body).counts.returnsApplied).toBe(1);
    const citizen = await t.signIn('citizen');
    const upd = JSON.parse(
      (
        await citizen.post(
          `/api/requests/${payments[1]!.requestId}/payee-account`,
          bankAccountBody('4444333322', { holderName: 'Casey' }),
        )
      ).body,
    );
    const reissue = JSON.parse(
      (await fin.post('/api/batches', { paymentIds: [upd.paymentId] })).body,
    );
    const sup = await t.signIn('supervisor');
    expect((await sup.post(`/api/batches/${reissue.id}/release`)).statusCode).toBe(200);

    const reader = await token(['journal:read']);
    const from = '2000-01-01';
    const to = '2100-01-01';
    const res = await t.app.inject({
      url: `/api/integration/journal?from=${from}&to=${to}`,
      headers: bearer(reader.token),
    });
    expect(res.statusCode).toBe(200);
    const j = JSON.parse(res.body);
    expect(j.totals.debitCents).toBe(j.totals.creditCents);
    const sum = (type: string, account: string, side: 'debitCents' | 'creditCents') =>
      j.lines
        .filter(
          (l: { entryType: string; account: string }) =>
            l.entryType === type && l.account === account,
        )
        .reduce((s: number, l: Record<string, number>) => s + l[side]!, 0);
    expect(sum('payment', '5100', 'debitCents')).toBeGreaterThanOrEqual(150_25);
    expect(sum('return', '1010', 'debitCents')).toBe(50_25);
    expect(sum('return', '2150', 'creditCents')).toBe(50_25);
    expect(sum('reissue', '2150', 'debitCents')).toBe(50_25);
    // Each (day, program, type) group balances on its own.
    const groups = new Map<string, number>();
    for (const l of j.lines)
      groups.set(
        `${l.date}|${l.programId}|${l.entryType}`,
        (groups.get(`${l.date}|${l.programId}|${l.entryType}`) ?? 0) + l.debitCents - l.creditCents,
      );
    expect([...groups.values()].every((v) => v === 0)).toBe(true);

    const csv = await t.app.inject({
      url: `/api/integration/journal?from=${from}&to=${to}&format=csv`,
      headers: bearer(reader.token),
    });
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('date,program,entry_type,account,account_name,debit,credit,count');
    expect(lines).toContain(
      `${batch.effectiveDate},home-energy-rebate,payment,1010,Fund balance with Treasury,0.00,${(sum('payment', '1010', 'creditCents') / 100).toFixed(2)},${j.lines.find((l: { entryType: string }) => l.entryType === 'payment').count}`,
    );
    expect(
      refusedField(
        await t.app.inject({
          url: `/api/integration/journal?from=2026-02-01&to=2026-01-01`,
          headers: bearer(reader.token),
        }),
      ),
    ).toBe('query.to');
  });
});
