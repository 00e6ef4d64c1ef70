import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { Agent, useTestApp } from '../../testing/test-app.ts';
import { useDesk } from '../../testing/desk.ts';
import { requestSteps } from '../../testing/rows.ts';
import { verifyAuditChain } from '../../platform/audit.ts';
import { describeAuditBreak } from '../../platform/audit-verify.ts';

const t = useTestApp();
const desk = useDesk(t, {
  signIn: ['citizen', 'approver', 'senior', 'finance', 'admin', 'supervisor'],
  staff: {
    senior2: { name: 'Sasha Second', roles: ['senior_approver'] },
    senior3: { name: 'Sol Third', roles: ['senior_approver'] },
  },
  accountPrefix: '4400',
});
const { ids, agents, rebate, refund } = desk;

const newRequest = (
  o: {
    amount?: number;
    program?: 'rebate' | 'refund';
    applicant?: string;
    status?: 'submitted' | 'in_review' | 'awaiting_second_approval';
    assignedTo?: string | null;
  } = {},
) =>
  desk.newRequest({
    applicantId: o.applicant,
    programId: (o.program === 'refund' ? refund() : rebate()).id,
    status: o.status ?? 'submitted',
    amountCents: o.amount ?? 50_000,
    assignedTo: o.assignedTo ?? null,
  });

const body = (res: { body: string }) => JSON.parse(res.body);
const review = async (a: Agent, id: string) => body(await a.get(`/api/review/${id}`));
const decide = (a: Agent, id: string, b: Record<string, unknown>) =>
  a.post(`/api/requests/${id}/decisions`, b);
const payments = (id: string) =>
  t.db.kysely.selectFrom('payments').selectAll().where('request_id', '=', id).execute();

describe('claim, release, reassign', () => {
  it('claims a submitted request into review, and names the holder to a late claimer', async () => {
    const id = await newRequest();
    const c = await agents.approver!.post(`/api/requests/${id}/claim`);
    expect(c.statusCode).toBe(200);
    expect(body(c)).toMatchObject({
      status: 'in_review',
      assignee: { name: 'Avery Approver' },
      version: 2,
    });
    const late = await agents.senior!.post(`/api/requests/${id}/claim`);
    expect(late.statusCode).toBe(409);
    expect(body(late).detail).toContain('already claimed by Avery Approver');
    const rel = await agents.senior!.post(`/api/requests/${id}/release`);
    expect(rel.statusCode).toBe(409);
    const mine = await agents.approver!.post(`/api/requests/${id}/release`);
    expect(body(mine)).toMatchObject({ status: 'submitted', assignee: null });
  });

  it('concurrent claims: exactly one wins, the other is told who has it', async () => {
    const id = await newRequest();
    const [a, b] = await Promise.all([
      agents.approver!.post(`/api/requests/${id}/claim`),
      agents.senior!.post(`/api/requests/${id}/claim`),
    ]);
    const codes = [a.statusCode, b.statusCode].sort();
    expect(codes).toEqual([200, 409]);
    const winner = a.statusCode === 200 ? 'Avery Approver' : 'Sam Senior';
    expect(body(a.statusCode === 409 ? a : b).detail).toContain(`claimed by ${winner}`);
    expect(await requestSteps(t.db.kysely, id, 'claimed')).toHaveLength(1);
  });

  it('reassign is for senior approvers, to staff who did not apply', async () => {
    const id = await newRequest();
    expect(
      (await agents.approver!.post(`/api/requests/${id}/assignment`, { assigneeId: ids.senior }))
        .statusCode,
    ).toBe(403);
    const toCitizen = await agents.senior!.post(`/api/requests/${id}/assignment`, {
      assigneeId: ids.citizen,
    });
    expect(toCitizen.statusCode).toBe(400);
    expect(body(toCitizen).errors[0].field).toBe('body.assigneeId');
    const ok = await agents.senior!.post(`/api/requests/${id}/assignment`, {
      assigneeId: ids.approver,
    });
    expect(body(ok)).toMatchObject({ status: 'in_review', assignee: { id: ids.approver } });
  });
});

describe('decisions', () => {
  it('approve at or under the threshold: approved, one payment, outbox events, audit entries', async () => {
    const id = await newRequest({ amount: 80_000 });
    await agents.approver!.post(`/api/requests/${id}/claim`);
    const r = await review(agents.approver!, id);
    const res = await decide(agents.approver!, id, {
      kind: 'approve',
      version: r.version,
      approvedAmountCents: 75_000,
    });
    expect(res.statusCode).toBe(200);
    const d = body(res);
    expect(d).toMatchObject({ status: 'approved', approvedAmountCents: 75_000, replayed: false });
    const p = await payments(id);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ id: d.paymentId, amount_cents: 75_000, status: 'pending' });
    const outbox = await t.db.kysely
      .selectFrom('outbox_events')
      .select('type')
      .where((eb) => eb.or([eb('aggregate_id', '=', id), eb('aggregate_id', '=', d.paymentId)]))
      .execute();
    expect(outbox.map((o) => o.type)).toEqual(
      expect.arrayContaining(['payment.created', 'request.approved']),
    );
    const after = await review(agents.approver!, id);
    expect(after.auditTrail.map((a: { action: string }) => a.action)).toEqual([
      'request.claim',
      'payment.create',
      'request.decision.approve',
    ]);
    expect(after.payment).toMatchObject({ amountCents: 75_000 });
  });

  it('retries of the final approval never create a second payment', async () => {
    const id = await newRequest({ amount: 60_000 });
    await agents.approver!.post(`/api/requests/${id}/claim`);
    const { version } = await review(agents.approver!, id);
    const first = body(await decide(agents.approver!, id, { kind: 'approve', version }));
    const retries = await Promise.all(
      [1, 2, 3].map(() => decide(agents.approver!, id, { kind: 'approve', version })),
    );
    for (const r of retries) {
      expect(r.statusCode).toBe(200);
      expect(body(r)).toMatchObject({
        replayed: true,
        paymentId: first.paymentId,
        status: 'approved',
      });
    }
    expect(await payments(id)).toHaveLength(1);
    // The database refuses a second live payment even if code tried.
    await expect(
      sql`insert into payments (id, request_id, payee_account_id, amount_cents, status, updated_at)
          select gen_random_uuid(), request_id, payee_account_id, 1, 'pending', now() from payments where request_id = ${id}::uuid`.execute(
        t.db.kysely,
      ),
    ).rejects.toThrow(/payments_one_live_per_request|duplicate key/);
  });

  it('above the threshold: first approval, then a different senior approver; the same person is refused', async () => {
    const id = await newRequest({ amount: 180_000 });
    await agents.senior!.post(`/api/requests/${id}/claim`);
    let r = await review(agents.senior!, id);
    const first = await decide(agents.senior!, id, { kind: 'approve', version: r.version });
    expect(body(first)).toMatchObject({ status: 'awaiting_second_approval', paymentId: null });
    expect(await payments(id)).toHaveLength(0);
    r = await review(agents.senior!, id);
    const same = await decide(agents.senior!, id, { kind: 'approve', version: r.version });
    expect(same.statusCode).toBe(403);
    expect(body(same).detail).toContain('different senior approver');
    const approverTry = await decide(agents.approver!, id, { kind: 'approve', version: r.version });
    expect(approverTry.statusCode).toBe(403);
    const raise = await decide(agents.senior2!, id, {
      kind: 'approve',
      version: r.version,
      approvedAmountCents: 190_000,
    });
    expect(raise.statusCode).toBe(400);
    const second = await decide(agents.senior2!, id, { kind: 'approve', version: r.version });
    expect(body(second)).toMatchObject({ status: 'approved', approvedAmountCents: 180_000 });
    expect(await payments(id)).toHaveLength(1);
  });

  it('an approver can give the first approval but never the second', async () => {
    const id = await newRequest({ amount: 170_000 });
    await agents.approver!.post(`/api/requests/${id}/claim`);
    const r = await review(agents.approver!, id);
    expect(
      body(await decide(agents.approver!, id, { kind: 'approve', version: r.version })).status,
    ).toBe('awaiting_second_approval');
    const claim = await agents.approver!.post(`/api/requests/${id}/claim`);
    expect(claim.statusCode).toBe(403);
  });

  it('nobody decides on (or claims) a request they applied for', async () => {
    const id = await newRequest({ applicant: ids.approver });
    expect((await agents.approver!.post(`/api/requests/${id}/claim`)).statusCode).toBe(403);
    await agents.senior!.post(`/api/requests/${id}/assignment`, { assigneeId: ids.senior });
    const r = await review(agents.senior!, id);
    const own = await decide(agents.approver!, id, {
      kind: 'reject',
      version: r.version,
      reasonCode: 'other',
      messageToApplicant: 'Trying my own request.',
    });
    expect(own.statusCode).toBe(403);
    expect(body(own).detail).toContain('You applied for');
    const toSelf = await agents.senior!.post(`/api/requests/${id}/assignment`, {
      assigneeId: ids.approver,
    });
    expect(toSelf.statusCode).toBe(400);
  });

  it('approved amounts stay within the request, the program maximum and the remaining budget', async () => {
    const id = await newRequest({ program: 'refund', amount: 90_000 });
    await agents.approver!.post(`/api/requests/${id}/claim`);
    const { version, program } = await review(agents.approver!, id);
    // The review names the program in both languages: the screen shows the reader's.
    expect(program.name).toEqual({ en: refund().name_en, es: refund().name_es });
    const over = await decide(agents.approver!, id, {
      kind: 'approve',
      version,
      approvedAmountCents: 90_001,
    });
    expect(over.statusCode).toBe(400);
    expect(body(over).errors[0]).toMatchObject({ field: 'body.approvedAmountCents' });
    // Leave 50,000 cents of budget.
    await t.db.kysely
      .updateTable('programs')
      .set({ budget_cents: refund().budget_cents - program.remainingBudgetCents + 50_000 })
      .where('id', '=', refund().id)
      .execute();
    const budget = await decide(agents.approver!, id, { kind: 'approve', version });
    expect(budget.statusCode).toBe(400);
    expect(body(budget).errors[0].message).toContain('left in the budget');
    expect((await review(agents.approver!, id)).status).toBe('in_review');
    const ok = await decide(agents.approver!, id, {
      kind: 'approve',
      version,
      approvedAmountCents: 50_000,
    });
    expect(body(ok).status).toBe('approved');
    await t.db.kysely
      .updateTable('programs')
      .set({ budget_cents: refund().budget_cents })
      .where('id', '=', refund().id)
      .execute();
  });

  it('a stale version gets 409 naming who changed what', async () => {
    const id = await newRequest();
    const loaded = await review(agents.senior!, id);
    await agents.approver!.post(`/api/requests/${id}/claim`);
    await agents.approver!.post(`/api/requests/${id}/release`);
    await agents.senior!.post(`/api/requests/${id}/claim`);
    const res = await decide(agents.senior!, id, { kind: 'approve', version: loaded.version });
    expect(res.statusCode).toBe(409);
    const p = body(res);
    expect(p.detail).toMatch(
      /Sam Senior claimed it .* now in_review \(version 4; you sent version 1\)/,
    );
    expect(p.errors[0].field).toBe('body.version');
  });

  it('concurrent decisions: exactly one wins and exactly one payment exists', async () => {
    const id = await newRequest({ amount: 160_000 });
    await agents.approver!.post(`/api/requests/${id}/claim`);
    const r = await review(agents.approver!, id);
    await decide(agents.approver!, id, { kind: 'approve', version: r.version });
    const r2 = await review(agents.senior!, id);
    const results = await Promise.all([
      decide(agents.senior2!, id, { kind: 'approve', version: r2.version }),
      decide(agents.senior3!, id, { kind: 'approve', version: r2.version }),
      decide(agents.senior!, id, {
        kind: 'reject',
        version: r2.version,
        reasonCode: 'ineligible',
        messageToApplicant: 'Your home is not eligible.',
      }),
    ]);
    expect(results.map((x) => x.statusCode).filter((c) => c === 200)).toHaveLength(1);
    expect(results.map((x) => x.statusCode).filter((c) => c === 409)).toHaveLength(2);
    const final = await review(agents.senior!, id);
    expect(await payments(id)).toHaveLength(final.status === 'approved' ? 1 : 0);
    expect(
      await t.db.kysely.selectFrom('decisions').select('id').where('request_id', '=', id).execute(),
    ).toHaveLength(2);
  });

  it('reject and request information notify the citizen; comments stay internal', async () => {
    const id = await newRequest();
    await agents.approver!.post(`/api/requests/${id}/claim`);
    const c = await agents.approver!.post(`/api/requests/${id}/comments`, {
      body: 'Receipt looks edited, asking for the original.',
    });
    expect(c.statusCode).toBe(201);
    let r = await review(agents.approver!, id);
    const short = await decide(agents.approver!, id, {
      kind: 'request_info',
      version: r.version,
      question: 'Why?',
    });
    expect(short.statusCode).toBe(400);
    expect(body(short).errors[0].field).toBe('body.question');
    const info = await decide(agents.approver!, id, {
      kind: 'request_info',
      version: r.version,
      question: 'Please upload the original contractor receipt.',
    });
    expect(body(info)).toMatchObject({ status: 'needs_info' });
    r = await review(agents.approver!, id);
    expect(r).toMatchObject({
      status: 'needs_info',
      deadline: 'paused',
      assignee: { id: ids.approver },
    });
    expect(r.comments[0].body).toContain('Receipt looks edited');
    const notes = await t.db.kysely
      .selectFrom('notifications')
      .select(['title', 'body'])
      .where('request_id', '=', id)
      .execute();
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body).toContain('original contractor receipt');
    expect(notes.some((x) => x.body.includes('edited'))).toBe(false);

    const id2 = await newRequest();
    await agents.approver!.post(`/api/requests/${id2}/claim`);
    const r2 = await review(agents.approver!, id2);
    const rej = await decide(agents.approver!, id2, {
      kind: 'reject',
      version: r2.version,
      reasonCode: 'ineligible',
      messageToApplicant: 'The upgrade was installed before the program opened.',
    });
    expect(body(rej)).toMatchObject({ status: 'rejected' });
    const bad = await decide(agents.approver!, id2, {
      kind: 'reject',
      version: r2.version + 1,
      reasonCode: 'nope',
      messageToApplicant: 'x',
    });
    expect(bad.statusCode).toBe(400);
  });

  it('bulk approve reports per request what happened', async () => {
    const a = await newRequest({ amount: 10_000, assignedTo: ids.approver, status: 'in_review' });
    const b = await newRequest({ amount: 10_000, assignedTo: ids.senior, status: 'in_review' });
    const c = await newRequest({ amount: 10_000, applicant: ids.approver });
    const res = await agents.approver!.post('/api/decisions/bulk-approve', {
      items: [a, b, c].map((requestId) => ({ requestId, version: 1 })),
    });
    expect(res.statusCode).toBe(200);
    const results = body(res).results;
    expect(results.map((x: { ok: boolean; status: number }) => [x.ok, x.status])).toEqual([
      [true, 200],
      [false, 409],
      [false, 403],
    ]);
    expect(results[1].error).toContain('claimed by Sam Senior');
  });
});

describe('program budget counter', () => {
  it('program_commitments always equals the money committed in requests (kept by triggers)', async () => {
    const id = await newRequest({ amount: 30_000, assignedTo: ids.approver, status: 'in_review' });
    expect(body(await decide(agents.approver!, id, { kind: 'approve', version: 1 })).status).toBe(
      'approved',
    );
    const { rows } = await sql<{ c: number; s: number }>`
      select coalesce(pc.committed_cents, 0)::bigint as c,
        coalesce((select sum(committed_cents(status, approved_amount_cents)) from requests where program_id = p.id), 0)::bigint as s
      from programs p left join program_commitments pc on pc.program_id = p.id`.execute(
      t.db.kysely,
    );
    expect(rows.some((r) => Number(r.s) > 0)).toBe(true);
    for (const r of rows) expect(Number(r.c)).toBe(Number(r.s));
  });
});

describe('roles', () => {
  it('refuses every approvals route to citizens, finance, admin and anonymous callers', async () => {
    const id = await newRequest();
    const routes: Array<[string, string, unknown?]> = [
      ['GET', '/api/inbox'],
      ['GET', '/api/inbox/approvers'],
      ['GET', `/api/review/${id}`],
      ['POST', `/api/requests/${id}/claim`],
      ['POST', `/api/requests/${id}/release`],
      ['POST', `/api/requests/${id}/assignment`, { assigneeId: ids.approver }],
      ['POST', `/api/requests/${id}/comments`, { body: 'x' }],
      ['POST', `/api/requests/${id}/decisions`, { kind: 'approve', version: 1 }],
      ['POST', '/api/decisions/bulk-approve', { items: [{ requestId: id, version: 1 }] }],
      ['POST', `/api/review/${id}/bank-account/reveal`],
    ];
    for (const [method, url, b] of routes) {
      expect(
        (await new Agent(t.app).request(method as 'GET', url, b)).statusCode,
        `${method} ${url} anonymous`,
      ).toBe(401);
      for (const role of ['citizen', 'finance', 'supervisor', 'admin']) {
        const res = await agents[role]!.request(method as 'GET', url, b);
        expect(res.statusCode, `${method} ${url} as ${role}`).toBe(403);
      }
    }
    expect((await agents.approver!.get('/api/inbox')).statusCode).toBe(200);
    expect((await agents.senior!.get(`/api/review/${id}`)).statusCode).toBe(200);
  });
});

describe('audit', () => {
  it('records a full-account view, and verification finds an edited row', async () => {
    const id = await newRequest();
    const reveal = await agents.approver!.post(`/api/review/${id}/bank-account/reveal`);
    expect(body(reveal).accountNumber).toMatch(/^4400\d{6}$/);
    // The full account number must not stay in any cache (issue 9, item 18).
    expect(reveal.headers['cache-control']).toBe('no-store');
    const trail = (await review(agents.approver!, id)).auditTrail;
    expect(trail.at(-1)).toMatchObject({
      action: 'payee_account.view_full',
      actor: { id: ids.approver },
    });

    expect(await verifyAuditChain(t.db.kysely)).toMatchObject({ ok: true });
    const target = await t.db.kysely
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'payee_account.view_full')
      .executeTakeFirstOrThrow();
    // Edits are blocked by the append-only trigger; an attacker with table-owner rights could disable it.
    await expect(
      sql`update audit_log set action = 'x' where id = ${target.id}`.execute(t.db.kysely),
    ).rejects.toThrow(/append-only/);
    await sql`alter table audit_log disable trigger audit_log_no_update_delete`.execute(
      t.db.kysely,
    );
    await sql`update audit_log set data = jsonb_set(data, '{last4}', '"0000"') where id = ${target.id}`.execute(
      t.db.kysely,
    );
    await sql`alter table audit_log enable trigger audit_log_no_update_delete`.execute(t.db.kysely);
    const res = await verifyAuditChain(t.db.kysely);
    expect(res).toEqual({ ok: false, brokenAtId: target.id });
    const text = await describeAuditBreak(t.db.kysely, target.id);
    expect(text).toContain(`entry ${target.id}`);
    expect(text).toContain('payee_account.view_full');
  });
});
