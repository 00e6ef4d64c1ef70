import { sql, type Kysely, type RawBuilder } from 'kysely';
import { approvedRequestStatuses, paymentFigureStatuses } from '@hms/contracts/finance-overview';
import type { Language } from '@hms/contracts/language';
import type { Answers } from '@hms/contracts/question-set';
import type { RequestStatus } from '@hms/contracts/requests';
import type { Database } from '../../platform/db/schema.ts';

// Read model "replay history": the requests a policy simulation replays (simulations/service.ts), from the
// applications module's requests, their applicant's language (auth's users), the steps people took on them
// (request_events: claims and decisions; decisions: made by a rule), the payments settled in the period and, for a
// decision-rule change, what a rule weighs (the applicant's history, the account's payments, the applicant's roles).
// It writes nothing.

export interface SimulationHistoryScope {
  programId: string;
  /** The period as instants [start, end). */
  start: Date;
  end: Date;
  /** Read the answers too (only a change of eligibility or decision rules needs them: they are the heavy column). */
  withAnswers: boolean;
  /**
   * Answers to leave out of `answers` (the program's questions no rule of the scenario reads): a million requests'
   * full answers cost more to send and parse than the rest of their rows.
   */
  answersNotRead?: readonly string[];
  /** Read what a decision rule weighs about each request at its submission (only a change of decision rules). */
  withRuleInputs: boolean;
}

/** What a decision rule could read about a request when it was submitted (besides its amount and answers). */
export interface ReplayRuleInputs {
  riskLevel: 'none' | 'low' | 'medium' | 'high';
  /** The applicant's requests approved before this one was submitted. */
  approvedBefore: number;
  /** Payments to the applicant the bank had returned before it was submitted. */
  returnedBefore: number;
  /** A payment to its bank account had gone out before it was submitted. */
  accountProven: boolean;
  /** The applicant holds a staff role (automation never decides their requests). */
  applicantIsStaff: boolean;
}

/**
 * One request as the replay reads it (simulations/replay.ts#ReplayRequest): instants as milliseconds since the epoch
 * and cents as numbers, converted by PostgreSQL, so a million rows need no Date or bigint parse and no second copy.
 */
export interface SimulationHistoryRow {
  id: string;
  status: RequestStatus;
  submittedAt: number | null;
  decidedAt: number | null;
  dueAt: number | null;
  amountRequestedCents: number;
  approvedAmountCents: number | null;
  /** What it commits against the budget now (budget_use_cents). */
  budgetUseCents: number;
  language: Language;
  /** Intake's validated answers (only those the scenario's rules read), or null when none is read. */
  answers: Answers | null;
  claimedAt: number | null;
  firstDecisionAt: number | null;
  firstApprovalAt: number | null;
  /** Its approval was made by a decision rule, not a person (decisions.rule_version_id). */
  decidedByRule: boolean;
  ruleInputs: ReplayRuleInputs | null;
}

const APPROVED_STATUSES: ReadonlySet<RequestStatus> = new Set(approvedRequestStatuses);
const PAID = sql.join(paymentFigureStatuses.paid.map((s) => sql.lit(s)));
const APPROVED = sql.join(approvedRequestStatuses.map((s) => sql.lit(s)));

/**
 * An instant as the pg driver would give it as a Date, in milliseconds: PostgreSQL keeps microseconds and the driver
 * drops the part below the millisecond (postgres-date truncates), which is floor() here.
 */
const ms = (instant: RawBuilder<unknown>) =>
  sql`floor(extract(epoch from ${instant}) * 1000)::float8`;
/** An instant in whole microseconds, PostgreSQL's own precision, to compare two instants exactly as SQL does. */
const us = (instant: RawBuilder<unknown>) =>
  sql`(extract(epoch from ${instant}) * 1000000)::float8`;
/** When a paid payment settled: the overview's date for it (finance/repo.ts#paymentStatusAt for 'settled'). */
const settledAt = sql`coalesce(p.settled_at, p.updated_at)`;

interface HistoryRow extends SimulationHistoryRow {
  applicant_id: string;
  payee_account_id: string | null;
  risk_level: ReplayRuleInputs['riskLevel'];
  submitted_us: number | null;
  decided_us: number | null;
}

/**
 * Every request of the program submitted, decided or paid in the period, in submission order, with the first claim,
 * the first decision by a person and the first of two approvals (request_events_replay_idx: an index-only look-up
 * per request). The program's requests are read in one pass (a period is most of a program's history, and the
 * union of three id lists joined back by id read the table twice); JIT is off: compiling the expressions of a
 * million-row plan took longer than running them.
 */
export async function simulationRequests(
  db: Kysely<Database>,
  s: SimulationHistoryScope,
): Promise<SimulationHistoryRow[]> {
  const read = async (trx: Kysely<Database>) => {
    await sql`set local jit = off`.execute(trx);
    const { rows } = await sql<HistoryRow>`
      select r.id, r.status, ${ms(sql`r.submitted_at`)} as "submittedAt",
        ${ms(sql`r.decided_at`)} as "decidedAt", ${ms(sql`r.due_at`)} as "dueAt",
        r.amount_requested_cents::float8 as "amountRequestedCents",
        r.approved_amount_cents::float8 as "approvedAmountCents",
        budget_use_cents(r.status, r.approved_amount_cents, r.amount_requested_cents)::float8
          as "budgetUseCents",
        u.language, ${s.withAnswers ? sql`r.answers - ${[...(s.answersNotRead ?? [])]}::text[]` : sql`null::jsonb`}
          as answers,
        ${ms(sql`ev.claimed_at`)} as "claimedAt", ${ms(sql`ev.first_decision_at`)} as "firstDecisionAt",
        ${ms(sql`ev.first_approval_at`)} as "firstApprovalAt",
        exists (select 1 from decisions d where d.request_id = r.id and d.rule_version_id is not null)
          as "decidedByRule",
        null::json as "ruleInputs"${
          s.withRuleInputs
            ? sql`, r.applicant_id, r.payee_account_id, r.risk_level,
              ${us(sql`r.submitted_at`)} as submitted_us, ${us(sql`r.decided_at`)} as decided_us`
            : sql``
        }
      from requests r
      join users u on u.id = r.applicant_id
      left join lateral (
        select min(e.created_at) filter (where e.type = 'claimed') as claimed_at,
          min(e.created_at) filter (where e.actor_kind = 'user' and e.type <> 'claimed') as first_decision_at,
          min(e.created_at) filter (where e.type = 'first_approval') as first_approval_at
        from request_events e
        where e.request_id = r.id and e.type in ('claimed', 'first_approval', 'approved', 'rejected')
      ) ev on true
      where r.program_id = ${s.programId} and r.status <> 'draft' and (
        (r.submitted_at >= ${s.start} and r.submitted_at < ${s.end})
        or (r.decided_at >= ${s.start} and r.decided_at < ${s.end})
        or r.id in (select p.request_id from payments p
          where p.program_id = ${s.programId} and p.status in (${PAID})
            and ${settledAt} >= ${s.start} and ${settledAt} < ${s.end}))
      order by r.submitted_at nulls first, r.id
    `.execute(trx);
    return rows;
  };
  // `set local` lasts until the end of a transaction: the read takes its own, or the caller's.
  const rows = db.isTransaction ? await read(db) : await db.transaction().execute(read);
  if (s.withRuleInputs) await addRuleInputs(db, rows);
  return rows;
}

/** How many of the sorted `times` are strictly before `t` (binary search). */
function countBefore(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A rule's inputs as they stood at each request's submission, from the rows: its risk level (the one kept now: risk
 * is recomputed, not versioned), the applicant's earlier approvals and returned payments, whether a payment had gone
 * out to the account before (a prenote still waiting is not told apart: `none`), and whether the applicant is staff.
 * Read once per applicant and account (their approval and return times, the account's first release), not once per
 * request, and counted here at each submission, to the microsecond as SQL compares.
 */
async function addRuleInputs(db: Kysely<Database>, rows: HistoryRow[]) {
  const applicantSet = new Set(rows.map((r) => r.applicant_id));
  const applicants = [...applicantSet];
  const accounts = [...new Set(rows.flatMap((r) => r.payee_account_id ?? []))];
  const [approvals, returns, releases, staff] = await Promise.all([
    sql<{ applicant_id: string; times: number[] }>`
      select o.applicant_id, array_agg(${us(sql`o.decided_at`)} order by o.decided_at) as times
      from requests o
      where o.applicant_id = any(${applicants}::uuid[]) and o.status in (${APPROVED})
        and o.decided_at is not null
      group by o.applicant_id`.execute(db),
    // Returned payments are few (a couple in a hundred): all of them, kept for the applicants at hand below.
    sql<{ applicant_id: string; returned_us: number }>`
      select o.applicant_id, ${us(sql`p.returned_at`)} as returned_us
      from payments p join requests o on o.id = p.request_id
      where p.returned_at is not null`.execute(db),
    // The first entry of each account in payments_account_released_idx.
    sql<{ payee_account_id: string; first_us: number | null }>`
      select a.id as payee_account_id, ${us(sql`(select min(p.released_at) from payments p
        where p.payee_account_id = a.id and p.released_at is not null)`)} as first_us
      from unnest(${accounts}::uuid[]) a(id)`.execute(db),
    sql<{ user_id: string }>`
      select distinct ur.user_id from user_roles ur
      where ur.user_id = any(${applicants}::uuid[]) and ur.role <> 'citizen'`.execute(db),
  ]);
  const approvedAt = new Map(approvals.rows.map((a) => [a.applicant_id, a.times]));
  const returnedAt = new Map<string, number[]>();
  for (const p of returns.rows) {
    if (!applicantSet.has(p.applicant_id)) continue;
    const times = returnedAt.get(p.applicant_id);
    if (times) times.push(p.returned_us);
    else returnedAt.set(p.applicant_id, [p.returned_us]);
  }
  for (const times of returnedAt.values()) times.sort((a, b) => a - b);
  const firstRelease = new Map<string, number>();
  for (const a of releases.rows)
    if (a.first_us !== null) firstRelease.set(a.payee_account_id, a.first_us);
  const isStaff = new Set(staff.rows.map((u) => u.user_id));
  const none: number[] = [];
  for (const r of rows) {
    const t = r.submitted_us;
    let approvedBefore = 0;
    let returnedBefore = 0;
    let accountProven = false;
    if (t !== null) {
      approvedBefore = countBefore(approvedAt.get(r.applicant_id) ?? none, t);
      // The request itself is not an earlier approval of its applicant (only if decided before it was submitted).
      if (APPROVED_STATUSES.has(r.status) && r.decided_us !== null && r.decided_us < t)
        approvedBefore -= 1;
      returnedBefore = countBefore(returnedAt.get(r.applicant_id) ?? none, t);
      const released =
        r.payee_account_id === null ? undefined : firstRelease.get(r.payee_account_id);
      accountProven = released !== undefined && released < t;
    }
    r.ruleInputs = {
      riskLevel: r.risk_level,
      approvedBefore,
      returnedBefore,
      accountProven,
      applicantIsStaff: isStaff.has(r.applicant_id),
    };
  }
}

/** The payments of the program settled in the period and not returned since: the overview's paid figure's rows. */
export async function simulationPaidPayments(
  db: Kysely<Database>,
  s: Pick<SimulationHistoryScope, 'programId' | 'start' | 'end'>,
): Promise<Array<{ request_id: string; amount_cents: unknown }>> {
  const { rows } = await sql<{ request_id: string; amount_cents: unknown }>`
    select p.request_id, p.amount_cents from payments p
    where p.program_id = ${s.programId} and p.status in (${PAID})
      and ${settledAt} >= ${s.start} and ${settledAt} < ${s.end}
  `.execute(db);
  return rows;
}
