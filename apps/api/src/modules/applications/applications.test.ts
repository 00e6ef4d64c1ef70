import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { registerCitizen, useTestApp, type Agent } from '../../testing/test-app.ts';
import { saveBankAccount, saveSteps, trySubmit } from '../../testing/applying.ts';
import { isValidReference } from '@hms/contracts/reference-number';
import { requestSteps, rowById } from '../../testing/rows.ts';

const t = useTestApp();
let citizen: Agent;
let other: Agent;

async function register(email: string): Promise<Agent> {
  return registerCitizen(t, email, { displayName: 'Test Person' });
}

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 1),
]);

function multipart(filename: string, content: Buffer, type = 'application/octet-stream') {
  const boundary = '----hmstest' + Math.random().toString(16).slice(2);
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(
  agent: Agent,
  requestId: string,
  filename: string,
  content: Buffer,
  questionId?: string,
) {
  const { body, contentType } = multipart(filename, content);
  const q = questionId ? `?questionId=${questionId}` : '';
  const headers: Record<string, string> = {
    'content-type': contentType,
    cookie: [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    'x-csrf-token': agent.cookies.get('hms_csrf') ?? '',
  };
  return t.app.inject({
    method: 'POST',
    url: `/api/requests/${requestId}/documents${q}`,
    headers,
    payload: body,
  });
}

type Detail = {
  id: string;
  version: number;
  status: string;
  reference: string;
  bankAccount: unknown;
  answers: Record<string, unknown>;
};

async function startPermitDraft(agent: Agent): Promise<Detail> {
  const res = await agent.post('/api/programs/permit-fee-refund/drafts');
  expect([200, 201]).toContain(res.statusCode);
  return res.json() as Detail;
}

const permitSteps = [
  {
    step: 'permit',
    answers: { permitNumber: 'BP-2026-01234', datePaid: '2026-02-03', amountPaid: '250' },
  },
  {
    step: 'reason',
    answers: { refundReason: 'duplicate', reasonDetails: 'I paid twice on the same day.' },
  },
  { step: 'contact', answers: { applicantName: 'Pat Example', contactEmail: 'pat@example.com' } },
];

async function fillPermitDraft(agent: Agent, d: Detail): Promise<Detail> {
  const version = await saveSteps(agent, d.id, d.version, permitSteps);
  return saveBankAccount<Detail>(agent, d.id, version, { holderName: 'Pat Example' });
}

beforeAll(async () => {
  citizen = await register('intake-a@example.com');
  other = await register('intake-b@example.com');
});

describe('program detail', () => {
  it('returns the question set and whether it accepts applications', async () => {
    const res = await t.app.inject({ url: '/api/programs/home-energy-rebate' });
    expect(res.statusCode).toBe(200);
    const p = res.json() as {
      acceptingApplications: boolean;
      questionSet: { steps: unknown[] };
      closedReason: null;
    };
    expect(p.acceptingApplications).toBe(true);
    expect(p.closedReason).toBeNull();
    expect(p.questionSet.steps.length).toBeGreaterThan(2);
    expect((await t.app.inject({ url: '/api/programs/no-such-program' })).statusCode).toBe(404);
  });
});

describe('drafts', () => {
  it("gives a draft's program by the request, the same as the program page reads it", async () => {
    const d = await startPermitDraft(citizen);
    const byRequest = await citizen.get(`/api/requests/${d.id}/program`);
    expect(byRequest.statusCode).toBe(200);
    const bySlug = await t.app.inject({ url: '/api/programs/permit-fee-refund' });
    expect(byRequest.json()).toEqual(bySlug.json());
  });

  it('refuses an answer the form would refuse, with field details, when the browser is bypassed', async () => {
    const d = await startPermitDraft(citizen);
    const res = await citizen.request('PUT', `/api/requests/${d.id}/answers`, {
      version: d.version,
      step: 'permit',
      language: 'es',
      answers: { permitNumber: '', datePaid: '2026-02-30', amountPaid: '-5' },
    });
    expect(res.statusCode).toBe(400);
    const fields = (res.json() as { errors: Array<{ field: string; message: string }> }).errors;
    expect(fields.map((e) => e.field).sort()).toEqual([
      'body.answers.amountPaid',
      'body.answers.datePaid',
      'body.answers.permitNumber',
    ]);
    expect(fields.find((e) => e.field === 'body.answers.datePaid')!.message).toMatch(/fecha real/);
    // Nothing was stored, the version did not move.
    const after = (await citizen.get(`/api/requests/${d.id}`)).json() as Detail;
    expect(after.version).toBe(d.version);
    expect(after.answers).toEqual(d.answers);
  });

  it('resumes the open draft instead of creating a second one for the same program', async () => {
    const a = await startPermitDraft(citizen);
    const b = await startPermitDraft(citizen);
    expect(b.id).toBe(a.id);
  });

  it('detects a stale save from another device (409) and keeps the saved draft', async () => {
    const d = await startPermitDraft(citizen);
    const first = await citizen.request('PUT', `/api/requests/${d.id}/answers`, {
      version: d.version,
      ...permitSteps[0],
    });
    expect(first.statusCode).toBe(200);
    const stale = await citizen.request('PUT', `/api/requests/${d.id}/answers`, {
      version: d.version,
      step: 'permit',
      answers: { permitNumber: 'OTHER-DEVICE', datePaid: '2026-02-03', amountPaid: '10' },
    });
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as { detail: string }).detail).toMatch(/another device/);
    expect((stale.json() as { code: string }).code).toBe('request.stale_version');
    const now = (await citizen.get(`/api/requests/${d.id}`)).json() as Detail;
    expect(now.answers.permitNumber).toBe('BP-2026-01234');
    expect(now.answers.amountPaid).toBe(25_000);
  });

  it('checks bank details with the ABA check digit, the repeated number, and only returns the last 4', async () => {
    const d = (
      await citizen.get(`/api/requests/${(await startPermitDraft(citizen)).id}`)
    ).json() as Detail;
    const bad = await citizen.request('PUT', `/api/requests/${d.id}/bank-account`, {
      version: d.version,
      holderName: 'Pat',
      accountType: 'checking',
      routingNumber: '011000016',
      accountNumber: '12345678',
      accountNumberConfirm: '12345679',
      achAuthorization: true,
    });
    expect(bad.statusCode).toBe(400);
    const fields = (bad.json() as { errors: Array<{ field: string }> }).errors.map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining(['body.routingNumber', 'body.accountNumberConfirm']),
    );
    const filled = await fillPermitDraft(citizen, d);
    expect(filled.bankAccount).toEqual({
      holderName: 'Pat Example',
      accountType: 'checking',
      routingNumber: '011000015',
      last4: '9012',
    });
    expect(JSON.stringify(filled)).not.toContain('123456789012');
    const stored = await t.db.kysely
      .selectFrom('payee_accounts')
      .select('account_number_enc')
      .execute();
    expect(stored.every((r) => !r.account_number_enc.includes('123456789012'))).toBe(true);
  });
});

describe('submission', () => {
  it('creates one request for repeated submits with the same idempotency key', async () => {
    const fresh = await register('intake-c@example.com');
    const d = await fillPermitDraft(fresh, await startPermitDraft(fresh));
    const headers = { 'idempotency-key': 'key-0001-abcdef' };
    const [r1, r2] = await Promise.all([
      fresh.post(`/api/requests/${d.id}/submit`, { declaration: true }, { headers }),
      fresh.post(`/api/requests/${d.id}/submit`, { declaration: true }, { headers }),
    ]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([200, 201]);
    const a = r1.json() as { id: string; reference: string; dueAt: string };
    expect(r2.json()).toEqual(a);
    expect(isValidReference(a.reference)).toBe(true);
    expect(new Date(a.dueAt).getTime()).toBeGreaterThan(Date.now());
    const again = await fresh.post(
      `/api/requests/${d.id}/submit`,
      { declaration: true },
      { headers },
    );
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(a);
    const events = await requestSteps(t.db.kysely, d.id, 'submitted');
    expect(events).toHaveLength(1);
    // The timeline, the notification and the queued email were written with it.
    const detail = (await fresh.get(`/api/requests/${d.id}`)).json() as {
      status: string;
      timeline: Array<{ type: string }>;
    };
    expect(detail.status).toBe('submitted');
    expect(detail.timeline.map((e) => e.type)).toEqual(['submitted']);
    const count = (await fresh.get('/api/notifications/unread-count')).json() as { unread: number };
    expect(count.unread).toBe(1);
    // A different key on a submitted request is a conflict, not a second request.
    const other = await trySubmit(fresh, d.id, 'key-0002-abcdef');
    expect(other.statusCode).toBe(409);
  });

  it('re-validates every answer at submit and needs the declaration', async () => {
    const fresh = await register('intake-d@example.com');
    const d = await startPermitDraft(fresh);
    const res = await trySubmit(fresh, d.id, 'key-incomplete-1');
    expect(res.statusCode).toBe(400);
    expect(
      (res.json() as { errors: Array<{ field: string }> }).errors.map((e) => e.field),
    ).toContain('body.answers.permitNumber');
    const filled = await fillPermitDraft(fresh, d);
    const noDecl = await trySubmit(fresh, filled.id, 'key-incomplete-2', { declaration: false });
    expect(noDecl.statusCode).toBe(400);
    expect((noDecl.json() as { errors: Array<{ field: string }> }).errors[0]!.field).toBe(
      'body.declaration',
    );
  });

  it('refuses an ineligible applicant with the plain-language reason (eligibility endpoint and submit)', async () => {
    const fresh = await register('intake-e@example.com');
    const d = await startPermitDraft(fresh);
    const version = await saveSteps(fresh, d.id, d.version, [
      permitSteps[0]!,
      { step: 'reason', answers: { refundReason: 'withdrawn', workStarted: 'yes' } },
      permitSteps[2]!,
    ]);
    const elig = (await fresh.get(`/api/requests/${d.id}/eligibility?language=en`)).json() as {
      eligible: boolean;
      reasons: string[];
    };
    expect(elig.eligible).toBe(false);
    expect(elig.reasons[0]).toMatch(/cannot be refunded once work has started/);
    await saveBankAccount(fresh, d.id, version, {
      holderName: 'Pat Example',
      accountType: 'savings',
      accountNumber: '55554444',
    });
    const sub = await trySubmit(fresh, d.id, 'key-inelig-0001', { language: 'es' });
    expect(sub.statusCode).toBe(422);
    expect((sub.json() as { detail: string }).detail).toMatch(
      /no se pueden reembolsar una vez que comenzó el trabajo/,
    );
    expect(((await fresh.get(`/api/requests/${d.id}`)).json() as Detail).status).toBe('draft');
  });

  it('keeps the draft when the program closed while the person was filling it in', async () => {
    const fresh = await register('intake-f@example.com');
    const d = await fillPermitDraft(fresh, await startPermitDraft(fresh));
    await t.db.kysely
      .updateTable('programs')
      .set({ closes_at: sql<Date>`now() - interval '1 minute'` })
      .where('slug', '=', 'permit-fee-refund')
      .execute();
    try {
      const res = await trySubmit(fresh, d.id, 'key-closed-0001');
      expect(res.statusCode).toBe(409);
      expect((res.json() as { detail: string }).detail).toMatch(/closed.*draft is kept/s);
      expect(res.json()).toMatchObject({
        code: 'program.closed',
        params: { reason: 'closed', draftKept: 'yes' },
      });
      const after = (await fresh.get(`/api/requests/${d.id}`)).json() as Detail;
      expect(after.status).toBe('draft');
      expect(after.answers.permitNumber).toBe('BP-2026-01234');
      const program = (await t.app.inject({ url: '/api/programs/permit-fee-refund' })).json() as {
        closedReason: string;
      };
      expect(program.closedReason).toBe('closed');
    } finally {
      await t.db.kysely
        .updateTable('programs')
        .set({ closes_at: sql<Date>`now() + interval '365 days'` })
        .where('slug', '=', 'permit-fee-refund')
        .execute();
    }
  });
});

describe('budget', () => {
  it('refuses an amount above what is left of the budget and says how much is left; the draft is kept', async () => {
    const fresh = await register('intake-h@example.com');
    const d = await fillPermitDraft(fresh, await startPermitDraft(fresh));
    const before = await t.db.kysely
      .selectFrom('programs')
      .select('budget_cents')
      .where('slug', '=', 'permit-fee-refund')
      .executeTakeFirstOrThrow();
    // Leave $100 (10,000 cents) beyond what other submitted requests already committed.
    const committed = await t.db.kysely
      .selectFrom('requests')
      .innerJoin('programs', 'programs.id', 'requests.program_id')
      .select((eb) =>
        eb.fn.coalesce(eb.fn.sum<number>('requests.amount_requested_cents'), eb.lit(0)).as('c'),
      )
      .where('programs.slug', '=', 'permit-fee-refund')
      .where('requests.status', 'not in', ['draft', 'rejected', 'withdrawn'])
      .executeTakeFirstOrThrow();
    await t.db.kysely
      .updateTable('programs')
      .set({ budget_cents: Number(committed.c) + 10_000 })
      .where('slug', '=', 'permit-fee-refund')
      .execute();
    try {
      const res = await trySubmit(fresh, d.id, 'key-budget-0001');
      expect(res.statusCode).toBe(409);
      expect((res.json() as { detail: string }).detail).toMatch(
        /only \$100\.00 left.*draft is kept/,
      );
      expect(res.json()).toMatchObject({
        code: 'program.budget_exhausted',
        params: { remainingCents: 10_000 },
      });
      expect(((await fresh.get(`/api/requests/${d.id}`)).json() as Detail).status).toBe('draft');
      await t.db.kysely
        .updateTable('programs')
        .set({ budget_cents: Number(committed.c) })
        .where('slug', '=', 'permit-fee-refund')
        .execute();
      const program = (await t.app.inject({ url: '/api/programs/permit-fee-refund' })).json() as {
        closedReason: string;
        acceptingApplications: boolean;
      };
      expect(program).toMatchObject({
        closedReason: 'budget_exhausted',
        acceptingApplications: false,
      });
    } finally {
      await t.db.kysely
        .updateTable('programs')
        .set({ budget_cents: Number(before.budget_cents) })
        .where('slug', '=', 'permit-fee-refund')
        .execute();
    }
  });
});

describe('documents', () => {
  it('stores a real image with its SHA-256 and refuses bytes that are not PDF or image, and oversize files', async () => {
    const d = await startPermitDraft(citizen);
    const ok = await upload(citizen, d.id, 'receipt.png', PNG, 'cancellationLetter');
    expect(ok.statusCode, ok.body).toBe(201);
    const doc = ok.json() as { id: string; sha256: string; mimeType: string };
    expect(doc.mimeType).toBe('image/png');
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);

    const disguised = await upload(
      citizen,
      d.id,
      'receipt.pdf',
      Buffer.from('MZ this is an executable, not a PDF'),
    );
    expect(disguised.statusCode).toBe(415);
    expect((disguised.json() as { code: string }).code).toBe('document.type_not_accepted');
    expect((disguised.json() as { errors: Array<{ field: string }> }).errors[0]!.field).toBe(
      'body.file',
    );

    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(10 * 1024 * 1024)]);
    expect((await upload(citizen, d.id, 'big.pdf', big)).statusCode).toBe(413);

    const download = await citizen.get(`/api/documents/${doc.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(download.rawPayload, PNG)).toBe(0);
  });

  it("answers 404 for another citizen's request or document, and for staff outside review", async () => {
    const d = await startPermitDraft(citizen);
    const doc = (await upload(citizen, d.id, 'r.png', PNG)).json() as { id: string };
    expect((await other.get(`/api/requests/${d.id}`)).statusCode).toBe(404);
    expect((await other.get(`/api/requests/${d.id}/program`)).statusCode).toBe(404);
    expect((await other.get(`/api/documents/${doc.id}`)).statusCode).toBe(404);
    expect(
      (
        await other.request('PUT', `/api/requests/${d.id}/answers`, {
          version: 1,
          ...permitSteps[0],
        })
      ).statusCode,
    ).toBe(404);
    expect((await upload(other, d.id, 'x.png', PNG)).statusCode).toBe(404);
    // Reviewers may read documents of submitted requests, not of someone's draft.
    const approver = await t.signIn('approver');
    expect((await approver.get(`/api/documents/${doc.id}`)).statusCode).toBe(404);
    const finance = await t.signIn('finance');
    expect((await finance.get(`/api/documents/${doc.id}`)).statusCode).toBe(403);
  });
});

describe('files at submission', () => {
  it('sends only the files its answers name: one uploaded and then left or replaced before saving goes with no one', async () => {
    const fresh = await register('intake-files@example.com');
    let d = await startPermitDraft(fresh);
    // Uploaded on the reason step, then the person went back without saving it, came again and sent another.
    const left = (
      await upload(fresh, d.id, 'wrong-letter.png', PNG, 'cancellationLetter')
    ).json() as {
      id: string;
    };
    const sent = (await upload(fresh, d.id, 'letter.png', PNG, 'cancellationLetter')).json() as {
      id: string;
    };
    const steps = permitSteps.map((s) =>
      s.step === 'reason' ? { ...s, answers: { ...s.answers, cancellationLetter: [sent.id] } } : s,
    );
    const version = await saveSteps(fresh, d.id, d.version, steps);
    d = await saveBankAccount<Detail>(fresh, d.id, version, { holderName: 'Pat Example' });
    const sub = await trySubmit(fresh, d.id, 'key-files-00001');
    expect(sub.statusCode, sub.body).toBe(201);
    const after = (await fresh.get(`/api/requests/${d.id}`)).json() as {
      documents: Array<{ id: string }>;
    };
    expect(after.documents.map((x) => x.id)).toEqual([sent.id]);
    const reviewer = await t.signIn('approver');
    expect((await reviewer.get(`/api/documents/${left.id}`)).statusCode).toBe(404);
    expect((await reviewer.get(`/api/documents/${sent.id}`)).statusCode).toBe(200);
  });
});

describe('after submission', () => {
  it('answers a request for more information (back in review with the same reviewer) and withdraws', async () => {
    const fresh = await register('intake-g@example.com');
    const d = await fillPermitDraft(fresh, await startPermitDraft(fresh));
    const sub = await trySubmit(fresh, d.id, 'key-info-000001');
    expect(sub.statusCode).toBe(201);
    const approverId = t.userId('approver');
    // What the approvals module does when it returns a request for information.
    await t.db.kysely.transaction().execute(async (trx) => {
      await trx
        .updateTable('requests')
        .set({ status: 'needs_info', assigned_to: approverId })
        .where('id', '=', d.id)
        .execute();
      const { recordRequestEvent } = await import('../notifications/service.ts');
      await recordRequestEvent(trx, {
        requestId: d.id,
        type: 'info_requested',
        actor: { id: approverId, kind: 'user' },
        fromStatus: 'in_review',
        toStatus: 'needs_info',
        data: { question: 'Send the second receipt.' },
        visibleToApplicant: true,
      });
    });
    const before = (await fresh.get(`/api/requests/${d.id}`)).json() as {
      infoRequest: { question: string };
    };
    expect(before.infoRequest.question).toBe('Send the second receipt.');
    const doc = (await upload(fresh, d.id, 'second.png', PNG)).json() as { id: string };
    // Reviewing staff may read the documents of a submitted request.
    const reviewer = await t.signIn('approver');
    const read = await reviewer.get(`/api/documents/${doc.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.headers['x-document-sha256']).toMatch(/^[0-9a-f]{64}$/);
    const empty = await fresh.post(`/api/requests/${d.id}/info-response`, {
      message: '  ',
      documentIds: [],
    });
    expect(empty.statusCode).toBe(400);
    const res = await fresh.post(`/api/requests/${d.id}/info-response`, {
      message: 'Here it is.',
      documentIds: [doc.id],
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json() as { status: string; timeline: Array<{ type: string }> };
    expect(after.status).toBe('in_review');
    expect(after.timeline.map((e) => e.type)).toEqual([
      'submitted',
      'info_requested',
      'info_provided',
    ]);
    const row = await rowById(t.db.kysely, 'requests', d.id);
    expect(row.assigned_to).toBe(approverId);
    expect(row.info_answered_at).not.toBeNull();

    const w = await fresh.post(`/api/requests/${d.id}/withdraw`, { reason: 'No longer needed' });
    expect(w.statusCode).toBe(200);
    expect((w.json() as { status: string }).status).toBe('withdrawn');
    expect((await fresh.post(`/api/requests/${d.id}/withdraw`, {})).statusCode).toBe(409);
  });
});
