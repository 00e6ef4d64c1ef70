import { sql, type RawBuilder } from 'kysely';
import type { InboxQueue, InboxSort } from '@hms/contracts/inbox';
import type { RequestStatus } from '@hms/contracts/requests';
import type { Queryable } from '../../platform/db/schema.ts';
import { utcText } from '../../platform/pagination.ts';
import { OPEN_STATUSES } from './inbox-counts.ts';

// Read model "inbox queue": the approvers' inbox (inbox/service.ts#list), open requests of a queue with their
// program's name and the applicant's and assignee's names, filtered, sorted and paged by keyset, from the
// applications module's requests, the programs and the users. It writes nothing.

export interface ListFilter {
  queue: InboxQueue;
  userId: string;
  programId?: string | undefined;
  status?: string | undefined;
  risk?: string | undefined;
  minAmountCents?: number | undefined;
  maxAmountCents?: number | undefined;
  submittedFrom?: Date | undefined;
  submittedBefore?: Date | undefined;
  deadline?: 'on_time' | 'due_soon' | 'overdue' | 'paused' | undefined;
  dueSoonCutoff: Date;
  now: Date;
  reference?: string | undefined;
  namePrefix?: string | undefined;
}

export interface SortCursor {
  /** The sort key of the last row: timestamp text with microseconds, cents, or null (due_at missing). */
  v: string | number | null;
  id: string;
}

/** The keys a sort orders by: the key expression, and the key as the cursor's text. */
const submittedAt = { key: sql`r.submitted_at`, keyText: utcText('r.submitted_at') };
const dueAt = { key: sql`r.due_at`, keyText: utcText('r.due_at') };
const amount = {
  key: sql`r.amount_requested_cents`,
  keyText: sql<number>`r.amount_requested_cents`,
};

/** The SQL of each sort: its key, and the direction. */
const SORTS: Record<
  InboxSort,
  { key: RawBuilder<unknown>; dir: 'asc' | 'desc'; keyText: RawBuilder<string | number | null> }
> = {
  submitted_asc: { ...submittedAt, dir: 'asc' },
  submitted_desc: { ...submittedAt, dir: 'desc' },
  due_asc: { ...dueAt, dir: 'asc' },
  amount_desc: { ...amount, dir: 'desc' },
  amount_asc: { ...amount, dir: 'asc' },
};

const open = sql.join(OPEN_STATUSES.map((s) => sql.lit(s)));
const ticking = sql`('submitted', 'in_review', 'awaiting_second_approval')`;

function conditions(f: ListFilter): RawBuilder<unknown>[] {
  const c: RawBuilder<unknown>[] = [];
  switch (f.queue) {
    case 'unassigned':
      c.push(sql`r.status = 'submitted' and r.assigned_to is null`);
      break;
    case 'mine':
      c.push(sql`r.assigned_to = ${f.userId}::uuid and r.status in (${open})`);
      break;
    case 'awaiting_second_approval':
      c.push(sql`r.status = 'awaiting_second_approval'`);
      break;
    case 'waiting_for_citizen':
      c.push(sql`r.status = 'needs_info'`);
      break;
    case 'overdue':
      c.push(sql`r.status in ${ticking} and r.due_at < ${f.now}`);
      break;
    case 'all':
      c.push(f.status ? sql`r.status <> 'draft'` : sql`r.status in (${open})`);
      break;
  }
  if (f.status) c.push(sql`r.status = ${f.status}`);
  if (f.programId) c.push(sql`r.program_id = ${f.programId}::uuid`);
  if (f.risk) c.push(sql`r.risk_level = ${f.risk}`);
  if (f.minAmountCents !== undefined) c.push(sql`r.amount_requested_cents >= ${f.minAmountCents}`);
  if (f.maxAmountCents !== undefined) c.push(sql`r.amount_requested_cents <= ${f.maxAmountCents}`);
  if (f.submittedFrom) c.push(sql`r.submitted_at >= ${f.submittedFrom}`);
  if (f.submittedBefore) c.push(sql`r.submitted_at < ${f.submittedBefore}`);
  if (f.deadline === 'paused') c.push(sql`r.status = 'needs_info'`);
  if (f.deadline === 'overdue') c.push(sql`r.status in ${ticking} and r.due_at < ${f.now}`);
  if (f.deadline === 'due_soon')
    c.push(sql`r.status in ${ticking} and r.due_at >= ${f.now} and r.due_at < ${f.dueSoonCutoff}`);
  if (f.deadline === 'on_time')
    c.push(sql`r.status in ${ticking} and (r.due_at is null or r.due_at >= ${f.dueSoonCutoff})`);
  if (f.reference) c.push(sql`r.reference like ${f.reference + '%'}`);
  if (f.namePrefix) c.push(sql`lower(a.display_name) like ${f.namePrefix + '%'}`);
  return c;
}

function cursorCondition(sort: InboxSort, after: SortCursor): RawBuilder<unknown> {
  const s = SORTS[sort];
  const cmp = s.dir === 'asc' ? sql`>` : sql`<`;
  if (sort === 'due_asc') {
    // Nulls sort last in ascending order: after a null key only nulls with a larger id remain.
    if (after.v === null) return sql`(r.due_at is null and r.id > ${after.id}::uuid)`;
    return sql`((r.due_at, r.id) > (${after.v}::timestamptz, ${after.id}::uuid) or r.due_at is null)`;
  }
  const v = typeof after.v === 'number' ? sql`${after.v}::bigint` : sql`${after.v}::timestamptz`;
  return sql`(${s.key}, r.id) ${cmp} (${v}, ${after.id}::uuid)`;
}

export interface InboxRow {
  id: string;
  reference: string;
  program_id: string;
  program_name: string;
  program_name_es: string;
  applicant_name: string;
  status: RequestStatus;
  amount_requested_cents: number;
  approved_amount_cents: number | null;
  risk_level: 'none' | 'low' | 'medium' | 'high';
  assigned_to: string | null;
  assignee_name: string | null;
  submitted_at: Date | null;
  due_at: Date | null;
  version: number;
  applicant_id: string;
  first_approver_id: string | null;
  referred_to_senior: boolean;
  info_answered_at: Date | null;
  practice: boolean;
  sort_key: string | number | null;
}

/** A reference prefix matching at most this many requests is served from the reference index, then sorted. */
export const NARROW_SEARCH_ROWS = 2000;

export function listQuery(
  f: ListFilter,
  sort: InboxSort,
  after: SortCursor | null,
  limit: number,
  opts: { narrow?: boolean } = {},
) {
  const where = conditions(f);
  if (after) where.push(cursorCondition(sort, after));
  const s = SORTS[sort];
  const dir = s.dir === 'asc' ? sql`asc` : sql`desc`;
  const nulls = sort === 'due_asc' ? sql` nulls last` : sql``;
  // For a narrow search the planner must start from the search index and sort the few matches; ordering by an
  // expression (same order, "+ 0") keeps it from walking the sort index through rows that mostly do not match.
  const key = opts.narrow
    ? sort.startsWith('amount')
      ? sql`(${s.key} + 0)`
      : sql`(${s.key} + interval '0 s')`
    : s.key;
  return sql<InboxRow>`
    select r.id, r.reference, r.program_id, p.name_en as program_name, p.name_es as program_name_es, a.display_name as applicant_name,
      r.status, r.amount_requested_cents, r.approved_amount_cents, r.risk_level, r.assigned_to,
      asg.display_name as assignee_name, r.submitted_at, r.due_at, r.version, r.applicant_id,
      r.first_approver_id, r.referred_to_senior, r.info_answered_at, p.practice, ${s.keyText} as sort_key
    from requests r
    join programs p on p.id = r.program_id
    join users a on a.id = r.applicant_id
    left join users asg on asg.id = r.assigned_to
    where ${sql.join(where, sql` and `)}
    order by ${key} ${dir}${nulls}, r.id ${dir}
    limit ${limit + 1}
  `;
}

export async function list(
  db: Queryable,
  f: ListFilter,
  sort: InboxSort,
  after: SortCursor | null,
  limit: number,
) {
  let narrow = false;
  if (f.reference) {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from (select 1 from requests where reference like ${f.reference + '%'} limit ${NARROW_SEARCH_ROWS + 1}) x
    `.execute(db);
    narrow = (rows[0]?.n ?? 0) <= NARROW_SEARCH_ROWS;
  }
  const { rows } = await listQuery(f, sort, after, limit, { narrow }).execute(db);
  return rows;
}
