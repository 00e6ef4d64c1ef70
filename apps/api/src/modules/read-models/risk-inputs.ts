import { sql } from 'kysely';
import type { Queryable } from '../../platform/db/schema.ts';

// Read model "risk inputs": what the risk rules (risk/service.ts#computeRiskSignals) weigh about a request, read from
// the applications module's requests and payee_accounts and, for the account used before, the payments. It writes
// nothing; the signals themselves are the risk module's.

export async function requestForRisk(db: Queryable, requestId: string) {
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
  db: Queryable,
  fingerprint: string,
  applicantId: string,
) {
  const { rows } = await sql<{ n: number }>`
    select count(distinct user_id)::int as n from payee_accounts
    where fingerprint = ${fingerprint} and user_id <> ${applicantId}::uuid
  `.execute(db);
  return rows[0]?.n ?? 0;
}

/**
 * Median, MAD and the 10th/90th percentiles of the amounts of the program's most recent past requests (a bounded
 * window keeps it fast). The percentiles give people a typical range to compare with; the MAD drives the rule.
 */
export async function programAmountStats(
  db: Queryable,
  programId: string,
  excludeId: string,
  window = 5000,
) {
  const { rows } = await sql<{
    n: number;
    median: number | null;
    mad: number | null;
    p10: number | null;
    p90: number | null;
  }>`
    with s as (
      select amount_requested_cents::float8 as a from requests
      where program_id = ${programId}::uuid and status <> 'draft' and id <> ${excludeId}::uuid
      order by submitted_at desc nulls last, id desc
      limit ${window}
    ), m as (
      select percentile_cont(0.5) within group (order by a) as median,
        percentile_cont(0.1) within group (order by a) as p10,
        percentile_cont(0.9) within group (order by a) as p90
      from s
    )
    select (select count(*) from s)::int as n, m.median, m.p10, m.p90,
      (select percentile_cont(0.5) within group (order by abs(s.a - m.median)) from s) as mad
    from m
  `.execute(db);
  return rows[0] ?? { n: 0, median: null, mad: null, p10: null, p90: null };
}

export async function requestsWithFingerprintSince(
  db: Queryable,
  fingerprint: string,
  since: Date,
) {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from requests r join payee_accounts pa on pa.id = r.payee_account_id
    where pa.fingerprint = ${fingerprint} and r.status <> 'draft' and r.submitted_at >= ${since}
  `.execute(db);
  return rows[0]?.n ?? 0;
}

export async function requestsWithAddressSince(
  db: Queryable,
  key: string,
  address: string,
  since: Date,
) {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from requests
    where status <> 'draft' and submitted_at >= ${since}
      and btrim(regexp_replace(lower(answers ->> ${key}), '[^a-z0-9]+', ' ', 'g')) = ${address}
  `.execute(db);
  return rows[0]?.n ?? 0;
}

export async function duplicatesOf(
  db: Queryable,
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

/**
 * The payee account this person used last before this request: the account of their latest other request submitted
 * before it, or an account an earlier payment of this very request went to (a returned payment's, before the citizen
 * gave a new one). Drafts are not "used": a draft that was never sent says nothing about the person's account.
 */
export async function previousAccountOf(
  db: Queryable,
  o: { applicantId: string; requestId: string; accountId: string; before: Date },
) {
  const { rows } = await sql<{
    id: string;
    fingerprint: string | null;
    account_last4: string;
    account_number_enc: string;
    routing_number: string;
  }>`
    select pa.id, pa.fingerprint, pa.account_last4, pa.account_number_enc, pa.routing_number
    from (
      select r.payee_account_id as account_id, r.submitted_at as at from requests r
      where r.applicant_id = ${o.applicantId}::uuid and r.id <> ${o.requestId}::uuid
        and r.status <> 'draft' and r.payee_account_id is not null and r.submitted_at < ${o.before}
      union all
      select p.payee_account_id, p.created_at from payments p where p.request_id = ${o.requestId}::uuid
    ) used join payee_accounts pa on pa.id = used.account_id
    where pa.id <> ${o.accountId}::uuid
    order by used.at desc
    limit 1
  `.execute(db);
  return rows[0];
}

/** When this person first gave an account with this fingerprint (every draft writes a new row for the same account). */
export async function firstGivenAt(db: Queryable, applicantId: string, fingerprint: string) {
  const { rows } = await sql<{ at: Date | string | null }>`
    select min(created_at) as at from payee_accounts
    where user_id = ${applicantId}::uuid and fingerprint = ${fingerprint}
  `.execute(db);
  return rows[0]?.at ? new Date(rows[0].at) : null;
}

export async function openRequestsSharingFingerprint(
  db: Queryable,
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
