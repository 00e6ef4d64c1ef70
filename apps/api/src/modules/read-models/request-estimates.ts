import { sql } from 'kysely';
import {
  achEffectiveDate,
  addBusinessDays,
  businessDaysBetween,
  startOfZonedDay,
  toZonedDate,
  type PlainDate,
} from '@hms/contracts/business-days';
import {
  ESTIMATE_SHARE,
  HISTORY_MONTHS,
  LAST_WEEK_BUSINESS_DAYS,
  THROUGHPUT_BUSINESS_DAYS,
  estimateDecision,
  estimatePayment,
  type DurationHistogram,
  type RequestEstimate,
} from '@hms/contracts/estimates';
import type { RequestStatus } from '@hms/contracts/requests';
import type { Queryable } from '../../platform/db/schema.ts';
import { getSettings } from '../settings/service.ts';

// Read model "request estimates" (issue 14 part 2, "When will I hear back?"): the figures the estimator of
// @hms/contracts/estimates needs, read from the applications module's requests and the payments module's payments,
// for the citizen's request page, "My requests" and the inbox. It writes nothing, and keeps nothing: every read
// computes the estimate from the rows as they are, so it moves the moment a request ahead of it is decided.
//
// - decision history: per program, the business days from submission to decision of the requests decided in the
//   six months before today (imported history included: imported requests are requests with their own dates);
// - pace: per program, the decisions of the last 20 and of the last 5 business days;
// - queue: per request, the program's requests waiting for a reviewer (submitted, in review) submitted before it,
//   counted in one query for the whole page;
// - payment history: the agency's latest 2,000 first payments of a request approved in the six months before today,
//   business days from approval to the ACH effective date of their batch (the day the bank posts the money).
// The history is cut at the start of today, as the backtest (bench/estimates) trains it.

/** The statuses an estimate is shown for: a decision is awaited, or the approved money is on its way. */
const AWAITING_DECISION: readonly RequestStatus[] = [
  'submitted',
  'in_review',
  'needs_info',
  'awaiting_second_approval',
];

interface EstimatedRow {
  id: string;
  program_id: string;
  status: RequestStatus;
  submitted_at: Date | null;
  due_at: Date | null;
  decided_at: Date | null;
  amount_cents: number;
  effective_date: string | null;
}

// Both histories end at the start of today, so they are the same all day: each is read once a day per database,
// program and zone, and kept (grouping six months of a large program's decisions costs about 250 ms at a million
// requests; the queue and the pace, which move with every decision, are read every time). A past decision imported
// today counts from tomorrow.
const keptToday = new WeakMap<object, Map<string, Promise<unknown>>>();
const MAX_KEPT = 10_000;

function forToday<T>(db: Queryable, key: string, load: () => Promise<T>): Promise<T> {
  let kept = keptToday.get(db);
  if (!kept) keptToday.set(db, (kept = new Map()));
  let value = kept.get(key) as Promise<T> | undefined;
  if (!value) {
    if (kept.size >= MAX_KEPT) kept.clear();
    const map = kept;
    value = load();
    value.catch(() => map.delete(key));
    kept.set(key, value);
  }
  return value;
}

const toDate = (d: Date | string) => (d instanceof Date ? d : new Date(d));

async function estimatedRows(db: Queryable, ids: readonly string[]): Promise<EstimatedRow[]> {
  const { rows } = await sql<EstimatedRow>`
    select r.id, r.program_id, r.status, r.submitted_at, r.due_at, r.decided_at,
      coalesce(r.approved_amount_cents, r.amount_requested_cents)::bigint::float8 as amount_cents,
      (select p.effective_date::text from payments p where p.request_id = r.id and p.status <> 'cancelled'
        order by p.created_at desc limit 1) as effective_date
    from requests r where r.id in (${sql.join([...ids])})`.execute(db);
  return rows;
}

/** Business days to decision of the program's requests decided from `since` to `until`. */
async function decisionHistory(
  db: Queryable,
  programId: string,
  since: Date,
  until: Date,
  timeZone: string,
): Promise<DurationHistogram> {
  const { rows } = await sql<{ submitted_on: string; decided_on: string; n: string }>`
    select (submitted_at at time zone ${timeZone})::date::text as submitted_on,
      (decided_at at time zone ${timeZone})::date::text as decided_on, count(*) as n
    from requests
    where program_id = ${programId}
      and status in ('approved', 'paid', 'payment_returned', 'rejected') and submitted_at is not null
      and decided_at >= ${since} and decided_at < ${until}
    group by 1, 2`.execute(db);
  return rows.map((r) => [businessDaysBetween(r.submitted_on, r.decided_on), Number(r.n)]);
}

/** Decisions per program since `monthStart` (20 business days ago) and since `weekStart` (5). */
async function decisionPace(
  db: Queryable,
  programIds: readonly string[],
  monthStart: Date,
  weekStart: Date,
): Promise<Map<string, { decidedRecently: number; decidedLastWeek: number }>> {
  const { rows } = await sql<{ program_id: string; month: string; week: string }>`
    select program_id, count(*) as month, count(*) filter (where decided_at >= ${weekStart}) as week
    from requests
    where program_id in (${sql.join([...programIds])})
      and status in ('approved', 'paid', 'payment_returned', 'rejected') and submitted_at is not null
      and decided_at >= ${monthStart}
    group by 1`.execute(db);
  return new Map(
    rows.map((r) => [
      r.program_id,
      { decidedRecently: Number(r.month), decidedLastWeek: Number(r.week) },
    ]),
  );
}

/**
 * Per request: its program's requests waiting for a reviewer that were submitted before it (in submission order, the
 * id breaking a tie). One query for the page: the page's requests, in queue order per program, cut each program's
 * queue into the stretches between them; each stretch is counted once from requests_estimate_queue_idx (index only),
 * and a request's count is the running sum of the stretches before it. Counting the whole queue ahead of every row
 * read the head of a long queue once per row of the page.
 */
async function queueAhead(
  db: Queryable,
  rows: readonly EstimatedRow[],
): Promise<Map<string, number>> {
  const waiting = rows.filter((r) => AWAITING_DECISION.includes(r.status) && r.submitted_at);
  if (waiting.length === 0) return new Map();
  // A program's first request of the page starts its stretch at the head of the queue: (-infinity, the nil uuid)
  // is before every (submitted_at, id), and keeps the bound a range the index can seek.
  const { rows: counts } = await sql<{ id: string; ahead: string }>`
    with page as (
      select id, program_id, submitted_at,
        coalesce(lag(submitted_at) over queue, '-infinity') as after_at,
        coalesce(lag(id) over queue, '00000000-0000-0000-0000-000000000000') as after_id
      from requests where id in (${sql.join(waiting.map((r) => r.id))})
      window queue as (partition by program_id order by submitted_at, id)
    )
    select p.id, sum(stretch.n) over (partition by p.program_id order by p.submitted_at, p.id) as ahead
    from page p
    cross join lateral (
      select count(*) as n from requests q
      where q.program_id = p.program_id and q.status in ('submitted', 'in_review')
        and (q.submitted_at, q.id) >= (p.after_at, p.after_id)
        and (q.submitted_at, q.id) < (p.submitted_at, p.id)
    ) stretch`.execute(db);
  return new Map(counts.map((c) => [c.id, Number(c.ahead)]));
}

/**
 * How many of the agency's payments this learns from: the latest to move (released, settled or returned, with an
 * ACH effective date). Walking payments_finance_status_at_idx from its newest end reads 2,000 rows in about 5 ms at
 * a million requests, where grouping every payment of six months read them all (about 200 ms).
 */
const PAYMENT_SAMPLE = 2_000;

// The date a payment reached its status, exactly as payments_finance_status_at_idx (0350) is written, so the newest
// payments are read in the index's order.
const PAYMENT_STATUS_AT = sql`(case status
  when 'settled' then coalesce(settled_at, updated_at)
  when 'returned' then coalesce(returned_at, updated_at)
  when 'released' then coalesce(released_at, updated_at)
  when 'cancelled' then updated_at
  else created_at end)`;

/**
 * Business days from approval (the payment is made when the request is approved) to the ACH effective date, of the
 * agency's latest first payments of a request (not a replacement after a return) approved from `since` to `until`.
 */
async function paymentHistory(
  db: Queryable,
  since: Date,
  until: Date,
  timeZone: string,
): Promise<DurationHistogram> {
  const { rows } = await sql<{ approved_on: string; effective_date: string; n: string }>`
    select (created_at at time zone ${timeZone})::date::text as approved_on, effective_date::text, count(*) as n
    from (
      select created_at, effective_date from payments
      where effective_date is not null and replaces_payment_id is null
        and created_at >= ${since} and created_at < ${until}
      order by ${PAYMENT_STATUS_AT} desc nulls last, id desc
      limit ${PAYMENT_SAMPLE}
    ) p
    group by 1, 2`.execute(db);
  return rows.map((r) => [
    Math.max(0, businessDaysBetween(r.approved_on, r.effective_date)),
    Number(r.n),
  ]);
}

function monthsBefore(date: PlainDate, months: number): PlainDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
}

/**
 * The estimate of each request in `ids` at `now`: null for a draft and for a closed request (rejected, withdrawn,
 * paid, or returned and waiting for a new account). Requests not found are left out of the map.
 */
export async function requestEstimates(
  db: Queryable,
  ids: readonly string[],
  timeZone: string,
  now = new Date(),
): Promise<Map<string, RequestEstimate | null>> {
  const out = new Map<string, RequestEstimate | null>();
  if (ids.length === 0) return out;
  const rows = await estimatedRows(db, ids);
  const awaiting = rows.filter((r) => AWAITING_DECISION.includes(r.status) && r.submitted_at);
  const approved = rows.filter((r) => r.status === 'approved' && r.decided_at);
  const programIds = [...new Set(awaiting.map((r) => r.program_id))];

  const today = toZonedDate(now, timeZone);
  const startOfToday = startOfZonedDay(today, timeZone);
  const historySince = startOfZonedDay(monthsBefore(today, HISTORY_MONTHS), timeZone);
  const [histories, pace, ahead, payments, settings] = await Promise.all([
    Promise.all(
      programIds.map((id) =>
        forToday(db, `decisions ${id} ${today} ${timeZone}`, () =>
          decisionHistory(db, id, historySince, startOfToday, timeZone),
        ),
      ),
    ),
    programIds.length
      ? decisionPace(
          db,
          programIds,
          startOfZonedDay(addBusinessDays(today, -THROUGHPUT_BUSINESS_DAYS), timeZone),
          startOfZonedDay(addBusinessDays(today, -LAST_WEEK_BUSINESS_DAYS), timeZone),
        )
      : new Map<string, { decidedRecently: number; decidedLastWeek: number }>(),
    queueAhead(db, awaiting),
    approved.length
      ? forToday(db, `payments ${today} ${timeZone}`, () =>
          paymentHistory(db, historySince, startOfToday, timeZone),
        )
      : [],
    approved.length ? getSettings(db) : null,
  ]);

  const history = new Map(programIds.map((id, i) => [id, histories[i]!]));
  const computedAt = now.toISOString();
  for (const r of rows) {
    if (AWAITING_DECISION.includes(r.status) && r.submitted_at) {
      const queue = {
        ahead: ahead.get(r.id) ?? 0,
        ...(pace.get(r.program_id) ?? { decidedRecently: 0, decidedLastWeek: 0 }),
      };
      const programHistory = history.get(r.program_id) ?? [];
      // The deadline's instant is the end of its day: the day itself is the instant just before.
      const dueOn = r.due_at
        ? toZonedDate(new Date(toDate(r.due_at).getTime() - 1), timeZone)
        : null;
      const estimate = estimateDecision({
        today,
        submittedOn: toZonedDate(toDate(r.submitted_at), timeZone),
        dueOn,
        history: programHistory,
        queue,
      });
      const waiting = r.status === 'needs_info';
      out.set(r.id, {
        decisionBy: waiting ? null : estimate.decisionBy,
        paymentBy: null,
        computedAt,
        decision: {
          source: waiting ? 'waiting_for_applicant' : estimate.source,
          share: ESTIMATE_SHARE,
          businessDays: estimate.businessDays,
          sampleSize: estimate.sampleSize,
          ahead: queue.ahead,
        },
        payment: null,
      });
    } else if (r.status === 'approved' && r.decided_at && settings) {
      const estimate = estimatePayment({
        today,
        approvedOn: toZonedDate(toDate(r.decided_at), timeZone),
        effectiveDate: r.effective_date,
        earliestEffectiveDate: achEffectiveDate({
          now,
          timeZone,
          sameDayCutoff: settings.sameDayCutoff,
          amountCents: r.amount_cents,
        }).effectiveDate,
        history: payments,
      });
      out.set(r.id, {
        decisionBy: null,
        paymentBy: estimate.paymentBy,
        computedAt,
        decision: null,
        payment: {
          source: estimate.source,
          share: ESTIMATE_SHARE,
          businessDays: estimate.businessDays,
          sampleSize: estimate.sampleSize,
        },
      });
    } else {
      out.set(r.id, null);
    }
  }
  return out;
}
