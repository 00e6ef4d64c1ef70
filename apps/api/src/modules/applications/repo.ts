import { sql, type Kysely, type Transaction } from 'kysely';
import type { RequestStatus } from '@hms/contracts/requests';
import type { RequestEventType } from '@hms/contracts/request-events';
import type { Database } from '../../platform/db/schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

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

/** A request of this applicant, or undefined (another person's request reads as absent). */
export async function findOwnRequest(
  db: Q,
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

export async function findOpenDraft(db: Q, applicantId: string, programId: string) {
  return db
    .selectFrom('requests')
    .select(requestColumns)
    .where('applicant_id', '=', applicantId)
    .where('program_id', '=', programId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
}

/** The applicant's most recent requests, newest first: where a phone number they gave before can be found. */
export async function recentRequestsOfApplicant(db: Q, applicantId: string, limit: number) {
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

// created_at is rendered as text with microseconds: a JS Date would drop them and the cursor would skip rows.
const createdAtText = sql<string>`to_char(requests.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** "My requests": the applicant's requests with their program's name, newest first, one page after a cursor. */
export async function listRequestsOfApplicant(
  db: Q,
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

export async function findByIdempotencyKey(db: Q, applicantId: string, key: string) {
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

export async function referenceExists(db: Q, reference: string): Promise<boolean> {
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
      version: sql<number>`version + 1`,
      updated_at: new Date(),
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
      version: sql<number>`version + 1`,
      updated_at: new Date(),
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
      version: sql<number>`version + 1`,
      updated_at: new Date(),
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
export async function findPayeeAccountView(db: Q, id: string) {
  return db
    .selectFrom('payee_accounts')
    .select(['holder_name', 'account_type', 'routing_number', 'account_last4'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function applicantTimeline(db: Q, requestId: string) {
  return db
    .selectFrom('request_events')
    .select(['id', 'type', 'from_status', 'to_status', 'data', 'created_at'])
    .where('request_id', '=', requestId)
    .where('visible_to_applicant', '=', true)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function lastEventOfType(db: Q, requestId: string, type: RequestEventType) {
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
 * Removes a draft and everything that only existed for it: its files, its (hidden) timeline, and the bank account it
 * named when no other request or payment uses that account. The caller holds the row lock and has checked it is a
 * draft of this applicant.
 */
export async function deleteDraft(
  trx: Transaction<Database>,
  row: { id: string; payee_account_id: string | null },
): Promise<void> {
  await trx.deleteFrom('documents').where('request_id', '=', row.id).execute();
  await trx.deleteFrom('notifications').where('request_id', '=', row.id).execute();
  await trx.deleteFrom('request_events').where('request_id', '=', row.id).execute();
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
