import { sql, type Transaction } from 'kysely';
import type { RequestStatus } from '@hms/contracts/requests';
import type { Database, Queryable } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { deleteRowsOfRequests } from '../../platform/db/rows-of-requests.ts';

export async function requestDetail(db: Queryable, id: string) {
  return db
    .selectFrom('requests as r')
    .innerJoin('programs as p', 'p.id', 'r.program_id')
    .innerJoin('users as a', 'a.id', 'r.applicant_id')
    .leftJoin('users as asg', 'asg.id', 'r.assigned_to')
    .leftJoin('users as fa', 'fa.id', 'r.first_approver_id')
    .leftJoin('payee_accounts as pa', 'pa.id', 'r.payee_account_id')
    .select([
      'r.id',
      'r.reference',
      'r.status',
      'r.version',
      'r.program_version',
      'r.answers',
      'r.amount_requested_cents',
      'r.approved_amount_cents',
      'r.assigned_to',
      'r.first_approver_id',
      'r.submitted_at',
      'r.due_at',
      'r.risk_level',
      'r.risk_computed_at',
      'r.info_answered_at',
      'r.applicant_id',
      'a.display_name as applicant_name',
      'a.email as applicant_email',
      'asg.display_name as assignee_name',
      'fa.display_name as first_approver_name',
      'p.id as program_id',
      'p.name_en as program_name',
      'p.max_amount_cents',
      'p.approval_threshold_cents',
      'p.budget_cents',
      'p.review_deadline_days',
      'p.practice',
      'pa.id as account_id',
      'pa.holder_name',
      'pa.account_type',
      'pa.routing_number',
      'pa.account_last4',
      'pa.verification_state',
      'pa.created_at as account_created_at',
    ])
    .where('r.id', '=', id)
    .executeTakeFirst();
}

/** Money committed to the program's other requests: what decisions' budget check counts (this one excluded). */
export async function committedCents(db: Queryable, programId: string, excludeRequestId: string) {
  const { rows } = await sql<{ c: number }>`
    select (coalesce((select committed_cents from program_commitments where program_id = ${programId}::uuid), 0)
      - coalesce((select committed_cents(status, approved_amount_cents) from requests where id = ${excludeRequestId}::uuid), 0))::bigint as c
  `.execute(db);
  return Number(rows[0]?.c ?? 0);
}

export async function otherRequests(db: Queryable, applicantId: string, excludeId: string) {
  return db
    .selectFrom('requests as r')
    .innerJoin('programs as p', 'p.id', 'r.program_id')
    .select([
      'r.id',
      'r.reference',
      'p.name_en as program_name',
      'r.status',
      'r.amount_requested_cents',
      'r.submitted_at',
    ])
    .where('r.applicant_id', '=', applicantId)
    .where('r.id', '<>', excludeId)
    .where('r.status', '<>', 'draft')
    .orderBy('r.created_at', 'desc')
    .limit(20)
    .execute();
}

export async function timeline(db: Queryable, requestId: string) {
  return db
    .selectFrom('request_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select([
      'e.id',
      'e.type',
      'e.from_status',
      'e.to_status',
      'e.actor_id',
      'u.display_name',
      'e.data',
      'e.visible_to_applicant',
      'e.created_at',
    ])
    .where('e.request_id', '=', requestId)
    .orderBy('e.created_at')
    .orderBy('e.id')
    .execute();
}

export async function comments(db: Queryable, requestId: string) {
  return db
    .selectFrom('request_comments as c')
    .innerJoin('users as u', 'u.id', 'c.author_id')
    .select(['c.id', 'c.author_id', 'u.display_name', 'c.body', 'c.created_at'])
    .where('c.request_id', '=', requestId)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
}

/** The request's own audit entries and those of its payments. */
export async function auditTrail(db: Queryable, requestId: string) {
  const { rows } = await sql<{
    id: number;
    at: Date;
    actor_id: string | null;
    display_name: string | null;
    action: string;
    data: Record<string, unknown>;
  }>`
    select l.id, l.at, l.actor_id, u.display_name, l.action, l.data
    from audit_log l left join users u on u.id = l.actor_id
    where (l.entity_type = 'request' and l.entity_id = ${requestId})
       or (l.entity_type = 'payment' and l.entity_id in (select id::text from payments where request_id = ${requestId}::uuid))
    order by l.id
  `.execute(db);
  return rows;
}

export async function livePayment(db: Queryable, requestId: string) {
  return db
    .selectFrom('payments')
    .select(['id', 'amount_cents', 'status'])
    .where('request_id', '=', requestId)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function documents(db: Queryable, requestId: string) {
  return db
    .selectFrom('documents')
    .select(['id', 'filename', 'mime_type', 'question_id'])
    .where('request_id', '=', requestId)
    .orderBy('id')
    .execute();
}

export async function insertComment(
  trx: Transaction<Database>,
  requestId: string,
  authorId: string,
  body: string,
) {
  const id = uuidv7();
  const row = await trx
    .insertInto('request_comments')
    .values({ id, request_id: requestId, author_id: authorId, body })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
  return row;
}

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

export async function account(db: Queryable, id: string) {
  return db
    .selectFrom('payee_accounts')
    .select(['id', 'routing_number', 'account_number_enc', 'account_last4'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Practice space: the internal comments on these (practice) requests go when the practice data is cleared. */
export function deleteCommentsOfRequests(
  trx: Transaction<Database>,
  requestIds: readonly string[],
): Promise<number> {
  return deleteRowsOfRequests(trx, 'request_comments', requestIds);
}
