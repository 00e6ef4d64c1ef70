import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { addBusinessDays, toZonedDate, startOfZonedDay } from '@hms/contracts/business-days';
import type { RequestStatus } from '@hms/contracts/requests';
import type { Database } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { hashPassword } from '../../platform/auth/password.ts';
import { insertPastRequestEvent } from '../../platform/request-events.ts';
import * as requests from '../applications/service.ts';
import * as auth from '../auth/service.ts';
import { computeRiskSignals } from '../risk/service.ts';
import { demoAnswers } from './demo-answers.ts';
import { insertPayeeAccount, insertRequest, programBySlug, userIdByEmail } from './demo-rows.ts';

const DAY = 86_400_000;
const KEY_PREFIX = 'demo-approvals:';

/** The people with open requests in the demo inbox (key: lower-case first name). */
const APPLICANTS = [
  ['maria.lopez@example.com', 'Maria Lopez'],
  ['james.carter@example.com', 'James Carter'],
  ['priya.patel@example.com', 'Priya Patel'],
  ['wei.chen@example.com', 'Wei Chen'],
  ['olivia.brown@example.com', 'Olivia Brown'],
  ['daniel.kim@example.com', 'Daniel Kim'],
  ['fatima.ali@example.com', 'Fatima Ali'],
  ['lucas.silva@example.com', 'Lucas Silva'],
  ['ana.garcia@example.com', 'Ana Garcia'],
  ['omar.haddad@example.com', 'Omar Haddad'],
  ['grace.okafor@example.com', 'Grace Okafor'],
  ['noah.smith@example.com', 'Noah Smith'],
  ['sofia.rossi@example.com', 'Sofia Rossi'],
  ['ethan.nguyen@example.com', 'Ethan Nguyen'],
  ['chloe.martin@example.com', 'Chloe Martin'],
  ['samuel.osei@example.com', 'Samuel Osei'],
  ['isabel.torres@example.com', 'Isabel Torres'],
  ['liam.walsh@example.com', 'Liam Walsh'],
  ['mateo.ruiz@example.com', 'Mateo Ruiz'],
  ['hannah.cohen@example.com', 'Hannah Cohen'],
] as const;
const SPANISH = new Set(['maria', 'isabel', 'mateo']);

/** People whose requests were decided before the demo starts (key: past0…): they give each program its history. */
const PAST_FIRST = ['Aisha', 'Ben', 'Carmen', 'Diego', 'Elena', 'Farid', 'Gloria', 'Hugo'];
const PAST_LAST = ['Moreno', 'Baker', 'Reyes', 'Hughes', 'Costa', 'Park', 'Dubois', 'Ortiz'];
const PAST = Array.from({ length: 30 }, (_, i) => {
  const first = PAST_FIRST[i % 8]!;
  const last = PAST_LAST[(i + Math.floor(i / 8) * 3) % 8]!;
  return [
    `${first}.${last}${i >= 8 ? i : ''}@example.com`.toLowerCase(),
    `${first} ${last}`,
  ] as const;
});

export async function seedApprovalsDemo(
  db: Kysely<Database>,
  opts: { timeZone: string; encryptionKey?: Buffer | undefined },
): Promise<{ requestsCreated: number }> {
  const key = opts.encryptionKey;
  if (!key) return { requestsCreated: 0 };
  if (await requests.hasRequestWithKeyPrefix(db, KEY_PREFIX)) return { requestsCreated: 0 };

  const people: Record<string, string> = {};
  const named: Record<string, { email: string; name: string }> = {};
  const hash = await hashPassword(randomBytes(24).toString('base64url'));
  const everyone = [
    ...APPLICANTS.map(([email, name]) => [name.split(' ')[0]!.toLowerCase(), email, name] as const),
    ...PAST.map(([email, name], i) => [`past${i}`, email, name] as const),
  ];
  for (const [who, email, name] of everyone) {
    people[who] = await auth.ensureDemoUser(db, {
      email,
      passwordHash: hash,
      displayName: name,
      language: SPANISH.has(who) ? 'es' : 'en',
      role: 'citizen',
    });
    named[who] = { email, name };
  }
  people.casey = await userIdByEmail(db, 'citizen@example.gov');
  named.casey = { email: 'citizen@example.gov', name: 'Casey Citizen' };
  const approver = await userIdByEmail(db, 'approver@example.gov');
  const rebate = await programBySlug(db, 'home-energy-rebate');
  const grant = await programBySlug(db, 'small-business-relief');
  const refund = await programBySlug(db, 'permit-fee-refund');

  const now = Date.now();
  // Everyone has a bank account of their own (nobody shares one unless a risk example says so). Each use writes a
  // payee-account row, as each application's bank step does, so a returning applicant has several rows for the
  // same account: the "bank account changed" rule must compare fingerprints, not count rows.
  const ownAccount = (who: string) =>
    who === 'casey'
      ? '300000001'
      : who === 'priya'
        ? '400000001'
        : `${who.startsWith('past') ? 5 : 1}${String(everyone.findIndex(([w]) => w === who)).padStart(3, '0')}00001`;
  const account = async (who: string, o: { number?: string; ageDays: number }) =>
    insertPayeeAccount(db, {
      userId: people[who]!,
      encryptionKey: key,
      account: o.number ?? ownAccount(who),
      holderName: named[who]!.name,
      createdAt: new Date(now - o.ageDays * DAY),
    });
  const dueFrom = (submitted: Date, days: number) =>
    startOfZonedDay(addBusinessDays(toZonedDate(submitted, opts.timeZone), days), opts.timeZone, 1);

  let n = 0;
  const ids: string[] = [];
  const add = async (o: {
    who: string;
    program: typeof rebate;
    status: RequestStatus;
    amount: number;
    daysAgo: number;
    /** Another account than the person's own (a risk example). */
    accountNumber?: string;
    accountAgeDays?: number;
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
      payeeAccountId: await account(o.who, {
        ...(o.accountNumber ? { number: o.accountNumber } : {}),
        ageDays: o.accountAgeDays ?? o.daysAgo + 1,
      }),
      answers: {
        ...demoAnswers(o.program.slug, named[o.who]!, o.amount, submittedAt),
        ...o.answers,
      },
      assignedTo: o.assigned ? approver : null,
      approvedAmountCents: o.approved ?? null,
      firstApproverId: o.firstApprover ?? null,
      idempotencyKey: `${KEY_PREFIX}${n}`,
    });
    await insertPastRequestEvent(db, {
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
    });
    ids.push(id);
    return id;
  };

  // History: decided requests by past applicants, one each, that give each program a distribution of amounts (the
  // outlier test needs twenty). They are not in the inbox.
  for (let i = 0; i < 24; i++) {
    // Permit fees refunded run from about $100 to $600; rebates from $700 to $850.
    const amount = i % 2 ? 10_000 + ((i * 37) % 11) * 5_000 : 70_000 + (i % 7) * 2_500;
    await add({
      who: `past${i}`,
      program: i % 2 ? refund : rebate,
      status: i % 5 === 0 ? 'rejected' : 'paid',
      amount,
      daysAgo: 60 + i * 5,
      ...(i % 5 === 0 ? {} : { approved: amount }),
    });
  }
  for (let i = 0; i < 6; i++)
    await add({
      who: `past${24 + i}`,
      program: rebate,
      status: 'approved',
      amount: 75_000 + i * 3_000,
      daysAgo: 30 + i,
      approved: 75_000 + i * 3_000,
    });
  // Returning applicants, paid before into the account they use again now (no signal: same account).
  for (const [who, program, daysAgo, amount] of [
    ['maria', refund, 200, 45_000],
    ['wei', refund, 150, 42_500],
    ['olivia', refund, 180, 47_500],
    ['sofia', rebate, 120, 76_000],
    ['priya', rebate, 100, 72_500],
    // Gets paid into the account Samuel gives below (the shared-account example).
    ['hannah', refund, 100, 41_000],
  ] as const)
    await add({
      who,
      program,
      status: 'paid',
      amount,
      daysAgo,
      approved: amount,
      ...(who === 'hannah' ? { accountNumber: '123456789' } : {}),
    });

  // Open work, ordinary.
  await add({ who: 'maria', program: grant, status: 'submitted', amount: 850_000, daysAgo: 1 });
  await add({ who: 'lucas', program: refund, status: 'submitted', amount: 42_500, daysAgo: 16 }); // overdue
  await add({ who: 'fatima', program: rebate, status: 'submitted', amount: 68_000, daysAgo: 12 }); // due soon
  await add({
    who: 'daniel',
    program: refund,
    status: 'in_review',
    amount: 39_000,
    daysAgo: 3,
    assigned: true,
  });
  const waiting = await add({
    who: 'wei',
    program: rebate,
    status: 'needs_info',
    amount: 72_000,
    daysAgo: 6,
    assigned: true,
  });
  await insertPastRequestEvent(db, {
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
  });
  await add({
    who: 'james',
    program: grant,
    status: 'awaiting_second_approval',
    amount: 1_800_000,
    approved: 1_750_000,
    firstApprover: approver,
    daysAgo: 4,
  });
  await add({ who: 'ana', program: rebate, status: 'submitted', amount: 74_000, daysAgo: 2 });
  await add({ who: 'omar', program: refund, status: 'submitted', amount: 47_000, daysAgo: 5 });
  await add({
    who: 'grace',
    program: rebate,
    status: 'in_review',
    amount: 81_500,
    daysAgo: 7,
    assigned: true,
  });
  await add({ who: 'noah', program: grant, status: 'submitted', amount: 620_000, daysAgo: 3 });
  await add({ who: 'sofia', program: refund, status: 'submitted', amount: 41_500, daysAgo: 9 });
  await add({ who: 'ethan', program: rebate, status: 'submitted', amount: 77_000, daysAgo: 4 });
  await add({ who: 'chloe', program: refund, status: 'submitted', amount: 52_000, daysAgo: 2 });

  // Risk examples, one of each signal.
  await add({
    who: 'samuel',
    program: rebate,
    status: 'submitted',
    amount: 80_000,
    daysAgo: 2,
    accountNumber: '123456789',
  }); // shared account (Hannah Cohen was paid into it)
  await add({ who: 'olivia', program: rebate, status: 'submitted', amount: 199_500, daysAgo: 1 }); // outlier
  for (const [i, w] of ['isabel', 'liam', 'mateo'].entries())
    await add({
      who: w,
      program: rebate,
      status: 'submitted',
      amount: 71_000,
      daysAgo: 1 + i,
      answers: { homeAddress: '200 Oak Avenue, Apt 4', homeZip: '20001' },
    }); // same address
  await add({
    who: 'casey',
    program: rebate,
    status: 'in_review',
    amount: 90_000,
    daysAgo: 8,
    assigned: true,
  });
  await add({ who: 'casey', program: rebate, status: 'submitted', amount: 90_000, daysAgo: 1 }); // duplicate
  await add({
    who: 'priya',
    program: refund,
    status: 'in_review',
    amount: 44_000,
    daysAgo: 5,
    assigned: true,
    accountNumber: '400000002',
    accountAgeDays: 6,
  }); // account changed (paid into 400000001 before)

  await db.transaction().execute(async (trx) => {
    for (const id of ids)
      await computeRiskSignals(trx, id, { encryptionKey: key, noCascade: true });
  });
  return { requestsCreated: ids.length };
}
