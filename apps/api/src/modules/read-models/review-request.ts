import { sql } from 'kysely';
import type { Queryable } from '../../platform/db/schema.ts';

// Read model "review request": a submitted request as its reviewer reads it (review/service.ts#detail): the request
// with its program's limits, its people's names and its payee account; the applicant's other requests; the timeline
// with who did each step; the audit entries of the request and of its payments. It writes nothing.

/** The request with its program's limits and budget, its applicant, assignee and first approver, and its account. */
export async function reviewRequest(db: Queryable, id: string) {
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
      'r.referred_to_senior',
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
      'p.name_es as program_name_es',
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

/** The applicant's other submitted requests, newest first, with their program's name. */
export async function otherRequestsOfApplicant(
  db: Queryable,
  applicantId: string,
  excludeId: string,
) {
  return db
    .selectFrom('requests as r')
    .innerJoin('programs as p', 'p.id', 'r.program_id')
    .select([
      'r.id',
      'r.reference',
      'p.name_en as program_name',
      'p.name_es as program_name_es',
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

/** Every step of the request, oldest first, with the name of who took it. */
export async function reviewTimeline(db: Queryable, requestId: string) {
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

/** The request's own audit entries and those of its payments. */
export async function reviewAuditTrail(db: Queryable, requestId: string) {
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
