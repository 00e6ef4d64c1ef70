import { sql, type Transaction } from 'kysely';
import type { RequestStatus } from '@hms/contracts/requests';
import type { Database } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/db/ids.ts';

type Trx = Transaction<Database>;

/** Locks the request row for the rest of the transaction: concurrent deciders queue here and re-read the version. */
export async function lockRequest(trx: Trx, id: string) {
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
  }>`
    select r.id, r.reference, r.status, r.version, r.applicant_id, r.program_id, r.assigned_to,
      u.display_name as assignee_name, r.first_approver_id, r.amount_requested_cents::bigint as amount_requested_cents,
      r.approved_amount_cents, r.payee_account_id
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

/** Locks the program row: approvals in one program run one at a time, so two cannot both spend the last budget. */
export async function lockProgramBudget(trx: Trx, programId: string, excludeRequestId: string) {
  const { rows } = await sql<{
    name_en: string;
    max_amount_cents: number;
    budget_cents: number;
    approval_threshold_cents: number;
    committed_cents: number;
  }>`
    with p as (select * from programs where id = ${programId}::uuid for update)
    select p.name_en, p.max_amount_cents, p.budget_cents, p.approval_threshold_cents,
      (coalesce((select committed_cents from program_commitments where program_id = p.id), 0)
        - coalesce((select committed_cents(status, approved_amount_cents) from requests where id = ${excludeRequestId}::uuid), 0))::bigint
        as committed_cents
    from p
  `.execute(trx);
  const p = rows[0]!;
  return {
    name: p.name_en,
    maxAmountCents: Number(p.max_amount_cents),
    budgetCents: Number(p.budget_cents),
    thresholdCents: Number(p.approval_threshold_cents),
    committedCents: Number(p.committed_cents),
  };
}

export async function decisionAt(trx: Trx, requestId: string, atVersion: number) {
  return trx
    .selectFrom('decisions')
    .selectAll()
    .where('request_id', '=', requestId)
    .where('at_version', '=', atVersion)
    .executeTakeFirst();
}

export async function lastChange(trx: Trx, requestId: string) {
  return trx
    .selectFrom('request_events')
    .leftJoin('users', 'users.id', 'request_events.actor_id')
    .select([
      'request_events.type',
      'request_events.from_status',
      'request_events.to_status',
      'request_events.created_at',
      'users.display_name',
    ])
    .where('request_events.request_id', '=', requestId)
    .orderBy('request_events.created_at', 'desc')
    .orderBy('request_events.id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function applyDecision(
  trx: Trx,
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

export async function insertDecision(
  trx: Trx,
  d: Omit<Database['decisions'], 'id' | 'created_at'> & { id?: string },
) {
  const id = d.id ?? uuidv7();
  await trx
    .insertInto('decisions')
    .values({ ...d, id })
    .execute();
  return id;
}

/**
 * Creates the request's payment unless a live one exists (the partial unique index payments_one_live_per_request
 * makes a second impossible even if this code were wrong); returns the live payment's id either way.
 */
export async function createPaymentOnce(
  trx: Trx,
  requestId: string,
  payeeAccountId: string,
  amountCents: number,
) {
  const id = uuidv7();
  const { rows } = await sql<{ id: string }>`
    insert into payments (id, request_id, payee_account_id, amount_cents, status, updated_at)
    values (${id}::uuid, ${requestId}::uuid, ${payeeAccountId}::uuid, ${amountCents}, 'pending', now())
    on conflict (request_id) where status not in ('returned', 'cancelled') do nothing
    returning id
  `.execute(trx);
  if (rows[0]) return { id: rows[0].id, created: true };
  const live = await trx
    .selectFrom('payments')
    .select('id')
    .where('request_id', '=', requestId)
    .where('status', 'not in', ['returned', 'cancelled'])
    .executeTakeFirstOrThrow();
  return { id: live.id, created: false };
}
