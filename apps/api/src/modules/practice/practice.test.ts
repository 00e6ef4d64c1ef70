import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedPrograms } from '@hms/contracts/programs-seed';
import { programDefinitionSchema } from '@hms/contracts/programs';
import {
  allQuestions,
  buildAnswersSchema,
  checkEligibility,
  type Answers,
} from '@hms/contracts/question-set';
import { question, step, t as text } from '@hms/contracts/question-set.test-helper';
import { isValidRoutingNumber } from '@hms/contracts/routing-number';
import { sniffDocumentType } from '@hms/contracts/documents';
import { Agent, demoCitizenId, programIdBySlug, useTestApp } from '../../testing/test-app.ts';
import { insertRequest } from '../inbox/demo-rows.ts';
import { insertApprovedPayment } from '../payments/fixtures.ts';
import { fanOut } from '../webhooks/worker.ts';
import {
  PRACTICE_ROUTING_NUMBERS,
  generateAnswers,
  practiceBankAccount,
  sampleRegex,
} from './generate.ts';
import { auditEntries, rowById } from '../../testing/rows.ts';
import { seededRandom } from '../../platform/seeded-random.ts';

const TZ = 'America/New_York';

describe('practice case generation (pure)', () => {
  it('samples the patterns programs use, and gives up on what it cannot sample', () => {
    const rng = seededRandom(7);
    for (const pattern of [
      '^\\d{5}(-\\d{4})?$',
      '^\\d{2}-\\d{7}$',
      '^(BP|EP|PP|MP)-\\d{4}-\\d{5}$',
      '^[A-Z]{2}[0-9]{3,5}$',
    ]) {
      for (let i = 0; i < 20; i += 1)
        expect(sampleRegex(pattern, rng)).toMatch(new RegExp(pattern));
    }
    expect(sampleRegex('^(a)\\1$', rng)).toBeNull();
    expect(sampleRegex('^(?=x)x$', rng)).toBeNull();
  });

  it('only uses ACH-valid test routing numbers, and the bank step schema accepts the accounts', () => {
    for (const r of PRACTICE_ROUTING_NUMBERS) expect(isValidRoutingNumber(r)).toBe(true);
    const account = practiceBankAccount(seededRandom(3), 'Lucía Martínez', 'es');
    expect(PRACTICE_ROUTING_NUMBERS).toContain(account.routingNumber);
    expect(account.accountNumber).toMatch(/^\d{11}$/);
  });

  it('meets "fell by at least N %" and "within the last N months" rules', () => {
    const base = programDefinitionSchema.parse(
      seedPrograms.find((p) => p.slug === 'small-business-relief'),
    );
    const questions = base.questionSet.steps.flatMap((st) => st.questions);
    const money = questions.filter((q) => q.type === 'money' && q.id !== base.amountQuestionId);
    const date = questions.find((q) => q.type === 'date')!;
    const def = programDefinitionSchema.parse({
      ...base,
      questionSet: {
        steps: [
          ...base.questionSet.steps,
          step('extra', text('Extra', 'Extra'), [
            question(
              'revenueThisYear',
              'money',
              text('Revenue this year', 'Ingresos de este año'),
              {
                min: 0,
              },
            ),
          ]),
        ],
      },
      eligibilityRules: [
        {
          kind: 'percentDrop',
          beforeQuestionId: money[0]!.id,
          afterQuestionId: 'revenueThisYear',
          atLeastPercent: 20,
          reason: {
            en: 'Revenue fell by less than 20 %',
            es: 'Los ingresos bajaron menos del 20 %',
          },
        },
        {
          kind: 'withinLast',
          questionId: date.id,
          months: 12,
          reason: { en: 'Too long ago', es: 'Hace demasiado' },
        },
      ],
    });
    for (let i = 0; i < 20; i += 1) {
      const c = generateAnswers(
        def,
        seededRandom(i),
        {
          applicant: { name: 'Omar Kim', email: 'omar@example.com', language: 'en' },
          today: '2026-12-01',
          amount: { questionId: def.amountQuestionId, minCents: 100, maxCents: 1_000_000 },
        },
        () => '0190a0b0-0000-7000-8000-000000000001',
        TZ,
      );
      expect(
        checkEligibility(def.eligibilityRules, c.answers, 'es', { today: '2026-12-01' }).reasons,
      ).toEqual([]);
      expect(c.answers[date.id]! >= '2025-12-01').toBe(true);
    }
  });

  for (const seed of seedPrograms) {
    it(`answers ${seed.slug} so the form accepts them in English and Spanish and every rule holds`, () => {
      const def = programDefinitionSchema.parse(seed);
      const amount = def.questionSet.steps
        .flatMap((s) => s.questions)
        .find((q) => q.id === def.amountQuestionId)!;
      let n = 0;
      for (let i = 0; i < 30; i += 1) {
        const rng = seededRandom(1000 + i);
        const language = i % 2 === 0 ? 'en' : 'es';
        const c = generateAnswers(
          def,
          rng,
          {
            applicant: { name: 'Grace Okafor', email: 'grace@example.com', language },
            today: '2026-12-01',
            amount: {
              questionId: def.amountQuestionId,
              minCents: 100,
              maxCents: Math.min(def.maxAmountCents, amount.max ?? def.maxAmountCents),
            },
          },
          () => `0190a0b0-0000-7000-8000-${String(++n).padStart(12, '0')}`,
          TZ,
        );
        for (const lang of ['en', 'es'] as const) {
          const parsed = buildAnswersSchema(def.questionSet, {
            language: lang,
            today: '2026-12-01',
            timeZone: TZ,
          }).safeParse(c.answers);
          expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
          expect(
            checkEligibility(def.eligibilityRules, c.answers, lang, { today: '2026-12-01' })
              .reasons,
          ).toEqual([]);
        }
        // Every document question shown has one generated file, a real PDF or PNG, named in the answers.
        for (const q of allQuestions(def.questionSet).filter((x) => x.type === 'document')) {
          const files = c.files.filter((f) => f.questionId === q.id);
          expect(c.answers[q.id] ?? []).toEqual(files.map((f) => f.id));
          for (const f of files) expect(sniffDocumentType(f.content)).not.toBeNull();
        }
        expect(c.answers[def.amountQuestionId]).toBeGreaterThan(0);
      }
    });
  }
});

const t = useTestApp({ HMS_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' });
const admin = () => signedIn('admin@example.gov');
async function signedIn(email: string) {
  const a = new Agent(t.app);
  await a.signIn(email);
  return a;
}
const json = <T = Record<string, unknown>>(res: { body: string }) => JSON.parse(res.body) as T;

let realPayments: Array<{ paymentId: string; requestId: string }>;

beforeAll(async () => {
  // Real data beside the practice data: two approved requests with pending payments and one waiting for review.
  const k = t.db.kysely;
  const applicantId = await demoCitizenId(k);
  const home = await programIdBySlug(k, 'home-energy-rebate');
  const permits = await programIdBySlug(k, 'permit-fee-refund');
  realPayments = [
    await insertApprovedPayment(k, t.config, { applicantId, programId: home, amountCents: 120_00 }),
    await insertApprovedPayment(k, t.config, {
      applicantId,
      programId: permits,
      amountCents: 75_00,
    }),
  ];
  await insertRequest(k, {
    applicantId,
    programId: home,
    status: 'submitted',
    amountCents: 500_00,
  });
});

interface Created {
  created: Array<{ id: string; reference: string; amountRequestedCents: number }>;
  practiceRequestCount: number;
}

async function practiceProgram(sourceSlug: string) {
  const a = await admin();
  const res = await a.post('/api/practice/programs', {
    sourceProgramId: await programIdBySlug(t.db.kysely, sourceSlug),
  });
  expect(res.statusCode).toBe(201);
  return json<{ id: string; slug: string }>(res);
}

/** Row counts of everything that is not practice data: clearing must leave every one as it was. */
async function realCounts() {
  const k = t.db.kysely;
  const practiceIds = k.selectFrom('programs').select('id').where('practice', '=', true);
  const realRequests = k
    .selectFrom('requests')
    .select('id')
    .where('program_id', 'not in', practiceIds);
  const count = async (q: { execute(): Promise<unknown[]> }) => (await q.execute()).length;
  return {
    requests: await count(realRequests),
    users: await count(k.selectFrom('users').select('id').where('practice', '=', false)),
    payments: await count(
      k.selectFrom('payments').select('id').where('request_id', 'in', realRequests),
    ),
    documents: await count(
      k.selectFrom('documents').select('id').where('request_id', 'in', realRequests),
    ),
    payeeAccounts: await count(
      k
        .selectFrom('payee_accounts')
        .select('payee_accounts.id')
        .innerJoin('users', 'users.id', 'payee_accounts.user_id')
        .where('users.practice', '=', false),
    ),
    events: await count(
      k.selectFrom('request_events').select('id').where('request_id', 'in', realRequests),
    ),
    decisions: await count(
      k.selectFrom('decisions').select('id').where('request_id', 'in', realRequests),
    ),
    programs: await count(k.selectFrom('programs').select('id')),
    audit: await count(k.selectFrom('audit_log').select('id')),
  };
}

describe('practice programs', () => {
  it('a practice copy keeps the questions, is hidden from citizens, and only an empty program can be marked', async () => {
    const a = await admin();
    const copy = await practiceProgram('permit-fee-refund');
    expect(copy.slug).toBe('practice-permit-fee-refund');
    const again = await practiceProgram('permit-fee-refund');
    expect(again.slug).toBe('practice-permit-fee-refund-2');

    const catalog = json<{ items: Array<{ slug: string }> }>(await t.app.inject('/api/programs'));
    expect(catalog.items.map((p) => p.slug)).not.toContain(copy.slug);
    expect((await t.app.inject(`/api/programs/${copy.slug}`)).statusCode).toBe(404);
    const citizen = await signedIn('citizen@example.gov');
    expect((await citizen.post(`/api/programs/${copy.slug}/drafts`, {})).statusCode).toBe(404);

    const overview = json<{
      programs: Array<{ id: string; practice: boolean; name: { en: string; es: string } }>;
    }>(await a.get('/api/practice'));
    const listed = overview.programs.find((p) => p.id === copy.id)!;
    expect(listed).toMatchObject({ practice: true });
    expect(listed.name.en).toBe('Practice: Permit Fee Refund');
    expect(listed.name.es.startsWith('Práctica: ')).toBe(true);

    // A real program with requests must never turn into training data.
    const real = t.programId('home-energy-rebate');
    const refused = await a.request('PUT', `/api/practice/programs/${real}`, { practice: true });
    expect(refused.statusCode).toBe(409);
    expect(json(refused).code).toBe('practice.program_has_requests');
    // The second copy has no requests: it can be unmarked and marked again, audited.
    expect(
      (await a.request('PUT', `/api/practice/programs/${again.id}`, { practice: false }))
        .statusCode,
    ).toBe(200);
    expect((await t.app.inject(`/api/programs/${again.slug}`)).statusCode).toBe(200);
    expect(
      (await a.request('PUT', `/api/practice/programs/${again.id}`, { practice: true })).statusCode,
    ).toBe(200);
    const marks = await auditEntries(t.db.kysely, {
      action: 'practice.program_marked',
      entityId: again.id,
    });
    expect(marks.map((m) => m.data)).toEqual([{ practice: false }, { practice: true }]);
  });

  it('refuses bad input with field errors, and requests in a program that is not practice', async () => {
    const a = await admin();
    const bad = await a.post('/api/practice/requests', { programId: 'nope', count: 0 });
    expect(bad.statusCode).toBe(400);
    expect(
      json<{ errors: Array<{ field: string }> }>(bad)
        .errors.map((e) => e.field)
        .sort(),
    ).toEqual(['body.count', 'body.programId']);
    const real = t.programId('home-energy-rebate');
    const res = await a.post('/api/practice/requests', { programId: real, count: 1 });
    expect(res.statusCode).toBe(409);
    expect(json(res).code).toBe('practice.program_not_practice');
    expect(
      (await a.post('/api/practice/requests', { programId: real, count: 26 })).statusCode,
    ).toBe(400);
  });
});

describe('practice requests', () => {
  let program: { id: string; slug: string };
  let created: Created;

  beforeAll(async () => {
    program = await practiceProgram('small-business-relief');
    const res = await (
      await admin()
    ).post('/api/practice/requests', { programId: program.id, count: 4 });
    expect(res.statusCode).toBe(201);
    created = json<Created>(res);
  });

  it('are submitted requests whose answers fit the form they were made under, in both languages, with files and a valid account', async () => {
    expect(created.created).toHaveLength(4);
    const k = t.db.kysely;
    const rows = await k
      .selectFrom('requests')
      .innerJoin('users', 'users.id', 'requests.applicant_id')
      .innerJoin('payee_accounts as pa', 'pa.id', 'requests.payee_account_id')
      .innerJoin('program_versions as pv', (j) =>
        j
          .onRef('pv.program_id', '=', 'requests.program_id')
          .onRef('pv.version', '=', 'requests.program_version'),
      )
      .select([
        'requests.id',
        'requests.status',
        'requests.answers',
        'requests.amount_requested_cents',
        'requests.submitted_at',
        'requests.due_at',
        'users.practice',
        'users.language',
        'pa.routing_number',
        'pv.definition',
      ])
      .where('requests.program_id', '=', program.id)
      .execute();
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((r) => r.language))).toEqual(new Set(['en', 'es']));
    for (const r of rows) {
      expect(r.status).toBe('submitted');
      expect(r.practice).toBe(true);
      expect(r.submitted_at).not.toBeNull();
      expect(r.due_at).not.toBeNull();
      expect(isValidRoutingNumber(r.routing_number)).toBe(true);
      const def = programDefinitionSchema.parse(r.definition);
      for (const language of ['en', 'es'] as const) {
        const parsed = buildAnswersSchema(def.questionSet, { language, timeZone: TZ }).safeParse(
          r.answers,
        );
        expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
        expect(
          checkEligibility(def.eligibilityRules, r.answers as Answers, language, { timeZone: TZ })
            .eligible,
        ).toBe(true);
      }
      expect(r.answers[def.amountQuestionId]).toBe(r.amount_requested_cents);
      const docs = await k
        .selectFrom('documents')
        .select(['id', 'question_id', 'content'])
        .where('request_id', '=', r.id)
        .execute();
      const docQuestions = allQuestions(def.questionSet).filter(
        (q) => q.type === 'document' && q.required,
      );
      expect(docQuestions.length).toBeGreaterThan(0);
      for (const q of docQuestions) {
        const ids = r.answers[q.id] as string[];
        expect(ids).toHaveLength(1);
        const doc = docs.find((d) => d.id === ids[0])!;
        expect(doc.question_id).toBe(q.id);
        expect(sniffDocumentType(Buffer.from(doc.content))).toBe('application/pdf');
      }
    }
    // Generated applicants never get mail: no notification, no email.
    const ids = rows.map((r) => r.id);
    expect(
      await k.selectFrom('notifications').select('id').where('request_id', 'in', ids).execute(),
    ).toEqual([]);
    expect(
      await k
        .selectFrom('email_outbox')
        .select('id')
        .where('to_address', 'like', '%@practice.invalid')
        .execute(),
    ).toEqual([]);
    // Nobody can sign in as one.
    const email = (
      await k
        .selectFrom('users')
        .select('email')
        .where('practice', '=', true)
        .executeTakeFirstOrThrow()
    ).email;
    expect(
      (await new Agent(t.app).post('/api/auth/sign-in', { email, password: '!practice' }))
        .statusCode,
    ).toBe(401);
  });

  it('wait in the inbox marked practice; the review says so too', async () => {
    const approver = await signedIn('approver@example.gov');
    const inbox = json<{ items: Array<{ id: string; practice: boolean }> }>(
      await approver.get('/api/inbox?queue=all&limit=100&sort=submitted_desc'),
    );
    const mine = inbox.items.filter((i) => created.created.some((c) => c.id === i.id));
    expect(mine).toHaveLength(4);
    expect(mine.every((i) => i.practice)).toBe(true);
    expect(
      inbox.items
        .filter((i) => !created.created.some((c) => c.id === i.id))
        .every((i) => !i.practice),
    ).toBe(true);
    const review = json<{ practice: boolean }>(
      await approver.get(`/api/review/${created.created[0]!.id}`),
    );
    expect(review.practice).toBe(true);
  });

  it('a practice payment never reaches a batch, the journal, a webhook or a finance figure', async () => {
    const fin = await signedIn('finance@example.gov');
    const before = json<{
      totals: Record<string, number>;
      byProgram: Array<{ programId: string }>;
    }>(await fin.get('/api/finance/summary'));
    const pendingBefore = json<{ totalCents: number; totalCount: number }>(
      await fin.get('/api/payments?status=pending'),
    );

    // An endpoint that wants every event, created before the approval.
    const a = await admin();
    const hook = await a.post('/api/webhooks/endpoints', {
      url: 'http://127.0.0.1:9/hooks',
      eventTypes: ['request.approved', 'payment.created'],
    });
    expect(hook.statusCode).toBe(201);

    // Approve the first (under the threshold) the way an approver does.
    const approver = await signedIn('approver@example.gov');
    const target = created.created[0]!;
    const claim = await approver.post(`/api/requests/${target.id}/claim`);
    expect(claim.statusCode).toBe(200);
    const version = json<{ version: number }>(claim).version;
    const decided = await approver.post(`/api/requests/${target.id}/decisions`, {
      kind: 'approve',
      version,
    });
    expect(decided.statusCode).toBe(200);
    expect(json(decided).status).toBe('approved');

    const payment = await t.db.kysely
      .selectFrom('payments')
      .select(['id', 'amount_cents'])
      .where('request_id', '=', target.id)
      .executeTakeFirstOrThrow();

    // Listed, marked practice, but counted in no total.
    const pending = json<{
      items: Array<{ id: string; practice: boolean }>;
      totalCents: number;
      totalCount: number;
    }>(await fin.get('/api/payments?status=pending&limit=500'));
    expect(pending.items.find((p) => p.id === payment.id)?.practice).toBe(true);
    expect(pending.items.filter((p) => p.id !== payment.id).every((p) => !p.practice)).toBe(true);
    expect(pending.totalCents).toBe(pendingBefore.totalCents);
    expect(pending.totalCount).toBe(pendingBefore.totalCount);

    // The batch builder refuses it, alone or among real payments, and no entry is ever written for it.
    const real = pending.items.find((p) => !p.practice)!;
    for (const ids of [[payment.id], [real.id, payment.id]]) {
      const build = await fin.post('/api/batches', { paymentIds: ids });
      expect(build.statusCode).toBe(409);
      expect(json(build).code).toBe('batch.payments_not_batchable');
      expect(JSON.stringify(json(build).errors)).toContain('practice payment');
    }
    expect(
      await t.db.kysely
        .selectFrom('ach_entries')
        .select('id')
        .where('payment_id', '=', payment.id)
        .execute(),
    ).toEqual([]);
    const p = await rowById(t.db.kysely, 'payments', payment.id);
    expect(p.status).toBe('pending');

    // The finance summary is unchanged and never lists the practice program.
    const after = json<{ totals: Record<string, number>; byProgram: Array<{ programId: string }> }>(
      await fin.get('/api/finance/summary'),
    );
    expect(after.totals).toEqual(before.totals);
    expect(after.byProgram.map((r) => r.programId)).not.toContain(program.id);

    // A real batch goes out beside it (built by finance, released by the supervisor).
    const realBuild = await fin.post('/api/batches', { paymentIds: [realPayments[0]!.paymentId] });
    expect(realBuild.statusCode).toBe(201);
    const sup = await signedIn('supervisor@example.gov');
    const released = await sup.post(`/api/batches/${json<{ id: string }>(realBuild).id}/release`);
    expect(released.statusCode).toBe(200);

    // The GL journal has the real payment's program and nothing of the practice program.
    const tok = json<{ token: string }>(
      await a.post('/api/service-tokens', { name: 'GL', scopes: ['journal:read'] }),
    );
    const journal = await t.app.inject({
      url: '/api/integration/journal?from=2000-01-01&to=2100-01-01',
      headers: { authorization: `Bearer ${tok.token}` },
    });
    expect(journal.statusCode).toBe(200);
    expect(journal.body).toContain('home-energy-rebate');
    expect(journal.body).not.toContain(program.slug);

    // The events stay inside HMS: they were written (request.approved, payment.created) but fanned out to no endpoint.
    const events = await t.db.kysely
      .selectFrom('outbox_events')
      .select('type')
      .where(sql<boolean>`payload->>'requestId' = ${target.id}`)
      .execute();
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['request.approved', 'payment.created']),
    );
    await fanOut(t.db.kysely);
    const deliveries = await t.db.kysely
      .selectFrom('webhook_deliveries')
      .select('body')
      .where('endpoint_id', '=', json<{ id: string }>(hook).id)
      .execute();
    expect(deliveries.map((d) => d.body).join()).not.toContain(target.id);
  });

  it('clearing deletes only practice data, in one action, and the program can then be unmarked', async () => {
    const a = await admin();
    const other = await practiceProgram('home-energy-rebate');
    expect(
      (await a.post('/api/practice/requests', { programId: other.id, count: 2 })).statusCode,
    ).toBe(201);
    const before = await realCounts();

    // One practice program only.
    const one = await a.post('/api/practice/clear', { programId: other.id });
    expect(one.statusCode).toBe(200);
    expect(json(one)).toMatchObject({ requestsDeleted: 2, applicantsDeleted: 2 });
    let overview = json<{ practiceRequestCount: number }>(await a.get('/api/practice'));
    expect(overview.practiceRequestCount).toBe(4);

    // A real program is not practice: nothing to clear there.
    const real = t.programId('home-energy-rebate');
    expect(json(await a.post('/api/practice/clear', { programId: real })).code).toBe(
      'practice.program_not_practice',
    );

    // Unmarking waits until it is empty.
    const held = await a.request('PUT', `/api/practice/programs/${program.id}`, {
      practice: false,
    });
    expect(json(held).code).toBe('practice.program_has_practice_requests');

    const all = await a.post('/api/practice/clear', {});
    expect(all.statusCode).toBe(200);
    expect(json(all)).toMatchObject({
      requestsDeleted: 4,
      paymentsDeleted: 1,
      applicantsDeleted: 4,
    });
    expect(json<{ documentsDeleted: number }>(all).documentsDeleted).toBeGreaterThanOrEqual(4);
    overview = json<{ practiceRequestCount: number }>(await a.get('/api/practice'));
    expect(overview.practiceRequestCount).toBe(0);

    const k = t.db.kysely;
    expect(await k.selectFrom('users').select('id').where('practice', '=', true).execute()).toEqual(
      [],
    );
    expect(
      await k
        .selectFrom('requests')
        .select('id')
        .where('program_id', 'in', [program.id, other.id])
        .execute(),
    ).toEqual([]);
    const afterCounts = await realCounts();
    // Real data untouched; the audit log only grew (two clears recorded).
    expect({ ...afterCounts, audit: 0 }).toEqual({ ...before, audit: 0 });
    expect(afterCounts.audit).toBe(before.audit + 2);
    // The inbox counters followed the deletes (they are kept by triggers).
    const approver = await signedIn('approver@example.gov');
    const counts = json<{ all: number }>(await approver.get('/api/inbox/counts'));
    const open = await k
      .selectFrom('requests')
      .select('id')
      .where('status', 'in', ['submitted', 'in_review', 'needs_info', 'awaiting_second_approval'])
      .execute();
    expect(counts.all).toBe(open.length);

    expect(
      (await a.request('PUT', `/api/practice/programs/${program.id}`, { practice: false }))
        .statusCode,
    ).toBe(200);
  });
});
