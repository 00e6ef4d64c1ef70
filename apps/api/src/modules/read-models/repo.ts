import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';

export const OPEN_STATUSES = [
  'submitted',
  'in_review',
  'needs_info',
  'awaiting_second_approval',
] as const;

const NO_ASSIGNEE = '00000000-0000-0000-0000-000000000000';

/**
 * Queue counts from the counters kept by triggers (migration 0202), exact and independent of the table size.
 * overdue = open running requests with a due date (a counter) minus those not yet due (index-only range scan of
 * requests_open_due_idx, which holds only the requests whose clock runs). One statement, so one snapshot.
 */
export function inboxCountsQuery(userId: string) {
  return sql<{
    unassigned: number;
    assigned_to_me: number;
    awaiting_second_approval: number;
    waiting_for_citizen: number;
    overdue: number;
    all: number;
  }>`
    select
      coalesce(sum(n) filter (where status = 'submitted' and assignee = ${NO_ASSIGNEE}::uuid), 0)::int as unassigned,
      coalesce(sum(n) filter (where assignee = ${userId}::uuid), 0)::int as assigned_to_me,
      coalesce(sum(n) filter (where status = 'awaiting_second_approval'), 0)::int as awaiting_second_approval,
      coalesce(sum(n) filter (where status = 'needs_info'), 0)::int as waiting_for_citizen,
      (coalesce(sum(n) filter (where status <> 'needs_info' and has_due), 0) - (
        select count(*) from requests
        where status in ('submitted', 'in_review', 'awaiting_second_approval') and due_at is not null and due_at >= now()
      ))::int as overdue,
      coalesce(sum(n), 0)::int as all
    from inbox_queue_counts
  `;
}

export async function inboxCounts(db: Kysely<Database>, userId: string) {
  const { rows } = await inboxCountsQuery(userId).execute(db);
  return rows[0]!;
}

/** The same counts computed from the requests table (tests compare the counters against it). */
export async function recountInbox(db: Kysely<Database>, userId: string) {
  const open = sql.join(OPEN_STATUSES.map((s) => sql.lit(s)));
  const { rows } = await sql<Awaited<ReturnType<typeof inboxCounts>>>`
    select
      count(*) filter (where status = 'submitted' and assigned_to is null)::int as unassigned,
      count(*) filter (where assigned_to = ${userId}::uuid)::int as assigned_to_me,
      count(*) filter (where status = 'awaiting_second_approval')::int as awaiting_second_approval,
      count(*) filter (where status = 'needs_info')::int as waiting_for_citizen,
      count(*) filter (where status <> 'needs_info' and due_at is not null and due_at < now())::int as overdue,
      count(*)::int as all
    from requests
    where status in (${open})
  `.execute(db);
  return rows[0]!;
}

export async function financeByProgram(db: Kysely<Database>) {
  const { rows } = await sql<{
    program_id: string;
    name_en: string;
    name_es: string;
    approved_cents: number;
    pending_cents: number;
    paid_cents: number;
    returned_cents: number;
    request_count: number;
  }>`
    -- The per-day totals the finance module keeps (migration 0360), summed over all days: exact, and a few
    -- thousand rows at any number of requests. request_count counts the submitted requests.
    with k as (
      select program_id,
        sum(count) filter (where figure = 'requested') as request_count,
        sum(cents) filter (where figure = 'approved') as approved_cents,
        sum(cents) filter (where figure in ('payment:pending', 'payment:prenote_sent', 'payment:batched',
          'payment:released')) as pending_cents,
        sum(cents) filter (where figure = 'payment:settled') as paid_cents,
        sum(cents) filter (where figure = 'payment:returned') as returned_cents
      from finance_day_totals group by program_id
    )
    select pr.id as program_id, pr.name_en, pr.name_es,
      coalesce(k.approved_cents, 0)::bigint as approved_cents,
      coalesce(k.pending_cents, 0)::bigint as pending_cents,
      coalesce(k.paid_cents, 0)::bigint as paid_cents,
      coalesce(k.returned_cents, 0)::bigint as returned_cents,
      coalesce(k.request_count, 0)::int as request_count
    from programs pr
    left join k on k.program_id = pr.id
    -- Practice programs hold training data only: no figure of the finance summary counts them.
    where not pr.practice
    order by pr.name_en, pr.id
  `.execute(db);
  return rows;
}

/**
 * The read model of the general ledger: money per day, program and kind (payment, return, reissue) that went out in
 * released or settled batches or came back in imported returns; days are in the agency's zone.
 */
export async function ledgerPostings(
  db: Kysely<Database>,
  timeZone: string,
  q: { from: string; to: string },
) {
  const { rows } = await sql<{
    date: string;
    program_id: string;
    slug: string;
    entry_type: 'payment' | 'return' | 'reissue';
    cents: number | string;
    n: number | string;
  }>`
    select date, program_id, slug, entry_type, sum(amount_cents) as cents, count(*) as n from (
      select b.effective_date as date, e.program_id, e.amount_cents,
             case when p.replaces_payment_id is null then 'payment' else 'reissue' end as entry_type
        from ach_entries e
        join ach_batches b on b.id = e.batch_id
        join payments p on p.id = e.payment_id
       where e.kind = 'payment' and b.status in ('released', 'settled')
      union all
      select to_char(timezone(${timeZone}, r.created_at), 'YYYY-MM-DD') as date, e.program_id, r.amount_cents, 'return' as entry_type
        from ach_returns r
        join ach_entries e on e.id = r.entry_id
       where e.kind = 'payment' and r.amount_cents > 0
    ) x
    join programs pr on pr.id = x.program_id
    where date between ${q.from} and ${q.to}
      -- Practice money never moves (the batch builder refuses it); the journal says so twice.
      and not pr.practice
    group by date, program_id, slug, entry_type
    order by date, slug, entry_type
  `.execute(db);
  return rows;
}

// ---- Exports (issue 12 item 7): payees and requests in the import formats, one keyset page at a time, so an
// agency's 100,000 rows are read in pages of the same size whatever the table holds.

/**
 * A keyset page (`after` the last id of the previous page, `limit` rows), optionally only these ids (the import
 * compares a row of HMS's own against what the export writes for it now).
 */
export interface ExportQuery {
  after: string | null;
  limit: number;
  ids?: readonly string[];
}

/** Citizens with a bank account (their latest), with the external id they were imported under, if any. */
export async function exportPayees(db: Kysely<Database>, q: ExportQuery, withSealed: boolean) {
  if (q.ids?.length === 0) return [];
  return (
    db
      .selectFrom('users as u')
      .innerJoinLateral(
        (eb) =>
          eb
            .selectFrom('payee_accounts as pa')
            .select([
              'pa.routing_number',
              'pa.account_type',
              'pa.holder_name',
              'pa.account_last4',
              'pa.account_number_enc',
            ])
            .whereRef('pa.user_id', '=', 'u.id')
            .orderBy('pa.created_at', 'desc')
            .orderBy('pa.id', 'desc')
            .limit(1)
            .as('a'),
        (join) => join.onTrue(),
      )
      .leftJoin('imported_records as ir', (join) =>
        join.onRef('ir.entity_id', '=', 'u.id').on('ir.kind', '=', 'payees'),
      )
      .select([
        'u.id',
        'u.email',
        'u.display_name',
        'u.language',
        'ir.external_id',
        'ir.phone',
        'a.routing_number',
        'a.account_type',
        'a.holder_name',
        'a.account_last4',
      ])
      // The sealed number leaves the database only when the full numbers were asked for.
      .$if(withSealed, (b) => b.select('a.account_number_enc'))
      .where('u.practice', '=', false)
      .$if(q.after !== null, (b) => b.where('u.id', '>', q.after!))
      .$if(q.ids !== undefined, (b) => b.where('u.id', 'in', q.ids!))
      .orderBy('u.id')
      .limit(q.limit)
      .execute()
  );
}

/**
 * Requests past the draft, outside practice programs, with what the requests format says of them: the program's
 * slug, the external ids of the request and of its payee when they were imported, who decided (the staff member on
 * the last approval or rejection, or the one holding open work), when it was paid (the last `paid` step), the note.
 */
export async function exportRequests(
  db: Kysely<Database>,
  q: ExportQuery & { references?: readonly string[] },
) {
  if (q.references?.length === 0) return [];
  return db
    .selectFrom('requests as r')
    .innerJoin('programs as p', 'p.id', 'r.program_id')
    .leftJoin('imported_records as ir', (join) =>
      join.onRef('ir.entity_id', '=', 'r.id').on('ir.kind', '=', 'requests'),
    )
    .leftJoin('imported_records as pr', (join) =>
      join.onRef('pr.entity_id', '=', 'r.applicant_id').on('pr.kind', '=', 'payees'),
    )
    .leftJoin('users as holder', 'holder.id', 'r.assigned_to')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('request_events as e')
          .innerJoin('users as d', 'd.id', 'e.actor_id')
          .select('d.email')
          .whereRef('e.request_id', '=', 'r.id')
          .where('e.type', 'in', ['approved', 'rejected'])
          .orderBy('e.created_at', 'desc')
          .orderBy('e.id', 'desc')
          .limit(1)
          .as('decider'),
      (join) => join.onTrue(),
    )
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('request_events as e')
          .select('e.created_at')
          .whereRef('e.request_id', '=', 'r.id')
          .where('e.type', '=', 'paid')
          .orderBy('e.created_at', 'desc')
          .orderBy('e.id', 'desc')
          .limit(1)
          .as('paid'),
      (join) => join.onTrue(),
    )
    .select([
      'r.id',
      'r.reference',
      'p.slug',
      'r.applicant_id',
      'r.status',
      'r.amount_requested_cents',
      'r.approved_amount_cents',
      'r.submitted_at',
      'r.decided_at',
      'ir.external_id',
      'ir.note',
      'pr.external_id as payee_external_id',
      'holder.email as holder_email',
      'decider.email as decider_email',
      'paid.created_at as paid_at',
    ])
    .where('r.status', '<>', 'draft')
    .where('p.practice', '=', false)
    .$if(q.after !== null, (b) => b.where('r.id', '>', q.after!))
    .$if(q.references !== undefined, (b) => b.where('r.reference', 'in', q.references!))
    .orderBy('r.id')
    .limit(q.limit)
    .execute();
}
