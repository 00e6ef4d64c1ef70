import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export async function requestForRisk(db: Db, requestId: string) {
  return db
    .selectFrom('requests')
    .leftJoin('payee_accounts', 'payee_accounts.id', 'requests.payee_account_id')
    .select([
      'requests.id',
      'requests.reference',
      'requests.applicant_id',
      'requests.program_id',
      'requests.status',
      'requests.amount_requested_cents',
      'requests.answers',
      'requests.submitted_at',
      'requests.created_at',
      'requests.risk_level',
      'requests.payee_account_id',
      'payee_accounts.fingerprint',
      'payee_accounts.account_last4',
      'payee_accounts.created_at as account_created_at',
      'payee_accounts.account_number_enc',
      'payee_accounts.routing_number',
    ])
    .where('requests.id', '=', requestId)
    .executeTakeFirst();
}

export async function otherApplicantsWithFingerprint(
  db: Db,
  fingerprint: string,
  applicantId: string,
) {
  const { rows } = await sql<{ n: number }>`
    select count(distinct user_id)::int as n from payee_accounts
    where fingerprint = ${fingerprint} and user_id <> ${applicantId}::uuid
  `.execute(db);
  return rows[0]?.n ?? 0;
}

/** Median and MAD of the amounts of the program's most recent past requests (a bounded window keeps it fast). */
export async function programAmountStats(
  db: Db,
  programId: string,
  excludeId: string,
  window = 5000,
) {
  const { rows } = await sql<{ n: number; median: number | null; mad: number | null }>`
    with s as (
      select amount_requested_cents::float8 as a from requests
      where program_id = ${programId}::uuid and status <> 'draft' and id <> ${excludeId}::uuid
      order by submitted_at desc nulls last, id desc
      limit ${window}
    ), m as (select percentile_cont(0.5) within group (order by a) as median from s)
    select (select count(*) from s)::int as n, m.median,
      (select percentile_cont(0.5) within group (order by abs(s.a - m.median)) from s) as mad
    from m
  `.execute(db);
  return rows[0] ?? { n: 0, median: null, mad: null };
}

export async function requestsWithFingerprintSince(db: Db, fingerprint: string, since: Date) {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from requests r join payee_accounts pa on pa.id = r.payee_account_id
    where pa.fingerprint = ${fingerprint} and r.status <> 'draft' and r.submitted_at >= ${since}
  `.execute(db);
  return rows[0]?.n ?? 0;
}

export async function requestsWithAddressSince(db: Db, key: string, address: string, since: Date) {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from requests
    where status <> 'draft' and submitted_at >= ${since}
      and btrim(regexp_replace(lower(answers ->> ${key}), '[^a-z0-9]+', ' ', 'g')) = ${address}
  `.execute(db);
  return rows[0]?.n ?? 0;
}

export async function duplicatesOf(
  db: Db,
  applicantId: string,
  programId: string,
  excludeId: string,
) {
  return db
    .selectFrom('requests')
    .select(['id', 'reference', 'status', 'submitted_at'])
    .where('applicant_id', '=', applicantId)
    .where('program_id', '=', programId)
    .where('id', '<>', excludeId)
    .where('status', 'not in', ['draft', 'withdrawn', 'rejected'])
    .orderBy('submitted_at', 'desc')
    .limit(5)
    .execute();
}

export async function olderAccountsOf(
  db: Db,
  applicantId: string,
  before: Date | string,
  excludeId: string,
) {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from payee_accounts
    where user_id = ${applicantId}::uuid and id <> ${excludeId}::uuid and created_at < ${before}
  `.execute(db);
  return rows[0]?.n ?? 0;
}

export async function lastAccountUpdateEvent(db: Db, requestId: string) {
  return db
    .selectFrom('request_events')
    .select('created_at')
    .where('request_id', '=', requestId)
    .where('type', '=', 'account_updated')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function replaceSignals(
  trx: Transaction<Database>,
  requestId: string,
  signals: Array<{
    kind: string;
    level: 'low' | 'medium' | 'high';
    explanation: string;
    data: Record<string, unknown>;
  }>,
  level: 'none' | 'low' | 'medium' | 'high',
  now: Date,
) {
  await trx.deleteFrom('risk_signals').where('request_id', '=', requestId).execute();
  if (signals.length > 0) {
    await trx
      .insertInto('risk_signals')
      .values(
        signals.map((s) => ({
          request_id: requestId,
          kind: s.kind,
          level: s.level,
          explanation: s.explanation,
          data: JSON.stringify(s.data),
          computed_at: now,
        })),
      )
      .execute();
  }
  await trx
    .updateTable('requests')
    .set({ risk_level: level, risk_computed_at: now })
    .where('id', '=', requestId)
    .execute();
}

export async function signalsOf(db: Db, requestId: string) {
  return db
    .selectFrom('risk_signals')
    .selectAll()
    .where('request_id', '=', requestId)
    .orderBy('kind')
    .execute();
}

export async function openRequestsSharingFingerprint(
  db: Db,
  fingerprint: string,
  excludeId: string,
) {
  const { rows } = await sql<{ id: string }>`
    select r.id from requests r join payee_accounts pa on pa.id = r.payee_account_id
    where pa.fingerprint = ${fingerprint} and r.id <> ${excludeId}::uuid
      and r.status in ('submitted', 'in_review', 'needs_info', 'awaiting_second_approval')
    limit 50
  `.execute(db);
  return rows.map((r) => r.id);
}

export async function setFingerprint(
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
