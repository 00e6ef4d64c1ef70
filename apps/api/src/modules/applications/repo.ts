import { sql, type Insertable, type Kysely, type Transaction, type Updateable } from 'kysely';
import type { RequestStatus } from '@hms/contracts/requests';
import type { RequestEventType } from '@hms/contracts/request-events';
import type { Database, Queryable } from '../../platform/db/schema.ts';
import { utcText } from '../../platform/pagination.ts';

const requestColumns = [
  'requests.id',
  'requests.reference',
  'requests.program_id',
  'requests.program_version',
  'requests.applicant_id',
  'requests.status',
  'requests.answers',
  'requests.amount_requested_cents',
  'requests.version',
  'requests.idempotency_key',
  'requests.payee_account_id',
  'requests.assigned_to',
  'requests.completed_steps',
  'requests.submitted_at',
  'requests.due_at',
  'requests.created_at',
  'requests.updated_at',
] as const;

/** Every change to a request moves on its version (what an optimistic write compares) and its updated_at. */
const nextVersion = () => ({ version: sql<number>`version + 1`, updated_at: new Date() });

/** A request of this applicant, or undefined (another person's request reads as absent). */
export async function findOwnRequest(
  db: Queryable,
  applicantId: string,
  requestId: string,
  opts: { lock?: boolean } = {},
) {
  let q = db
    .selectFrom('requests')
    .select(requestColumns)
    .where('requests.id', '=', requestId)
    .where('requests.applicant_id', '=', applicantId);
  if (opts.lock) q = q.forUpdate();
  return q.executeTakeFirst();
}
export type RequestRow = NonNullable<Awaited<ReturnType<typeof findOwnRequest>>>;

export async function findOpenDraft(db: Queryable, applicantId: string, programId: string) {
  return db
    .selectFrom('requests')
    .select(requestColumns)
    .where('applicant_id', '=', applicantId)
    .where('program_id', '=', programId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
}

/** The applicant's most recent requests, newest first: where a phone number they gave before can be found. */
export async function recentRequestsOfApplicant(db: Queryable, applicantId: string, limit: number) {
  return db
    .selectFrom('requests')
    .select(['id', 'program_id', 'program_version', 'answers'])
    .where('applicant_id', '=', applicantId)
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export interface RequestCursor {
  createdAt: string; // microsecond-precision UTC timestamp text, exact as stored
  id: string;
}

const createdAtText = utcText('requests.created_at');

/** "My requests": the applicant's requests with their program's name, newest first, one page after a cursor. */
export async function listRequestsOfApplicant(
  db: Queryable,
  applicantId: string,
  limit: number,
  after: RequestCursor | null,
) {
  let q = db
    .selectFrom('requests')
    .innerJoin('programs', 'programs.id', 'requests.program_id')
    .select([
      'requests.id',
      'requests.reference',
      'requests.program_id',
      'programs.name_en',
      'programs.name_es',
      'requests.status',
      'requests.amount_requested_cents',
      'requests.submitted_at',
      'requests.updated_at',
      createdAtText.as('created_at_text'),
    ])
    .where('requests.applicant_id', '=', applicantId);
  if (after) {
    q = q.where(
      sql<boolean>`(requests.created_at, requests.id) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`,
    );
  }
  return q
    .orderBy('requests.created_at', 'desc')
    .orderBy('requests.id', 'desc')
    .limit(limit + 1)
    .execute();
}

export async function findByIdempotencyKey(db: Queryable, applicantId: string, key: string) {
  return db
    .selectFrom('requests')
    .select(['id', 'status'])
    .where('applicant_id', '=', applicantId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

export async function insertDraft(
  trx: Transaction<Database>,
  row: {
    id: string;
    reference: string;
    programId: string;
    programVersion: number;
    applicantId: string;
    /** What the account already knows (prefilled contact answers); the person can change every one. */
    answers?: Record<string, unknown>;
  },
): Promise<void> {
  await trx
    .insertInto('requests')
    .values({
      id: row.id,
      reference: row.reference,
      program_id: row.programId,
      program_version: row.programVersion,
      applicant_id: row.applicantId,
      status: 'draft',
      answers: JSON.stringify(row.answers ?? {}),
      amount_requested_cents: 0,
      updated_at: new Date(),
    })
    .execute();
}

export async function referenceExists(db: Queryable, reference: string): Promise<boolean> {
  const row = await db
    .selectFrom('requests')
    .select('id')
    .where('reference', '=', reference)
    .executeTakeFirst();
  return row !== undefined;
}

/** Optimistic write: only when the row is still at `version`; returns the new version or null when stale. */
export async function updateDraftIfVersion(
  trx: Transaction<Database>,
  id: string,
  version: number,
  set: {
    answers?: Record<string, unknown>;
    amountRequestedCents?: number;
    completedSteps?: string[];
    payeeAccountId?: string;
    programVersion?: number;
  },
): Promise<number | null> {
  const res = await trx
    .updateTable('requests')
    .set({
      ...(set.answers ? { answers: JSON.stringify(set.answers) } : {}),
      ...(set.amountRequestedCents !== undefined
        ? { amount_requested_cents: set.amountRequestedCents }
        : {}),
      ...(set.completedSteps ? { completed_steps: JSON.stringify(set.completedSteps) } : {}),
      ...(set.payeeAccountId ? { payee_account_id: set.payeeAccountId } : {}),
      ...(set.programVersion !== undefined ? { program_version: set.programVersion } : {}),
      ...nextVersion(),
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'draft')
    .returning('version')
    .executeTakeFirst();
  return res?.version ?? null;
}

export async function markSubmitted(
  trx: Transaction<Database>,
  id: string,
  set: {
    answers: Record<string, unknown>;
    amountRequestedCents: number;
    idempotencyKey: string;
    submittedAt: Date;
    dueAt: Date;
    programVersion: number;
  },
): Promise<void> {
  await trx
    .updateTable('requests')
    .set({
      status: 'submitted',
      program_version: set.programVersion,
      answers: JSON.stringify(set.answers),
      amount_requested_cents: set.amountRequestedCents,
      idempotency_key: set.idempotencyKey,
      submitted_at: set.submittedAt,
      due_at: set.dueAt,
      ...nextVersion(),
    })
    .where('id', '=', id)
    .execute();
}

export async function setStatus(
  trx: Transaction<Database>,
  id: string,
  status: RequestStatus,
  extra: { dueAt?: Date; infoAnsweredAt?: Date } = {},
): Promise<void> {
  await trx
    .updateTable('requests')
    .set({
      status,
      ...(extra.dueAt ? { due_at: extra.dueAt } : {}),
      ...(extra.infoAnsweredAt ? { info_answered_at: extra.infoAnsweredAt } : {}),
      ...nextVersion(),
    })
    .where('id', '=', id)
    .execute();
}

export async function insertPayeeAccount(
  trx: Transaction<Database>,
  row: {
    id: string;
    userId: string;
    holderName: string;
    accountType: 'checking' | 'savings';
    routingNumber: string;
    accountNumberEnc: string;
    last4: string;
    keyId: string;
    /** accountFingerprint(key, routing, account): lets the risk module find the same account across applicants. */
    fingerprint: string;
  },
): Promise<void> {
  await trx
    .insertInto('payee_accounts')
    .values({
      id: row.id,
      user_id: row.userId,
      holder_name: row.holderName,
      account_type: row.accountType,
      routing_number: row.routingNumber,
      account_number_enc: row.accountNumberEnc,
      account_last4: row.last4,
      key_id: row.keyId,
      fingerprint: row.fingerprint,
    })
    .execute();
}

/** The account as it may be shown: never the sealed number. */
export async function findPayeeAccountView(db: Queryable, id: string) {
  return db
    .selectFrom('payee_accounts')
    .select(['holder_name', 'account_type', 'routing_number', 'account_last4'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function applicantTimeline(db: Queryable, requestId: string) {
  return db
    .selectFrom('request_events')
    .select(['id', 'type', 'from_status', 'to_status', 'data', 'created_at'])
    .where('request_id', '=', requestId)
    .where('visible_to_applicant', '=', true)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function lastEventOfType(db: Queryable, requestId: string, type: RequestEventType) {
  return db
    .selectFrom('request_events')
    .select(['id', 'data', 'created_at'])
    .where('request_id', '=', requestId)
    .where('type', '=', type)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Removes a draft and the bank account it named when no other request or payment uses that account. The caller holds
 * the row lock, has checked it is a draft of this applicant, and has removed what else existed only for it.
 */
export async function deleteDraft(
  trx: Transaction<Database>,
  row: { id: string; payee_account_id: string | null },
): Promise<void> {
  await trx.deleteFrom('requests').where('id', '=', row.id).where('status', '=', 'draft').execute();
  if (row.payee_account_id) {
    const accountId = row.payee_account_id;
    await trx
      .deleteFrom('payee_accounts')
      .where('id', '=', accountId)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('requests').select('id').where('payee_account_id', '=', accountId))),
      )
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('payments').select('id').where('payee_account_id', '=', accountId))),
      )
      .execute();
  }
}

/** Locks the request row for the rest of the transaction: concurrent deciders queue here and re-read the version. */
export async function lockForDecision(trx: Transaction<Database>, id: string) {
  const { rows } = await sql<{
    id: string;
    reference: string;
    status: RequestStatus;
    version: number;
    applicant_id: string;
    program_id: string;
    assigned_to: string | null;
    assignee_name: string | null;
    first_approver_id: string | null;
    amount_requested_cents: number;
    approved_amount_cents: number | null;
    payee_account_id: string | null;
    referred_to_senior: boolean;
  }>`
    select r.id, r.reference, r.status, r.version, r.applicant_id, r.program_id, r.assigned_to,
      u.display_name as assignee_name, r.first_approver_id, r.amount_requested_cents::bigint as amount_requested_cents,
      r.approved_amount_cents, r.payee_account_id, r.referred_to_senior
    from requests r left join users u on u.id = r.assigned_to
    where r.id = ${id}::uuid
    for update of r
  `.execute(trx);
  const r = rows[0];
  return r
    ? {
        ...r,
        amount_requested_cents: Number(r.amount_requested_cents),
        approved_amount_cents:
          r.approved_amount_cents === null ? null : Number(r.approved_amount_cents),
      }
    : undefined;
}

export async function applyDecision(
  trx: Transaction<Database>,
  id: string,
  atVersion: number,
  set: {
    status: RequestStatus;
    approved_amount_cents?: number | null;
    first_approver_id?: string | null;
    assigned_to?: string | null;
    decided_at?: Date | null;
    info_answered_at?: null;
  },
) {
  return trx
    .updateTable('requests')
    .set((eb) => ({ ...set, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id)
    .where('version', '=', atVersion)
    .returning(['version', 'status'])
    .executeTakeFirst();
}

/** approved → paid when the request's payment settled; false when the request was not approved (nothing changed). */
export async function markPaid(trx: Transaction<Database>, id: string, at: Date) {
  const row = await trx
    .updateTable('requests')
    .set({ status: 'paid', updated_at: at })
    .where('id', '=', id)
    .where('status', '=', 'approved')
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function markPaymentReturned(trx: Transaction<Database>, id: string, at: Date) {
  await trx
    .updateTable('requests')
    .set({ status: 'payment_returned', updated_at: at })
    .where('id', '=', id)
    .execute();
}

/** Back to approved, paid to the new account (review, reveal and risk read the request's account from here). */
export async function approveToNewAccount(
  trx: Transaction<Database>,
  id: string,
  payeeAccountId: string,
  at: Date,
) {
  await trx
    .updateTable('requests')
    .set({ status: 'approved', payee_account_id: payeeAccountId, updated_at: at })
    .where('id', '=', id)
    .execute();
}

export async function setRiskLevel(
  trx: Transaction<Database>,
  id: string,
  level: 'none' | 'low' | 'medium' | 'high',
  at: Date,
) {
  await trx
    .updateTable('requests')
    .set({ risk_level: level, risk_computed_at: at })
    .where('id', '=', id)
    .execute();
}

export async function setPayeeFingerprint(
  trx: Transaction<Database>,
  accountId: string,
  fingerprint: string,
) {
  await trx
    .updateTable('payee_accounts')
    .set({ fingerprint })
    .where('id', '=', accountId)
    .execute();
}

/** The sealed numbers of these accounts, to be opened only where a file to the bank is written. */
export async function sealedAccountNumbers(db: Queryable, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('payee_accounts')
    .select(['id', 'routing_number', 'account_number_enc'])
    .where('id', 'in', ids)
    .execute();
}

/** A request's state and who holds it (with their name), for claiming, releasing or reassigning it. */
export async function requestForAssignment(db: Queryable, id: string) {
  return db
    .selectFrom('requests')
    .leftJoin('users as asg', 'asg.id', 'requests.assigned_to')
    .select([
      'requests.id',
      'requests.reference',
      'requests.status',
      'requests.applicant_id',
      'requests.assigned_to',
      'requests.first_approver_id',
      'requests.version',
      'requests.referred_to_senior',
      'asg.display_name as assignee_name',
    ])
    .where('requests.id', '=', id)
    .executeTakeFirst();
}

/** A request's state and people, for a reviewer's action on it (a comment, revealing the account). */
export async function requestBrief(db: Queryable, id: string) {
  return db
    .selectFrom('requests')
    .select([
      'id',
      'reference',
      'applicant_id',
      'status',
      'payee_account_id',
      'assigned_to',
      'first_approver_id',
    ])
    .where('id', '=', id)
    .executeTakeFirst() as Promise<
    | {
        id: string;
        reference: string;
        applicant_id: string;
        status: RequestStatus;
        payee_account_id: string | null;
        assigned_to: string | null;
        first_approver_id: string | null;
      }
    | undefined
  >;
}

/** One payee account with its sealed number: only for showing the full number to a reviewer, audited. */
export async function sealedPayeeAccount(db: Queryable, id: string) {
  return db
    .selectFrom('payee_accounts')
    .select(['id', 'routing_number', 'account_number_enc', 'account_last4'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A correction from the bank (a notification of change) written onto the account. */
export async function correctPayeeAccount(
  trx: Transaction<Database>,
  id: string,
  set: Partial<
    Pick<
      Database['payee_accounts'],
      | 'routing_number'
      | 'account_type'
      | 'holder_name'
      | 'account_number_enc'
      | 'key_id'
      | 'account_last4'
      | 'fingerprint'
    >
  >,
) {
  if (Object.keys(set).length === 0) return;
  await trx.updateTable('payee_accounts').set(set).where('id', '=', id).execute();
}

/** Demo data only: a payee account as given (an existing id is left alone). */
export async function insertDemoPayeeAccount(
  db: Queryable,
  row: Insertable<Database['payee_accounts']>,
): Promise<void> {
  await db
    .insertInto('payee_accounts')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/**
 * Demo data only: a request in any state, as given. Returns its id, or the id of the applicant's request that already
 * has this idempotency key.
 */
export async function insertDemoRequest(
  db: Queryable,
  row: Insertable<Database['requests']> & { idempotency_key: string | null },
): Promise<string> {
  const inserted = await db
    .insertInto('requests')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['applicant_id', 'idempotency_key'])
        .where('idempotency_key', 'is not', null)
        .doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  if (inserted) return inserted.id;
  const existing = await db
    .selectFrom('requests')
    .select('id')
    .where('applicant_id', '=', row.applicant_id)
    .where('idempotency_key', '=', row.idempotency_key ?? '')
    .executeTakeFirstOrThrow();
  return existing.id;
}

/**
 * A reviewer takes the request: the conditional write makes concurrent claims safe (only one UPDATE can see
 * assigned_to IS NULL), and nobody claims their own request.
 */
export async function claimForReview(trx: Transaction<Database>, id: string, userId: string) {
  const { rows } = await sql<{ id: string; status: RequestStatus; version: number }>`
    update requests
    set assigned_to = ${userId}::uuid,
      status = case when status = 'submitted' then 'in_review' else status end,
      version = version + 1, updated_at = now()
    where id = ${id}::uuid and assigned_to is null
      and status in ('submitted', 'awaiting_second_approval') and applicant_id <> ${userId}::uuid
    returning id, status, version
  `.execute(trx);
  return rows[0];
}

/** The holder hands the request back to the pool (back to submitted when it was in review). */
export async function releaseFromReview(trx: Transaction<Database>, id: string, holderId: string) {
  const { rows } = await sql<{ id: string; status: RequestStatus; version: number }>`
    update requests
    set assigned_to = null,
      status = case when status = 'in_review' then 'submitted' else status end,
      version = version + 1, updated_at = now()
    where id = ${id}::uuid and assigned_to = ${holderId}::uuid
    returning id, status, version
  `.execute(trx);
  return rows[0];
}

/** How many open requests `holderId` holds in the approvals queue. */
export async function countClaimsOf(db: Kysely<Database>, holderId: string): Promise<number> {
  const row = await db
    .selectFrom('requests')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('assigned_to', '=', holderId)
    .where('status', 'in', ['submitted', 'in_review', 'awaiting_second_approval', 'needs_info'])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Every open request `holderId` holds goes back to the queue (the person was deactivated): unassigned, and back to
 * submitted when it was in review. Returns each request's status before and after.
 */
export async function releaseAllClaimsOf(trx: Transaction<Database>, holderId: string) {
  const { rows } = await sql<{
    id: string;
    reference: string;
    from_status: RequestStatus;
    status: RequestStatus;
    version: number;
  }>`
    with held as (
      select id, status from requests
      where assigned_to = ${holderId}::uuid
        and status in ('submitted', 'in_review', 'awaiting_second_approval', 'needs_info')
      order by id
      for update
    )
    update requests r
    set assigned_to = null,
      status = case when r.status = 'in_review' then 'submitted' else r.status end,
      version = r.version + 1, updated_at = now()
    from held
    where r.id = held.id
    returning r.id, r.reference, held.status as from_status, r.status, r.version
  `.execute(trx);
  return rows;
}

/** A senior approver moves the request from its holder (or nobody) to `toId`, if the holder is still `fromId`. */
export async function reassignReview(
  trx: Transaction<Database>,
  id: string,
  fromId: string | null,
  toId: string,
) {
  const { rows } = await sql<{ id: string; status: RequestStatus; version: number }>`
    update requests
    set assigned_to = ${toId}::uuid,
      status = case when status = 'submitted' then 'in_review' else status end,
      version = version + 1, updated_at = now()
    where id = ${id}::uuid and assigned_to is not distinct from ${fromId}::uuid
      and status in ('submitted', 'in_review', 'awaiting_second_approval', 'needs_info')
    returning id, status, version
  `.execute(trx);
  return rows[0];
}

// ---- Practice space (issue 11 item 9): requests in programs marked practice.

const inPracticeProgram = sql<boolean>`exists (select 1 from programs p where p.id = requests.program_id and p.practice)`;

/** Whether the request is in a practice program (training data); false for an unknown id. */
export async function isPracticeRequest(db: Queryable, requestId: string): Promise<boolean> {
  const row = await db
    .selectFrom('requests')
    .select(inPracticeProgram.as('practice'))
    .where('id', '=', requestId)
    .executeTakeFirst();
  return row?.practice === true;
}

/** Every practice request (optionally of one program), with its applicant and bank accounts, locked. */
export async function lockPracticeRequests(trx: Transaction<Database>, programId?: string) {
  let q = trx
    .selectFrom('requests')
    .select(['id', 'applicant_id', 'payee_account_id'])
    .where(inPracticeProgram);
  if (programId) q = q.where('program_id', '=', programId);
  return q.forUpdate().execute();
}

/** How many practice requests each practice program holds, by status. */
export async function practiceCounts(db: Queryable) {
  return db
    .selectFrom('requests')
    .select(['program_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where(inPracticeProgram)
    .groupBy(['program_id', 'status'])
    .execute();
}

/** How many requests (any state, drafts too) a program holds. */
export async function countRequestsOfProgram(db: Queryable, programId: string): Promise<number> {
  const row = await db
    .selectFrom('requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('program_id', '=', programId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Deletes these practice requests and every bank account of their (practice) applicants. Only rows of practice
 * programs and practice users are touched, whatever ids are passed.
 */
export async function deletePracticeRequests(
  trx: Transaction<Database>,
  requestIds: readonly string[],
  applicantIds: readonly string[],
): Promise<number> {
  let deleted = 0;
  if (requestIds.length > 0) {
    const res = await trx
      .deleteFrom('requests')
      .where('id', 'in', requestIds)
      .where(inPracticeProgram)
      .executeTakeFirst();
    deleted = Number(res.numDeletedRows);
  }
  if (applicantIds.length > 0) {
    await trx
      .deleteFrom('payee_accounts')
      .where('user_id', 'in', applicantIds)
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('users')
            .select('users.id')
            .whereRef('users.id', '=', 'payee_accounts.user_id')
            .where('users.practice', '=', true),
        ),
      )
      .execute();
  }
  return deleted;
}
/** The answers of every submitted request of a program (never drafts), for the eligibility preview of its rules. */
export async function submittedAnswersOfProgram(db: Kysely<Database>, programId: string) {
  return db
    .selectFrom('requests')
    .select(['id', 'answers', 'submitted_at', 'created_at'])
    .where('program_id', '=', programId)
    .where('status', '<>', 'draft')
    .execute();
}

// ── Imports (issue 12): payee accounts and requests brought in from an agency's old system.

export async function insertPayeeAccounts(
  trx: Transaction<Database>,
  rows: ReadonlyArray<Insertable<Database['payee_accounts']>>,
): Promise<void> {
  if (rows.length === 0) return;
  await trx.insertInto('payee_accounts').values(rows).execute();
}

/** Each person's most recent payee account (the one an imported request is paid to). */
export async function latestPayeeAccountsOf(db: Queryable, userIds: readonly string[]) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('payee_accounts')
    .distinctOn('user_id')
    .select(['user_id', 'id'])
    .where('user_id', 'in', userIds)
    .orderBy('user_id')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Who holds accounts with these fingerprints (the same bank account, whoever typed it). */
export async function payeeAccountOwnersByFingerprint(
  db: Queryable,
  fingerprints: readonly string[],
) {
  if (fingerprints.length === 0) return [];
  return db
    .selectFrom('payee_accounts')
    .select(['fingerprint', 'user_id'])
    .where('fingerprint', 'in', fingerprints)
    .execute();
}

export async function existingReferences(db: Queryable, references: readonly string[]) {
  if (references.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('requests')
    .select('reference')
    .where('reference', 'in', references)
    .execute();
  return new Set(rows.map((r) => r.reference));
}

export async function insertRequests(
  trx: Transaction<Database>,
  rows: ReadonlyArray<Insertable<Database['requests']>>,
): Promise<void> {
  if (rows.length === 0) return;
  await trx.insertInto('requests').values(rows).execute();
}

export async function updateImportedRequest(
  trx: Transaction<Database>,
  id: string,
  set: Updateable<Database['requests']>,
): Promise<void> {
  await trx
    .updateTable('requests')
    .set({ ...set, ...nextVersion() })
    .where('id', '=', id)
    .execute();
}

/** What an update of imported requests must know of each: its state, amounts and reference. */
export async function requestStates(db: Queryable, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('requests')
    .select(['id', 'reference', 'status', 'amount_requested_cents', 'approved_amount_cents'])
    .where('id', 'in', ids)
    .execute();
}

/** Demo data only: approved or paid requests with a payee account and no payment at all. */
export function finalRequestsWithoutPayment(db: Queryable) {
  return db
    .selectFrom('requests as r')
    .select([
      'r.id',
      'r.status',
      'r.payee_account_id',
      'r.approved_amount_cents',
      'r.decided_at',
      'r.updated_at',
    ])
    .where('r.status', 'in', ['approved', 'paid'])
    .where('r.payee_account_id', 'is not', null)
    .where('r.approved_amount_cents', '>', 0)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('payments as p').select('p.id').whereRef('p.request_id', '=', 'r.id'))),
    )
    .execute();
}

/** Demo data only: whether a request's idempotency key starts with `prefix` (a demo seed already ran). */
export async function hasRequestWithKeyPrefix(db: Queryable, prefix: string): Promise<boolean> {
  const row = await db
    .selectFrom('requests')
    .select('id')
    .where('idempotency_key', 'like', `${prefix}%`)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** How many of an applicant's other requests were approved (approved, paid, or paid and returned). */
export async function approvedRequestsOfApplicant(
  db: Queryable,
  applicantId: string,
  exceptRequestId: string,
): Promise<number> {
  const row = await db
    .selectFrom('requests')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('applicant_id', '=', applicantId)
    .where('id', '<>', exceptRequestId)
    .where('status', 'in', ['approved', 'paid', 'payment_returned'])
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** A decision rule referred the request to a senior approver: only one may take or decide it from now on. */
export async function markReferredToSenior(trx: Transaction<Database>, id: string): Promise<void> {
  await trx
    .updateTable('requests')
    .set({ referred_to_senior: true })
    .where('id', '=', id)
    .execute();
}
