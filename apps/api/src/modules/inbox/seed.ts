import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { addBusinessDays, toZonedDate } from '@hms/contracts/business-days';
import type { RequestStatus } from '@hms/contracts/landing';
import type { Database } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { hashPassword } from '../../platform/auth/password.ts';
import { startOfZonedDay } from '../../platform/db/seed.ts';
import { computeRiskSignals } from '../risk/service.ts';
import { demoAnswers } from './demo-answers.ts';
import { insertPayeeAccount, insertRequest, programBySlug, userIdByEmail } from './fixtures.ts';

const DAY = 86_400_000;
const KEY_PREFIX = 'demo-approvals:';

const APPLICANTS = [
  ['maria.lopez@example.com', 'Maria Lopez'],
  ['james.carter@example.com', 'James Carter'],
  ['priya.patel@example.com', 'Priya Patel'],
  ['wei.chen@example.com', 'Wei Chen'],
  ['olivia.brown@example.com', 'Olivia Brown'],
  ['daniel.kim@example.com', 'Daniel Kim'],
  ['fatima.ali@example.com', 'Fatima Ali'],
  ['lucas.silva@example.com', 'Lucas Silva'],
] as const;

/**
 * The approval inbox's demo data: requests in every state of the review, and one example of each risk signal
 * (shared account, amount outlier, same address many times, duplicate, account changed before payment). Idempotent:
 * it runs once per database (requests carry `demo-approvals:` idempotency keys). Needs the field-encryption key
 * to seal the demo bank accounts; without it (unit tests) it adds nothing.
 */
export async function seedApprovalsDemo(
  db: Kysely<Database>,
  opts: { timeZone: string; encryptionKey?: Buffer | undefined },
): Promise<{ requestsCreated: number }> {
  const key = opts.encryptionKey;
  if (!key) return { requestsCreated: 0 };
  const done = await db
    .selectFrom('requests')
    .select('id')
    .where('idempotency_key', 'like', `${KEY_PREFIX}%`)
    .limit(1)
    .executeTakeFirst();
  if (done) return { requestsCreated: 0 };

  const people: Record<string, string> = {};
  const hash = await hashPassword(randomBytes(24).toString('base64url'));
  for (const [email, name] of APPLICANTS) {
    await db
      .insertInto('users')
      .values({
        id: uuidv7(),
        email,
        password_hash: hash,
        display_name: name,
        language: email.startsWith('maria') ? 'es' : 'en',
      })
      .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
      .execute();
    people[name.split(' ')[0]!.toLowerCase()] = await userIdByEmail(db, email);
    await db
      .insertInto('user_roles')
      .values({ user_id: people[name.split(' ')[0]!.toLowerCase()]!, role: 'citizen' })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  people.casey = await userIdByEmail(db, 'citizen@example.gov');
  const approver = await userIdByEmail(db, 'approver@example.gov');
  const rebate = await programBySlug(db, 'home-energy-rebate');
  const grant = await programBySlug(db, 'small-business-relief');
  const refund = await programBySlug(db, 'permit-fee-refund');

  const now = Date.now();
  const accounts: Record<string, string> = {};
  const account = async (who: string, number: string, ageDays = 120) =>
    (accounts[`${who}:${number}`] ??= await insertPayeeAccount(db, {
      userId: people[who]!,
      encryptionKey: key,
      account: number,
      holderName:
        APPLICANTS.find(([, n]) => n.toLowerCase().startsWith(who))?.[1] ?? 'Casey Citizen',
      createdAt: new Date(now - ageDays * DAY),
    }));
  const dueFrom = (submitted: Date, days: number) =>
    startOfZonedDay(addBusinessDays(toZonedDate(submitted, opts.timeZone), days), opts.timeZone, 1);

  const personOf = (who: string) => {
    const [email, name] = APPLICANTS.find(([, n]) => n.toLowerCase().startsWith(who)) ?? [
      'citizen@example.gov',
      'Casey Citizen',
    ];
    return { email, name };
  };
  let n = 0;
  const ids: string[] = [];
  const add = async (o: {
    who: string;
    program: typeof rebate;
    status: RequestStatus;
    amount: number;
    daysAgo: number;
    acct?: string;
    answers?: Record<string, unknown>;
    assigned?: boolean;
    approved?: number;
    firstApprover?: string;
  }) => {
    n += 1;
    const submittedAt = new Date(now - o.daysAgo * DAY);
    const id = await insertRequest(db, {
      applicantId: people[o.who]!,
      programId: o.program.id,
      status: o.status,
      amountCents: o.amount,
      submittedAt,
      dueAt: dueFrom(submittedAt, o.program.review_deadline_days),
      payeeAccountId: o.acct ?? null,
      answers: {
        ...demoAnswers(o.program.slug, personOf(o.who), o.amount, submittedAt),
        ...o.answers,
      },
      assignedTo: o.assigned ? approver : null,
      approvedAmountCents: o.approved ?? null,
      firstApproverId: o.firstApprover ?? null,
      idempotencyKey: `${KEY_PREFIX}${n}`,
    });
    await db
      .insertInto('request_events')
      .values({
        id: uuidv7(submittedAt.getTime()),
        request_id: id,
        type: 'submitted',
        from_status: 'draft',
        to_status: 'submitted',
        actor_id: people[o.who]!,
        actor_kind: 'user',
        data: '{}',
        visible_to_applicant: true,
        created_at: submittedAt,
      })
      .execute();
    ids.push(id);
    return id;
  };

  // History: decided requests that give each program a distribution of amounts (the outlier test needs one).
  const who = ['maria', 'james', 'priya', 'wei', 'olivia', 'daniel', 'fatima', 'lucas'];
  for (let i = 0; i < 24; i++) {
    const w = who[i % who.length]!;
    await add({
      who: w,
      program: i % 2 ? refund : rebate,
      status: i % 5 === 0 ? 'rejected' : 'paid',
      amount: (i % 2 ? 40_000 : 70_000) + (i % 7) * 2_500,
      daysAgo: 60 + i * 5,
      approved: i % 5 === 0 ? undefined : (i % 2 ? 40_000 : 70_000) + (i % 7) * 2_500,
      acct: await account(w, `10000${i % 8}0001`, 400),
    });
  }
  for (let i = 0; i < 6; i++)
    await add({
      who: who[i]!,
      program: rebate,
      status: 'approved',
      amount: 75_000 + i * 3_000,
      daysAgo: 30 + i,
      approved: 75_000 + i * 3_000,
      acct: await account(who[i]!, `10000${i}0001`, 400),
    });

  // Open work, ordinary.
  await add({
    who: 'maria',
    program: grant,
    status: 'submitted',
    amount: 850_000,
    daysAgo: 1,
    acct: await account('maria', '100000001', 400),
  });
  await add({
    who: 'lucas',
    program: refund,
    status: 'submitted',
    amount: 42_500,
    daysAgo: 16,
    acct: await account('lucas', '100007001', 400),
  }); // overdue
  await add({
    who: 'fatima',
    program: rebate,
    status: 'submitted',
    amount: 68_000,
    daysAgo: 12,
    acct: await account('fatima', '100006001', 400),
  }); // due soon
  await add({
    who: 'daniel',
    program: refund,
    status: 'in_review',
    amount: 39_000,
    daysAgo: 3,
    assigned: true,
    acct: await account('daniel', '100005001', 400),
  });
  const waiting = await add({
    who: 'wei',
    program: rebate,
    status: 'needs_info',
    amount: 72_000,
    daysAgo: 6,
    assigned: true,
    acct: await account('wei', '100003001', 400),
  });
  await db
    .insertInto('request_events')
    .values({
      id: uuidv7(),
      request_id: waiting,
      type: 'info_requested',
      from_status: 'in_review',
      to_status: 'needs_info',
      actor_id: approver,
      actor_kind: 'user',
      data: JSON.stringify({
        question: 'Please upload the contractor invoice that shows the installation date.',
      }),
      visible_to_applicant: true,
    })
    .execute();
  await add({
    who: 'james',
    program: grant,
    status: 'awaiting_second_approval',
    amount: 1_800_000,
    approved: 1_750_000,
    firstApprover: approver,
    daysAgo: 4,
    acct: await account('james', '100001001', 400),
  });

  // Risk examples.
  await add({
    who: 'james',
    program: rebate,
    status: 'submitted',
    amount: 80_000,
    daysAgo: 2,
    acct: await account('james', '123456789', 200),
  }); // shared account
  await add({
    who: 'wei',
    program: refund,
    status: 'submitted',
    amount: 41_000,
    daysAgo: 2,
    acct: await account('wei', '123456789', 150),
  }); // shared account
  await add({
    who: 'olivia',
    program: rebate,
    status: 'submitted',
    amount: 199_500,
    daysAgo: 1,
    acct: await account('olivia', '100004001', 400),
  }); // outlier
  for (const w of ['daniel', 'fatima', 'lucas'])
    await add({
      who: w,
      program: rebate,
      status: 'submitted',
      amount: 71_000,
      daysAgo: 1 + (who.indexOf(w) % 3),
      answers: { homeAddress: '200 Oak Avenue, Apt 4', homeZip: '20001' },
      acct: await account(w, `20000${who.indexOf(w)}0001`, 300),
    }); // same address
  await add({
    who: 'casey',
    program: rebate,
    status: 'in_review',
    amount: 90_000,
    daysAgo: 8,
    assigned: true,
    acct: await account('casey', '300000001', 300),
  });
  await add({
    who: 'casey',
    program: rebate,
    status: 'submitted',
    amount: 90_000,
    daysAgo: 1,
    acct: await account('casey', '300000001', 300),
  }); // duplicate
  await account('priya', '400000001', 300);
  await add({
    who: 'priya',
    program: refund,
    status: 'in_review',
    amount: 44_000,
    daysAgo: 5,
    assigned: true,
    acct: await account('priya', '400000002', 2),
  }); // account changed

  await db.transaction().execute(async (trx) => {
    for (const id of ids)
      await computeRiskSignals(trx, id, { encryptionKey: key, noCascade: true });
  });
  return { requestsCreated: ids.length };
}
