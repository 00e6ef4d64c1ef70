import type { Language } from '@hms/contracts/language';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateFile, validateText } from '@hms/ach/validate';
import { parseFile } from '@hms/ach/parse';
import { useTestApp } from '../../testing/test-app.ts';
import { bankAccountBody } from '../../testing/applying.ts';
import { insertApprovedPayment } from '../payments/fixtures.ts';
import { returnFileFor } from '../returns/bank-return-file.ts';
import { accountFingerprint } from '../risk/service.ts';
import { resolveEncryptionKey } from '../../platform/crypto-key.ts';
import { auditEntries, requestSteps, rowById } from '../../testing/rows.ts';
import { addStaff } from '../../testing/staff.ts';
import { startPrenoteMaturity } from '../payments/prenote-maturity.ts';

const t = useTestApp();
let citizenId: string;
let energy: string; // no prenote
let business: string; // requires prenote
const finance = () => t.signIn('finance');
const supervisor = () => t.signIn('supervisor');

beforeAll(() => {
  citizenId = t.citizenId;
  energy = t.programId('home-energy-rebate');
  business = t.programId('small-business-relief');
});

async function pending(amountCents: number, programId = energy, accountNumber?: string) {
  return insertApprovedPayment(t.db.kysely, t.config, {
    applicantId: citizenId,
    programId,
    amountCents,
    ...(accountNumber ? { accountNumber } : {}),
  });
}

/** A pending payment whose request waits for a new bank account, as after a return. */
async function awaitingNewAccount(amountCents: number) {
  const p = await pending(amountCents);
  await t.db.kysely
    .updateTable('requests')
    .set({ status: 'payment_returned' })
    .where('id', '=', p.requestId)
    .execute();
  return p;
}

const setCitizenLanguage = (language: Language) =>
  t.db.kysely.updateTable('users').set({ language }).where('id', '=', citizenId).execute();

describe('batches under dual control', () => {
  it('builds a valid NACHA file, refuses release by its builder and download before release, then releases and downloads', async () => {
    const p1 = await pending(125_00, energy, '123456789');
    const p2 = await pending(40_50);
    const sup = await supervisor();
    const build = await sup.post('/api/batches', { paymentIds: [p1.paymentId, p2.paymentId] });
    expect(build.statusCode).toBe(201);
    const batch = JSON.parse(build.body);
    expect(batch).toMatchObject({
      status: 'built',
      entryCount: 2,
      prenoteCount: 0,
      totalCents: 165_50,
    });
    expect(batch.fileIdModifier).toMatch(/^[A-Z0-9]$/);
    expect(batch.can.release).toBe(false);
    expect(batch.releaseBlockedReason).toMatch(/Dual control/);
    expect(batch.releaseBlockedCode).toBe('batch.dual_control');

    // The payments left the pending list.
    const list = JSON.parse((await sup.get(`/api/payments?status=batched`)).body);
    expect(list.items.map((i: { id: string }) => i.id)).toEqual(
      expect.arrayContaining([p1.paymentId, p2.paymentId]),
    );

    const own = await sup.post(`/api/batches/${batch.id}/release`);
    expect(own.statusCode).toBe(403);
    expect(JSON.parse(own.body).detail).toMatch(/Dual control/);

    const early = await sup.get(`/api/batches/${batch.id}/file`);
    expect(early.statusCode).toBe(409);
    expect(JSON.parse(early.body).detail).toMatch(/not released/);

    // A finance (non-supervisor) user cannot release or download at all.
    const fin = await finance();
    expect((await fin.post(`/api/batches/${batch.id}/release`)).statusCode).toBe(403);

    // A second supervisor releases it.
    await addStaff(t.db.kysely, 'sup2@example.gov', 'Second Supervisor', ['finance_supervisor']);
    const sup2 = await t.signIn('sup2@example.gov');
    const rel = await sup2.post(`/api/batches/${batch.id}/release`);
    expect(rel.statusCode).toBe(200);
    expect(JSON.parse(rel.body)).toMatchObject({
      status: 'released',
      releasedBy: { name: 'Second Supervisor' },
    });

    const file = await sup.get(`/api/batches/${batch.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toMatch(
      /attachment; filename="HMS-\d{4}-\d{2}-\d{2}-[A-Z0-9]\.ach"/,
    );
    const report = validateText(file.body);
    expect(report.errors).toEqual([]);
    expect(report.valid).toBe(true);
    const parsed = parseFile(file.body).file;
    expect(validateFile(parsed)).toMatchObject({ valid: true, errors: [] });
    const entries = parsed.batches.flatMap((b) => b.entries);
    expect(entries.map((e) => e.amount).sort((x, y) => x - y)).toEqual([40_50, 125_00]);
    expect(entries.find((e) => e.amount === 125_00)!.dfiAccountNumber.trim()).toBe('123456789');
    expect(parsed.header.fileIdModifier).toBe(batch.fileIdModifier);

    const audit = await auditEntries(t.db.kysely, { entityId: batch.id });
    expect(audit.map((a) => a.action)).toEqual([
      'batch.built',
      'batch.released',
      'batch.downloaded',
    ]);

    // The citizen was told the payment was sent, in the timeline and a notification.
    const ev = await requestSteps(t.db.kysely, p1.requestId);
    expect(ev).toEqual([
      expect.objectContaining({
        type: 'payment_sent',
        data: expect.objectContaining({ amountCents: 125_00, accountLast4: '6789' }),
      }),
    ]);
    const released = await rowById(t.db.kysely, 'payments', p1.paymentId);
    expect(released.status).toBe('released');
    expect(released.trace_number).toMatch(/^12104288\d{7}$/);
    expect((await sup.post(`/api/batches/${batch.id}/cancel`)).statusCode).toBe(409);
  });

  it('refuses a release by a supervisor who approved a request in the batch', async () => {
    const p = await pending(7_00);
    const fin = await finance();
    const batch = JSON.parse((await fin.post('/api/batches', { paymentIds: [p.paymentId] })).body);
    const supervisorId = t.userId('supervisor');
    await t.db.kysely
      .insertInto('decisions')
      .values({
        id: '019a0000-0000-7000-8000-0000000000d1',
        request_id: p.requestId,
        kind: 'approve',
        actor_id: supervisorId,
        at_version: 1,
        from_status: 'in_review',
        to_status: 'approved',
        approved_amount_cents: 7_00,
        reason_code: null,
        message: null,
        payment_id: p.paymentId,
      })
      .execute();
    const sup = await supervisor();
    const detail = JSON.parse((await sup.get(`/api/batches/${batch.id}`)).body);
    expect(detail.can.release).toBe(false);
    expect(detail.releaseBlockedReason).toMatch(/^You approved or applied for/);
    expect(detail.releaseBlockedCode).toBe('batch.release_conflict_of_interest');
    const res = await sup.post(`/api/batches/${batch.id}/release`);
    expect(res.statusCode).toBe(403);
    expect(JSON.parse(res.body).detail).toBe(
      `You approved or applied for ${p.reference} in this batch; another finance supervisor must release it.`,
    );
    await fin.post(`/api/batches/${batch.id}/cancel`);
  });

  it('gives each file of the day its own file id modifier and cancels an unreleased batch back to pending', async () => {
    const fin = await finance();
    const a = await pending(10_00);
    const b = await pending(11_00);
    const b1 = JSON.parse((await fin.post('/api/batches', { paymentIds: [a.paymentId] })).body);
    const b2 = JSON.parse((await fin.post('/api/batches', { paymentIds: [b.paymentId] })).body);
    expect(b1.fileIdModifier).not.toBe(b2.fileIdModifier);
    const again = await fin.post('/api/batches', { paymentIds: [a.paymentId] });
    expect(again.statusCode).toBe(409);
    expect(JSON.parse(again.body).errors[0]).toMatchObject({
      field: 'body.paymentIds',
      message: expect.stringMatching(/batched, not pending/),
    });
    const cancel = await fin.post(`/api/batches/${b1.id}/cancel`);
    expect(JSON.parse(cancel.body).status).toBe('cancelled');
    expect(await rowById(t.db.kysely, 'payments', a.paymentId)).toMatchObject({
      status: 'pending',
      batch_id: null,
      trace_number: null,
    });
    await fin.post(`/api/batches/${b2.id}/cancel`);
  });

  it('sends a $0 prenote first for a new account when the program requires it', async () => {
    const fin = await finance();
    const p = await pending(500_00, business);
    const listed = JSON.parse(
      (await fin.get(`/api/payments?status=pending&programId=${business}`)).body,
    );
    expect(listed.items.find((i: { id: string }) => i.id === p.paymentId).needsPrenote).toBe(true);
    const batch = JSON.parse((await fin.post('/api/batches', { paymentIds: [p.paymentId] })).body);
    expect(batch).toMatchObject({ prenoteCount: 1, totalCents: 0 });
    expect(batch.entries[0]).toMatchObject({
      kind: 'prenote',
      amountCents: 0,
      transactionCode: 23,
    });
    const row = await rowById(t.db.kysely, 'payments', p.paymentId);
    expect(row.status).toBe('prenote_sent');
    expect(row.prenote_ready_on! > batch.effectiveDate).toBe(true);
    await fin.post(`/api/batches/${batch.id}/cancel`);
  });

  it('after a released prenote and the configured business days, the payment goes out live (no second prenote)', async () => {
    const fin = await finance();
    const p = await pending(250_00, business);
    const prenoteBatch = JSON.parse(
      (await fin.post('/api/batches', { paymentIds: [p.paymentId] })).body,
    );
    expect(
      (await (await supervisor()).post(`/api/batches/${prenoteBatch.id}/release`)).statusCode,
    ).toBe(200);
    // Released prenote, but the wait is not over: the payment is not pending yet.
    let listed = JSON.parse((await fin.get('/api/payments?status=pending')).body);
    expect(listed.items.some((i: { id: string }) => i.id === p.paymentId)).toBe(false);
    expect(await requestSteps(t.db.kysely, p.requestId)).toEqual([]); // a $0 prenote is not a payment sent
    await t.db.kysely
      .updateTable('payments')
      .set({ prenote_ready_on: '2000-01-03' })
      .where('id', '=', p.paymentId)
      .execute();
    // Reading never promotes: the list shows it pending only once the maturity pass has run (main.ts, every minute).
    listed = JSON.parse((await fin.get('/api/payments?status=pending')).body);
    expect(listed.items.some((i: { id: string }) => i.id === p.paymentId)).toBe(false);
    const logged: unknown[] = [];
    const job = startPrenoteMaturity({
      db: t.db.kysely,
      timeZone: t.config.timezone,
      log: { info: (...a: unknown[]) => void logged.push(a), error: () => {} } as never,
    });
    await expect
      .poll(async () => (await rowById(t.db.kysely, 'payments', p.paymentId)).status)
      .toBe('pending');
    await job.stop();
    expect(logged).toEqual([[{ promoted: 1 }, expect.stringContaining('prenote')]]);
    listed = JSON.parse((await fin.get('/api/payments?status=pending')).body);
    const item = listed.items.find((i: { id: string }) => i.id === p.paymentId);
    expect(item).toMatchObject({ status: 'pending', needsPrenote: false });
    const live = JSON.parse((await fin.post('/api/batches', { paymentIds: [p.paymentId] })).body);
    expect(live).toMatchObject({ prenoteCount: 0, totalCents: 250_00 });
    expect(live.entries[0]).toMatchObject({ kind: 'payment', transactionCode: 22 });
    await fin.post(`/api/batches/${live.id}/cancel`);
  });

  it('holds another payment to an account whose prenote is still in flight', async () => {
    const fin = await finance();
    const first = await pending(100_00, business);
    const second = await pending(200_00, business);
    await t.db.kysely
      .updateTable('payments')
      .set({ payee_account_id: first.payeeAccountId })
      .where('id', '=', second.paymentId)
      .execute();
    const prenote = JSON.parse(
      (await fin.post('/api/batches', { paymentIds: [first.paymentId] })).body,
    );
    expect(prenote).toMatchObject({ prenoteCount: 1, totalCents: 0 });
    const held = await fin.post('/api/batches', { paymentIds: [second.paymentId] });
    expect(held.statusCode).toBe(409);
    expect(JSON.parse(held.body).errors[0]).toMatchObject({
      field: 'body.paymentIds',
      message: expect.stringMatching(/waits for the prenote to the account ending \d{4}/),
    });
    // Cancelling the prenote's batch makes the account new again: the second payment then carries the prenote.
    await fin.post(`/api/batches/${prenote.id}/cancel`);
    const again = JSON.parse(
      (await fin.post('/api/batches', { paymentIds: [second.paymentId] })).body,
    );
    expect(again).toMatchObject({ prenoteCount: 1 });
    await fin.post(`/api/batches/${again.id}/cancel`);
  });

  it('validates the body with field messages', async () => {
    const fin = await finance();
    const res = await fin.post('/api/batches', { paymentIds: [] });
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body).errors[0]).toEqual({
      field: 'body.paymentIds',
      message: 'Select at least one pending payment.',
      code: 'field.too_few',
      params: { minimum: 1 },
    });
  });
});

describe('returns, NOCs and the citizen', () => {
  async function releasedBatch(payments: Array<{ paymentId: string }>) {
    const fin = await finance();
    const batch = JSON.parse(
      (await fin.post('/api/batches', { paymentIds: payments.map((p) => p.paymentId) })).body,
    );
    const rel = await (await supervisor()).post(`/api/batches/${batch.id}/release`);
    expect(rel.statusCode).toBe(200);
    return JSON.parse(rel.body) as {
      id: string;
      entries: Array<{ traceNumber: string; payment: { id: string } }>;
    };
  }
  const traceOf = (
    b: { entries: Array<{ traceNumber: string; payment: { id: string } }> },
    paymentId: string,
  ) => b.entries.find((e) => e.payment.id === paymentId)!.traceNumber;

  it('imports a return file once: payment returned, request payment_returned, citizen told; the second import changes nothing', async () => {
    const p = await pending(75_00);
    const q = await pending(80_00);
    const batch = await releasedBatch([p, q]);
    const content = returnFileFor({
      odfiRouting: t.config.originator.odfiRouting,
      returns: [
        { traceNumber: traceOf(batch, p.paymentId), amountCents: 75_00, code: 'R03' },
        { traceNumber: '121042889999999', amountCents: 1_00, code: 'R01' },
      ],
    });
    const fin = await finance();
    const first = await fin.post('/api/returns/imports', { fileName: 'returns.ach', content });
    expect(first.statusCode).toBe(200);
    const r1 = JSON.parse(first.body);
    expect(r1.duplicate).toBe(false);
    expect(r1.counts).toEqual({
      returnsApplied: 1,
      nocsRecorded: 0,
      alreadyRecorded: 0,
      unmatched: 1,
      ignored: 0,
    });
    expect(r1.items[0]).toMatchObject({ code: 'R03', outcome: 'applied', reference: p.reference });

    const payment = await rowById(t.db.kysely, 'payments', p.paymentId);
    expect(payment).toMatchObject({
      status: 'returned',
      return_code: 'R03',
      account_fixable: true,
    });
    const req = await rowById(t.db.kysely, 'requests', p.requestId);
    expect(req.status).toBe('payment_returned');
    const note = await t.db.kysely
      .selectFrom('notifications')
      .select(['title', 'body'])
      .where('request_id', '=', p.requestId)
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(note.title).toMatch(/returned the payment/);
    expect(note.body).toMatch(/could not find an account.*new bank account/);

    const counts = async () => ({
      returns: (await t.db.kysely.selectFrom('ach_returns').select('id').execute()).length,
      events: (await t.db.kysely.selectFrom('request_events').select('id').execute()).length,
      outbox: (await t.db.kysely.selectFrom('outbox_events').select('id').execute()).length,
    });
    const before = await counts();
    const second = JSON.parse(
      (await fin.post('/api/returns/imports', { fileName: 'again.ach', content })).body,
    );
    expect(second.duplicate).toBe(true);
    expect(second.importId).toBe(r1.importId);
    // The same return inside a different file (another modifier → other bytes) is recorded once per entry.
    const other = returnFileFor(
      {
        odfiRouting: t.config.originator.odfiRouting,
        returns: [{ traceNumber: traceOf(batch, p.paymentId), amountCents: 75_00, code: 'R03' }],
      },
      'B',
    );
    const third = JSON.parse(
      (await fin.post('/api/returns/imports', { fileName: 'other.ach', content: other })).body,
    );
    expect(third.counts.alreadyRecorded).toBe(1);
    expect(await counts()).toEqual(before);

    // The citizen gives a new account: new pending payment linked to the returned one, request approved.
    const citizen = await t.signIn('citizen');
    const body = bankAccountBody('99887766', { accountType: 'savings' });
    const upd = await citizen.post(`/api/requests/${p.requestId}/payee-account`, body);
    expect(upd.statusCode).toBe(201);
    const u = JSON.parse(upd.body);
    expect(u).toMatchObject({
      requestStatus: 'approved',
      replacesPaymentId: p.paymentId,
      accountLast4: '7766',
    });
    const live = await t.db.kysely
      .selectFrom('payments')
      .select(['id', 'status'])
      .where('request_id', '=', p.requestId)
      .where('status', 'not in', ['returned', 'cancelled'])
      .execute();
    expect(live).toEqual([{ id: u.paymentId, status: 'pending' }]);
    // Never twice: the request is approved again, so a second account update is refused.
    const twice = await citizen.post(`/api/requests/${p.requestId}/payee-account`, body);
    expect(twice.statusCode).toBe(409);
    // Someone else's request is not found.
    const other2 = await awaitingNewAccount(1_00);
    const stranger = await t.signIn('approver');
    expect(
      (await stranger.post(`/api/requests/${other2.requestId}/payee-account`, body)).statusCode,
    ).toBe(403);
  });

  it("answers a bad new account in the citizen's language, naming each field", async () => {
    const p = await awaitingNewAccount(5_00);
    await setCitizenLanguage('es');
    try {
      const citizen = await t.signIn('citizen');
      const res = await citizen.post(`/api/requests/${p.requestId}/payee-account`, {
        holderName: 'Casey',
        accountType: 'checking',
        routingNumber: '123456789',
        accountNumber: '12',
        accountNumberConfirm: '12',
        achAuthorization: true,
      });
      expect(res.statusCode).toBe(400);
      expect(JSON.parse(res.body).errors).toEqual([
        {
          field: 'body.routingNumber',
          message: expect.stringMatching(/número de ruta bancaria válido/),
        },
        {
          field: 'body.accountNumber',
          message: 'El número de cuenta debe tener entre 4 y 17 dígitos',
        },
      ]);
    } finally {
      await setCitizenLanguage('en');
    }
  });

  it("holds the new account to the bank step's rules: authorization, number typed twice, name", async () => {
    const p = await awaitingNewAccount(6_00);
    await t.db.kysely
      .updateTable('payments')
      .set({ status: 'returned', returned_at: new Date() })
      .where('id', '=', p.paymentId)
      .execute();
    const citizen = await t.signIn('citizen');
    const good = bankAccountBody('55554444');
    const payeeAccounts = async () =>
      Number(
        (
          await t.db.kysely
            .selectFrom('payee_accounts')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await payeeAccounts();
    const refused = async (body: Record<string, unknown>) => {
      const res = await citizen.post(`/api/requests/${p.requestId}/payee-account`, body);
      expect(res.statusCode, res.body).toBe(400);
      return (JSON.parse(res.body) as { errors: { field: string; message: string }[] }).errors;
    };
    const { achAuthorization: _auth, ...noAuthorization } = good;
    expect(await refused(noAuthorization)).toEqual([
      {
        field: 'body.achAuthorization',
        message: 'Confirm that you authorize the deposit into this account',
      },
    ]);
    expect(await refused({ ...good, achAuthorization: false })).toEqual([
      {
        field: 'body.achAuthorization',
        message: 'Confirm that you authorize the deposit into this account',
      },
    ]);
    const { accountNumberConfirm: _confirm, ...notTwice } = good;
    expect(await refused(notTwice)).toEqual([
      { field: 'body.accountNumberConfirm', message: 'Enter the account number again' },
    ]);
    expect(await refused({ ...good, accountNumberConfirm: '55554445' })).toEqual([
      {
        field: 'body.accountNumberConfirm',
        message: 'The account numbers do not match. Enter the same account number twice',
      },
    ]);
    // The bank step's holder-name rule: letters, spaces and . , ' - & only, at most 22 characters.
    expect(await refused({ ...good, holderName: 'Casey Citizen 2' })).toEqual([
      {
        field: 'body.holderName',
        message: "Name on the account must only include letters, spaces, and . , ' - &",
      },
    ]);
    expect(await refused({ ...good, holderName: 'Casey Citizen-Applicant Jr' })).toEqual([
      { field: 'body.holderName', message: 'Name on the account must be 22 characters or fewer' },
    ]);
    // Nothing was written by the refused attempts; the complete entry goes through.
    expect(await payeeAccounts()).toBe(before);
    const status = await rowById(t.db.kysely, 'requests', p.requestId);
    expect(status.status).toBe('payment_returned');
    const ok = await citizen.post(`/api/requests/${p.requestId}/payee-account`, good);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(await payeeAccounts()).toBe(before + 1);
  });

  it('refuses the account the payment came back from as the "new" account, in the citizen\'s language', async () => {
    const p = await pending(7_00, energy, '66665555');
    await t.db.kysely
      .updateTable('payments')
      .set({ status: 'returned', returned_at: new Date(), account_fixable: true })
      .where('id', '=', p.paymentId)
      .execute();
    await t.db.kysely
      .updateTable('requests')
      .set({ status: 'payment_returned' })
      .where('id', '=', p.requestId)
      .execute();
    const citizen = await t.signIn('citizen');
    // The same routing and account number, even as another account type, would bounce again.
    const same = await citizen.post(
      `/api/requests/${p.requestId}/payee-account`,
      bankAccountBody('66665555', { accountType: 'savings' }),
    );
    expect(same.statusCode, same.body).toBe(400);
    expect(JSON.parse(same.body).errors).toEqual([
      {
        field: 'body.accountNumber',
        message:
          'Your payment came back from this account. Enter the details of a different bank account',
      },
    ]);
    await setCitizenLanguage('es');
    try {
      const es = await citizen.post(
        `/api/requests/${p.requestId}/payee-account`,
        bankAccountBody('66665555'),
      );
      expect(JSON.parse(es.body).errors).toEqual([
        {
          field: 'body.accountNumber',
          message:
            'Su pago se devolvió desde esta cuenta. Escriba los datos de otra cuenta bancaria',
        },
      ]);
    } finally {
      await setCitizenLanguage('en');
    }
    expect((await rowById(t.db.kysely, 'requests', p.requestId)).status).toBe('payment_returned');
    const other = await citizen.post(
      `/api/requests/${p.requestId}/payee-account`,
      bankAccountBody('66665556'),
    );
    expect(other.statusCode, other.body).toBe(201);
  });

  it('rejects a file that is not NACHA with field-level errors', async () => {
    const fin = await finance();
    const res = await fin.post('/api/returns/imports', {
      fileName: 'x.txt',
      content: 'x'.repeat(200),
    });
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body).errors[0]).toMatchObject({
      field: 'body.content',
      message: expect.stringMatching(/^Line 1/),
    });
  });

  it('records a NOC and applies it to the payee account only when a finance supervisor confirms', async () => {
    const p = await pending(12_00, energy, '55554444');
    const batch = await releasedBatch([p]);
    const content = returnFileFor(
      {
        odfiRouting: t.config.originator.odfiRouting,
        nocs: [
          {
            traceNumber: traceOf(batch, p.paymentId),
            code: 'C03',
            correctedData: '021000021   123123123',
          },
        ],
      },
      'N',
    );
    const fin = await finance();
    const imp = JSON.parse(
      (await fin.post('/api/returns/imports', { fileName: 'noc.ach', content })).body,
    );
    expect(imp.counts.nocsRecorded).toBe(1);
    const nocs = JSON.parse((await fin.get('/api/nocs?status=pending')).body).items;
    const noc = nocs.find((n: { paymentId: string }) => n.paymentId === p.paymentId);
    expect(noc.corrected).toEqual({
      routingNumber: '021000021',
      accountLast4: '3123',
      accountType: null,
      holderName: null,
    });
    expect(JSON.stringify(nocs)).not.toContain('123123123');
    const before = await rowById(t.db.kysely, 'payee_accounts', p.payeeAccountId);
    expect(before.routing_number).toBe('011000015');
    expect((await fin.post(`/api/nocs/${noc.id}/confirm`)).statusCode).toBe(403);
    const ok = await (await supervisor()).post(`/api/nocs/${noc.id}/confirm`);
    expect(ok.statusCode).toBe(200);
    expect(JSON.parse(ok.body).status).toBe('applied');
    const after = await rowById(t.db.kysely, 'payee_accounts', p.payeeAccountId);
    expect(after).toMatchObject({ routing_number: '021000021', account_last4: '3123' });
    expect(after.account_number_enc).not.toBe(before.account_number_enc);
    // The risk fingerprint follows the corrected routing + account number.
    expect(after.fingerprint).toBe(
      accountFingerprint(resolveEncryptionKey(t.config), '021000021', '123123123'),
    );
    expect((await (await supervisor()).post(`/api/nocs/${noc.id}/confirm`)).statusCode).toBe(409);
  });

  it('settles a released batch by a finance user: payments settled, requests paid, citizen told', async () => {
    const p = await pending(30_00);
    const batch = await releasedBatch([p]);
    const fin = await finance();
    const res = await fin.post(`/api/batches/${batch.id}/settle`, {});
    expect(JSON.parse(res.body)).toMatchObject({
      status: 'settled',
      paymentsSettled: 1,
      alreadySettled: false,
    });
    expect((await rowById(t.db.kysely, 'requests', p.requestId)).status).toBe('paid');
    const again = JSON.parse((await fin.post(`/api/batches/${batch.id}/settle`, {})).body);
    expect(again).toMatchObject({ alreadySettled: true, paymentsSettled: 0 });
  });
});
