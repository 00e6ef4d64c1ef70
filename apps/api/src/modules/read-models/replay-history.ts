import { sql, type Kysely, type RawBuilder } from 'kysely';
import { approvedRequestStatuses, paymentFigureStatuses } from '@hms/contracts/finance-overview';
import type { Language } from '@hms/contracts/language';
import type { Answers } from '@hms/contracts/question-set';
import type { RequestStatus } from '@hms/contracts/requests';
import type { Database } from '../../platform/db/schema.ts';

// Read model "replay history": the requests a policy simulation replays (simulations/service.ts), from
// request_replay_facts (per request: its own columns, its applicant's language, the steps people took on it and
// whether a rule decided it, kept by triggers on requests, users, request_events and decisions: migration 0383), the
// answers of the applications module's requests, the payments settled in the period and, for a decision-rule
// change, what a rule weighs (the applicant's history, the account's payments, the applicant's roles). It writes
// nothing.

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
 * Every request of the program submitted, decided or paid in the period, in submission order, from
 * request_replay_facts (migration 0383: one narrow row per request with its first claim, first decision by a person,
 * first of two approvals and whether a rule decided it, kept by triggers). Read in two parts: the period's
 * submissions, one range of request_replay_facts_submitted_idx already in order (no sort of a million rows), and the
 * few requests submitted outside it but decided or paid in it. Both read at once, on two connections. The answers
 * (only those a scenario's rules read) come from the request itself, looked up by id. JIT is off: compiling the
 * expressions of a million-row plan took longer than running them.
 */
export async function simulationRequests(
  db: Kysely<Database>,
  s: SimulationHistoryScope,
): Promise<SimulationHistoryRow[]> {
  const columns = sql`f.request_id as id, f.status, ${ms(sql`f.submitted_at`)} as "submittedAt",
    ${ms(sql`f.decided_at`)} as "decidedAt", ${ms(sql`f.due_at`)} as "dueAt",
    f.amount_requested_cents::float8 as "amountRequestedCents",
    f.approved_amount_cents::float8 as "approvedAmountCents",
    budget_use_cents(f.status, f.approved_amount_cents, f.amount_requested_cents)::float8 as "budgetUseCents",
    f.language, ${
      s.withAnswers
        ? sql`(select r.answers - ${[...(s.answersNotRead ?? [])]}::text[] from requests r
            where r.id = f.request_id)`
        : sql`null::jsonb`
    } as answers,
    ${ms(sql`f.claimed_at`)} as "claimedAt", ${ms(sql`f.first_decision_at`)} as "firstDecisionAt",
    ${ms(sql`f.first_approval_at`)} as "firstApprovalAt", f.decided_by_rule as "decidedByRule",
    null::json as "ruleInputs"${
      s.withRuleInputs
        ? sql`, f.applicant_id, f.payee_account_id, f.risk_level,
          ${us(sql`f.submitted_at`)} as submitted_us, ${us(sql`f.decided_at`)} as decided_us`
        : sql``
    }`;
  const read = async (trx: Kysely<Database>, query: RawBuilder<HistoryRow>) => {
    await sql`set local jit = off`.execute(trx);
    return (await query.execute(trx)).rows;
  };
  const inTransaction = (query: RawBuilder<HistoryRow>) =>
    // `set local` lasts until the end of a transaction: each read takes its own, or the caller's.
    db.isTransaction ? read(db, query) : db.transaction().execute((trx) => read(trx, query));
  const inPeriod = sql`f.submitted_at >= ${s.start} and f.submitted_at < ${s.end}`;
  const [period, around] = await Promise.all([
    inTransaction(sql<HistoryRow>`
      select ${columns} from request_replay_facts f
      where f.program_id = ${s.programId} and f.status <> 'draft' and ${inPeriod}
      order by f.submitted_at, f.request_id`),
    // Submitted before (or, for a request with no submission time, without) the period: few, and sorted the same way.
    inTransaction(sql<HistoryRow>`
      select ${columns} from request_replay_facts f
      where f.program_id = ${s.programId} and f.status <> 'draft'
        and (f.submitted_at is null or f.submitted_at < ${s.start} or f.submitted_at >= ${s.end})
        and ((f.decided_at >= ${s.start} and f.decided_at < ${s.end})
          or f.request_id in (select p.request_id from payments p
            where p.program_id = ${s.programId} and p.status in (${PAID})
              and ${settledAt} >= ${s.start} and ${settledAt} < ${s.end}))
      order by f.submitted_at nulls first, f.request_id`),
  ]);
  // The original order: no submission time first, then by submission time (and id), as one query would sort them.
  const after = around.findIndex((r) => r.submittedAt !== null && r.submittedAt >= s.end.getTime());
  const rows =
    after < 0 ? around.concat(period) : around.slice(0, after).concat(period, around.slice(after));
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
