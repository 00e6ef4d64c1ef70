import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  addBusinessDays,
  nextBusinessDay,
  startOfZonedDay,
  toZonedDate,
} from '@hms/contracts/business-days';
import type { RejectReasonCode } from '@hms/contracts/decisions';
import type { Role } from '@hms/contracts/auth';
import type { ProgramDefinition } from '@hms/contracts/programs';
import { homeEnergyRebate } from '@hms/contracts/programs-seed';
import type { AuthUser } from './platform/auth/sessions.ts';
import { hashPassword } from './platform/auth/password.ts';
import type { Config } from './platform/config.ts';
import type { Database } from './platform/db/schema.ts';
import { uuidv7 } from './platform/db/ids.ts';
import { seededRandom } from './platform/seeded-random.ts';
import { insertPastRequestEvent } from './platform/request-events.ts';
import * as auth from './modules/auth/service.ts';
import * as batches from './modules/batches/service.ts';
import * as decisions from './modules/decisions/service.ts';
import * as payments from './modules/payments/service.ts';
import * as programs from './modules/programs/service.ts';
import * as returns from './modules/returns/service.ts';
import { returnFileFor } from './modules/returns/bank-return-file.ts';
import { demoAnswers } from './modules/inbox/demo-answers.ts';
import {
  insertPayeeAccount,
  insertRequest,
  programBySlug,
  userIdByEmail,
} from './modules/inbox/demo-rows.ts';

/**
 * Demo history (issue 13 item 10): about six months of finance work before today, so a fresh start's finance pages
 * and charts have true figures to show. Requests are written as submitted and claimed (demo rows, like the inbox
 * seed's), and from there everything goes through the services real work uses, each step at its own past instant
 * (their `at` seam): the decisions service approves and rejects (a second approval above the threshold), which
 * creates the payments; the batches service builds a batch twice a month (Frankie Finance), releases it under dual
 * control (Skyler Supervisor), and settles it the next business day; the returns service imports the bank's return
 * files, some with notifications of change left for a supervisor. The newest batch is released and not settled yet,
 * and the approvals after it wait as pending payments. All of it is audited, in the outbox and in the request
 * timelines as real work is; nobody is emailed about it (a step dated in the past notifies no one).
 *
 * Deterministic: one seeded generator picks days, amounts and outcomes, relative to today in the agency's zone.
 * Idempotent: a second run finds its first request and does nothing. Practice programs are never touched.
 */

const KEY_PREFIX = 'demo-history:';
const HOUR = 3_600_000;
/** Business days of history (about six months). */
const HISTORY_BUSINESS_DAYS = 125;
/** A batch every this many business days (twice a month); the newest one this many business days before today. */
const BATCH_EVERY = 10;
const LAST_BATCH_DAYS_AGO = 2;

const FIRST = [
  'Abigail',
  'Bruno',
  'Camila',
  'Dmitri',
  'Esther',
  'Felix',
  'Greta',
  'Hiro',
  'Ines',
  'Jonah',
  'Keiko',
  'Leon',
  'Mina',
  'Nikhil',
  'Oona',
  'Pablo',
];
const LAST = ['Alvarez', 'Brooks', 'Chowdhury', 'Delgado', 'Eriksen', 'Fontaine', 'Gupta', 'Holm'];

/**
 * The program the history takes over its budget: a small bonus beside the rebate, with the rebate's questions. It
 * opened with $30,000; once its approvals have committed most of that, the demo administrators cut its budget below
 * what is committed (a rescinded appropriation), through the program administration (one asks, the other approves).
 */
const heatPumpBonus: ProgramDefinition = {
  ...homeEnergyRebate,
  slug: 'heat-pump-bonus',
  name: { en: 'Heat Pump Bonus', es: 'Bono por bomba de calor' },
  description: {
    en: 'An extra payment of up to $2,000 for a household that replaced its furnace or boiler with a heat pump, while the limited funds last.',
    es: 'Un pago adicional de hasta $2,000 para un hogar que reemplazó su calefactor o caldera por una bomba de calor, mientras duren los fondos limitados.',
  },
  budgetCents: 3_000_000,
};
/** The cut budget, as a share of what is committed when the administrators cut it. */
const BUDGET_CUT_SHARE = 0.9;

/** The programs history is made in, how often each is asked for and the amounts (under each approval threshold,
 * except the grant's, which sometimes needs a second approval). */
const PROGRAMS = [
  { slug: 'home-energy-rebate', weight: 5, min: 40_000, max: 145_000 },
  { slug: 'heat-pump-bonus', weight: 2, min: 30_000, max: 100_000 },
  { slug: 'permit-fee-refund', weight: 4, min: 8_000, max: 95_000 },
  { slug: 'small-business-relief', weight: 2, min: 300_000, max: 1_400_000 },
] as const;

const REJECTIONS: ReadonlyArray<{ code: RejectReasonCode; message: string }> = [
  {
    code: 'ineligible',
    message: 'From the answers given, the household income is above the program limit.',
  },
  {
    code: 'incomplete',
    message:
      'The invoice uploaded does not show the date of the work; a new request can be made with it.',
  },
  { code: 'duplicate', message: 'This repeats a request already paid for the same permit.' },
];
const RETURN_CODES = ['R03', 'R04', 'R02'] as const;

interface Step {
  at: Date;
  order: number;
  run: () => Promise<void>;
}

export async function seedHistoryDemo(
  db: Kysely<Database>,
  config: Config,
  encryptionKey: Buffer,
): Promise<{ requestsCreated: number; batchesBuilt: number; returnFiles: number }> {
  const none = { requestsCreated: 0, batchesBuilt: 0, returnFiles: 0 };
  const done = await db
    .selectFrom('requests')
    .select('id')
    .where('idempotency_key', 'like', `${KEY_PREFIX}%`)
    .limit(1)
    .executeTakeFirst();
  if (done) return none;

  const tz = config.timezone;
  const now = new Date();
  const today = toZonedDate(now, tz);
  const rand = seededRandom(20_261_013);
  const at = (day: string, hours: number) =>
    new Date(startOfZonedDay(day, tz).getTime() + hours * HOUR);

  const staff = async (email: string, role: Role): Promise<AuthUser> => ({
    id: await userIdByEmail(db, email),
    email,
    displayName: email,
    language: 'en',
    roles: [role],
    sessionId: 'demo-history',
  });
  const approver = await staff('approver@example.gov', 'approver');
  const senior = await staff('senior@example.gov', 'senior_approver');
  const finance = await staff('finance@example.gov', 'finance');
  const supervisor = await staff('supervisor@example.gov', 'finance_supervisor');
  await programs.upsertSeedPrograms(db, tz, [heatPumpBonus]);
  const programRows = new Map(
    await Promise.all(
      PROGRAMS.map(async (p) => [p.slug, await programBySlug(db, p.slug)] as const),
    ),
  );

  // The applicants: generated citizens who can never sign in (a random password nobody knows), one account each.
  const hash = await hashPassword(randomBytes(24).toString('base64url'));
  const people: Array<{ id: string; email: string; name: string; account: string }> = [];
  for (let i = 0; i < 48; i++) {
    const name = `${FIRST[i % FIRST.length]!} ${LAST[(i + Math.floor(i / FIRST.length) * 3) % LAST.length]!}`;
    const email = `${name.toLowerCase().replace(' ', '.')}${i >= FIRST.length ? i : ''}@example.com`;
    const id = await auth.ensureDemoUser(db, {
      email,
      passwordHash: hash,
      displayName: name,
      language: i % 6 === 5 ? 'es' : 'en',
      role: 'citizen',
    });
    people.push({ id, email, name, account: `7${String(i).padStart(3, '0')}20001` });
  }

  const steps: Step[] = [];
  let order = 0;
  const plan = (when: Date, run: () => Promise<void>) => {
    // Only what has happened by now: a step due later is not history.
    if (when.getTime() < now.getTime()) steps.push({ at: when, order: order++, run });
  };

  // Requests: about one a business day, each claimed the next business day and decided within three more.
  const paymentIds: string[] = [];
  let requestsCreated = 0;
  const totalWeight = PROGRAMS.reduce((t, p) => t + p.weight, 0);
  let day = addBusinessDays(today, -HISTORY_BUSINESS_DAYS);
  for (; day < today; day = nextBusinessDay(day)) {
    const count = rand.pick([0, 1, 1, 2, 0, 1]);
    for (let k = 0; k < count; k++) {
      let w = rand.next() * totalWeight;
      const spec = PROGRAMS.find((p) => (w -= p.weight) < 0) ?? PROGRAMS[0];
      const program = programRows.get(spec.slug)!;
      const amount = Math.round(rand.int(spec.min, spec.max) / 500) * 500;
      const who = rand.pick(people);
      const submittedAt = at(day, 8 + rand.next() * 9);
      const claimDay = nextBusinessDay(day);
      const claimedAt = at(claimDay, 9 + rand.next() * 2);
      const decidedAt = at(addBusinessDays(claimDay, rand.int(0, 3)), 11 + rand.next() * 5);
      const rejection = rand.next() < 0.12 ? rand.pick(REJECTIONS) : null;
      const secondAt = at(nextBusinessDay(toZonedDate(decidedAt, tz)), 10 + rand.next() * 3);
      const needsSecond = !rejection && amount > Number(program.approval_threshold_cents);
      // A request is history only when it was decided (fully) before now: the open inbox is the inbox seed's.
      if ((needsSecond ? secondAt : decidedAt).getTime() >= now.getTime()) continue;
      requestsCreated += 1;
      const key = `${KEY_PREFIX}${requestsCreated}`;
      let requestId = '';
      // One transaction for the rows a submission writes: on the embedded database each commit is a write to disk.
      plan(submittedAt, () =>
        db.transaction().execute(async (trx) => {
          requestId = await insertRequest(trx, {
            applicantId: who.id,
            programId: program.id,
            status: 'in_review',
            amountCents: amount,
            submittedAt,
            dueAt: startOfZonedDay(addBusinessDays(day, program.review_deadline_days), tz, 1),
            payeeAccountId: await insertPayeeAccount(trx, {
              userId: who.id,
              encryptionKey,
              account: who.account,
              holderName: who.name,
              createdAt: submittedAt,
            }),
            answers: demoAnswers(
              spec.slug === heatPumpBonus.slug ? homeEnergyRebate.slug : spec.slug,
              who,
              amount,
              submittedAt,
            ),
            assignedTo: approver.id,
            idempotencyKey: key,
          });
          await insertPastRequestEvent(trx, {
            id: uuidv7(),
            request_id: requestId,
            type: 'submitted',
            from_status: 'draft',
            to_status: 'submitted',
            actor_id: who.id,
            actor_kind: 'user',
            data: JSON.stringify({ amountCents: amount }),
            visible_to_applicant: true,
            created_at: submittedAt,
          });
          await insertPastRequestEvent(trx, {
            id: uuidv7(),
            request_id: requestId,
            type: 'claimed',
            from_status: 'submitted',
            to_status: 'in_review',
            actor_id: approver.id,
            actor_kind: 'user',
            data: '{}',
            visible_to_applicant: false,
            created_at: claimedAt,
          });
        }),
      );
      plan(decidedAt, async () => {
        const first = await decisions.decide(
          db,
          requestId,
          rejection
            ? {
                kind: 'reject',
                version: 1,
                reasonCode: rejection.code,
                messageToApplicant: rejection.message,
              }
            : { kind: 'approve', version: 1 },
          approver,
          decidedAt,
        );
        if (first.paymentId) paymentIds.push(first.paymentId);
        if (!needsSecond) return;
        plan(secondAt, async () => {
          const second = await decisions.decide(
            db,
            requestId,
            { kind: 'approve', version: first.version },
            senior,
            secondAt,
          );
          if (second.paymentId) paymentIds.push(second.paymentId);
        });
      });
    }
  }

  // Batches: every BATCH_EVERY business days up to the newest, LAST_BATCH_DAYS_AGO business days ago. Built at 10:00
  // by finance, released at 10:30 by the supervisor (before the same-day cut-off), settled the next business day;
  // the newest is released and waits for its settlement.
  const lastBatchDay = addBusinessDays(today, -LAST_BATCH_DAYS_AGO);
  const batchDays: string[] = [];
  for (let d = lastBatchDay; batchDays.length * BATCH_EVERY < HISTORY_BUSINESS_DAYS;) {
    batchDays.unshift(d);
    d = addBusinessDays(d, -BATCH_EVERY);
  }
  let batchesBuilt = 0;
  let returnFiles = 0;
  for (const [i, batchDay] of batchDays.entries()) {
    const builtAt = at(batchDay, 10);
    const releasedAt = at(batchDay, 10.5);
    const settleDay = nextBusinessDay(batchDay);
    plan(builtAt, async () => {
      await payments.promoteMaturedPrenotes(db, batchDay);
      const waiting = paymentIds.length
        ? (await payments.paymentsByIds(db, paymentIds)).filter((p) => p.status === 'pending')
        : [];
      if (waiting.length === 0) return;
      const built = await batches.buildBatch(
        db,
        config,
        finance,
        { paymentIds: waiting.map((p) => p.id) },
        null,
        builtAt,
      );
      batchesBuilt += 1;
      await batches.releaseBatch(db, config, supervisor, built.id, null, releasedAt);
      if (i === batchDays.length - 1) return;
      const settledAt = at(settleDay, 9.5);
      plan(settledAt, async () => {
        await batches.settleBatch(
          db,
          { kind: 'user', id: finance.id },
          built.id,
          'Settlement confirmed on the bank statement.',
          settledAt,
        );
      });
      // Every other batch, the bank sends some of its payments back a few business days later (and with the newest
      // return file, two notifications of change the supervisor has not confirmed yet).
      if (i % 2 !== 1) return;
      const live = built.entries.filter((e) => e.kind === 'payment');
      if (live.length === 0) return;
      const returnDay = addBusinessDays(settleDay, 2);
      const importedAt = at(returnDay, 8.5);
      const lastFile = batchDays.length - 1 - i <= 2;
      const returned = live.slice(0, Math.min(live.length, 1 + (i % 3)));
      const changed = lastFile ? live.slice(returned.length, returned.length + 2) : [];
      plan(importedAt, async () => {
        const content = returnFileFor({
          odfiRouting: config.originator.odfiRouting,
          date: returnDay,
          returns: returned.map((e, j) => ({
            traceNumber: e.traceNumber,
            amountCents: e.amountCents,
            code: RETURN_CODES[(i + j) % RETURN_CODES.length]!,
          })),
          nocs: changed.map((e, j) => ({
            traceNumber: e.traceNumber,
            code: j === 0 ? 'C01' : 'C05',
            correctedData: j === 0 ? `${e.payment.accountLast4}0099` : '32',
          })),
        });
        await returns.importReturns(
          db,
          config,
          finance,
          { fileName: `RETURNS-${returnDay}.ach`, content },
          null,
          importedAt,
        );
        returnFiles += 1;
      });
    });
  }

  // Run in time order; a step may plan later ones (a settlement after its release), so take the earliest each time.
  while (steps.length > 0) {
    let first = 0;
    for (let s = 1; s < steps.length; s++) {
      const a = steps[s]!;
      const b = steps[first]!;
      if (a.at < b.at || (a.at.getTime() === b.at.getTime() && a.order < b.order)) first = s;
    }
    const [step] = steps.splice(first, 1);
    await step!.run();
  }
  await cutBudget(db, config, programRows.get('heat-pump-bonus')!.id);
  return { requestsCreated, batchesBuilt, returnFiles };
}

/**
 * The administrators cut the bonus's budget below what its approvals committed: Adrian Admin saves the draft and asks
 * to publish it, Alex Admin approves (when the agency requires a second approval). Done now, as the seed runs: the
 * program administration has no past instant to give, and the change is made today.
 */
async function cutBudget(db: Kysely<Database>, config: Config, programId: string) {
  const opts = programs.adminOptions(config);
  const admin = { id: await userIdByEmail(db, 'admin@example.gov'), ip: null };
  const admin2 = { id: await userIdByEmail(db, 'admin2@example.gov'), ip: null };
  const committed = Number((await programs.loadProgram(db, { id: programId })).committed_cents);
  const cut = Math.floor((committed * BUDGET_CUT_SHARE) / 100_000) * 100_000;
  const { draft } = await programs.adminProgram(db, programId, opts, admin.id);
  await programs.saveDraft(db, admin, programId, { ...draft, budgetCents: cut }, opts);
  const asked = await programs.requestPublish(
    db,
    admin,
    programId,
    `Budget cut to ${cut / 100} dollars: part of the appropriation was rescinded.`,
    opts,
  );
  if (asked.pendingPublishRequest) await programs.approvePublish(db, admin2, programId, opts);
}
