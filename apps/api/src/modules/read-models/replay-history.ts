import { sql, type Kysely, type RawBuilder } from 'kysely';
import { approvedRequestStatuses, paymentFigureStatuses } from '@hms/contracts/finance-overview';
import { languageSchema } from '@hms/contracts/language';
import { requestStatuses } from '@hms/contracts/requests';
import { riskLevels } from '@hms/contracts/risk';
import {
  packFloat8,
  packUuid,
  readFloat8,
  readUuidKeys,
  uuidKey,
} from '../../platform/db/packed-columns.ts';
import type { Database } from '../../platform/db/schema.ts';

// Read model "replay history": the requests a policy simulation replays (simulations/service.ts), from
// request_replay_facts (per request: its own columns, its applicant's language, the steps people took on it,
// whether a rule decided it and its settled payment, kept by triggers on requests, users, request_events, decisions
// and payments: migrations 0383, 0384), the answers of the applications module's requests and, for a decision-rule
// change, what a rule weighs (the applicant's history, the account's payments, the applicant's roles). It writes
// nothing.
//
// A period holds up to a million requests, and the replay only adds them up: they are read as columns, not rows.
// Each column crosses packed (platform/db/packed-columns.ts) and is read into a typed array, numbers converted by
// PostgreSQL, so no string is made and parsed per value; the period is read in parts on several connections at once
// (PostgreSQL works on every core), and what a rule weighs is read at the same time, not after the rows.

export interface SimulationHistoryScope {
  programId: string;
  /** The period as instants [start, end). */
  start: Date;
  end: Date;
  /**
   * The answers to read: the questions the scenario's rules read, or null when it changes no rule (answers are the
   * heavy part of a request: only a change of eligibility or decision rules needs them, and only these questions).
   */
  answersRead: readonly string[] | null;
  /** Read what a decision rule weighs about each request at its submission (only a change of decision rules). */
  withRuleInputs: boolean;
}

/** What a decision rule could read about a request when it was submitted (besides its amount and answers). */
export interface ReplayRuleInputs {
  riskLevel: (typeof riskLevels)[number];
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
 * The requests of a period as the replay reads them (simulations/replay.ts), one typed array per column, request i at
 * position i of each, in submission order. Instants are milliseconds since the epoch, cents are numbers, NaN is null.
 */
export interface ReplayHistory {
  length: number;
  /** Its status: the position in requestStatuses. */
  status: Float64Array;
  submittedAt: Float64Array;
  decidedAt: Float64Array;
  dueAt: Float64Array;
  amountRequestedCents: Float64Array;
  approvedAmountCents: Float64Array;
  /** What it commits against the budget now (budget_use_cents). */
  budgetUseCents: Float64Array;
  /** Its applicant's language: the position in languageSchema.options. */
  language: Float64Array;
  /** The first time a person claimed it. */
  claimedAt: Float64Array;
  /** A person's first decision on it (first approval, approval or rejection). */
  firstDecisionAt: Float64Array;
  /** When its first approval of two was made (it went above the threshold). */
  firstApprovalAt: Float64Array;
  /** 1 when its approval was made by a decision rule, not a person (decisions.rule_version_id). */
  decidedByRule: Float64Array;
  /**
   * Its payment settled in the period and not returned since (the overview's paid figure; a request has one at
   * most): its amount, NaN when none.
   */
  paidCents: Float64Array;
  /**
   * The answers the scenario's rules read: per question, each request's answer (null when not answered), and whether
   * the request has answers at all (1 or 0). Null when the scenario changes no rule.
   */
  answers: { present: Float64Array; byQuestion: ReadonlyMap<string, readonly unknown[]> } | null;
  /** What a decision rule weighs about each request at its submission; null unless asked for. */
  ruleInputs: {
    /** The position in riskLevels. */
    riskLevel: Float64Array;
    approvedBefore: Float64Array;
    returnedBefore: Float64Array;
    accountProven: Uint8Array;
    applicantIsStaff: Uint8Array;
  } | null;
}

/**
 * request_replay_facts keeps each request's settled payment (migration 0384) as the overview's paid figure: a change
 * of what counts as paid must change that table's triggers too, and fails to compile here until it does.
 */
const _paidIsSettled: readonly ['settled'] = paymentFigureStatuses.paid;
const APPROVED = sql.join(approvedRequestStatuses.map((s) => sql.lit(s)));
const APPROVED_POSITIONS: ReadonlySet<number> = new Set(
  approvedRequestStatuses.map((s) => requestStatuses.indexOf(s)),
);

/**
 * An instant in whole microseconds since the epoch, PostgreSQL's own precision, to compare two instants exactly as
 * SQL does. date_part's seconds are a double (exact to well under a microsecond at today's dates), so the product
 * rounds to the exact count; extract() would be exact too, but in numeric arithmetic, several times slower.
 */
const us = (instant: RawBuilder<unknown>) => sql`round(date_part('epoch', ${instant}) * 1e6)`;
/**
 * Microseconds to milliseconds, in place, as the pg driver gives an instant as a Date: it drops the part below the
 * millisecond (postgres-date truncates), which is floor() here. NaN (null) stays NaN.
 */
function toMilliseconds(instants: Float64Array): Float64Array {
  for (let i = 0; i < instants.length; i++) instants[i] = Math.floor(instants[i]! / 1000);
  return instants;
}
/** A text's position in a list, from 0. */
const position = (list: readonly string[], value: RawBuilder<unknown>) =>
  sql`(array_position(${[...list]}::text[], ${value}) - 1)::float8`;

/** The columns that hold instants: read in microseconds, replayed in milliseconds. */
const instants = [
  'submittedAt',
  'decidedAt',
  'dueAt',
  'claimedAt',
  'firstDecisionAt',
  'firstApprovalAt',
] as const;

/** A column of the read: a float8 value per request (NaN for null), a uuid (as a key), or an answer (jsonb). */
interface Column {
  name: string;
  kind: 'float8' | 'uuid' | 'jsonb';
  value: RawBuilder<unknown>;
}
type Part = Map<string, Float64Array | string[] | unknown[]>;

/** The columns read for `s`, over request_replay_facts f and, when a rule reads them, the request's answers ra. */
function columnsOf(s: SimulationHistoryScope): Column[] {
  const float8 = (name: string, value: RawBuilder<unknown>): Column => ({
    name,
    kind: 'float8',
    value,
  });
  const columns = [
    float8('status', position(requestStatuses, sql`f.status`)),
    float8('submittedAt', us(sql`f.submitted_at`)),
    float8('decidedAt', us(sql`f.decided_at`)),
    float8('dueAt', us(sql`f.due_at`)),
    float8('amountRequestedCents', sql`f.amount_requested_cents::float8`),
    float8('approvedAmountCents', sql`f.approved_amount_cents::float8`),
    float8(
      'budgetUseCents',
      sql`budget_use_cents(f.status, f.approved_amount_cents, f.amount_requested_cents)::float8`,
    ),
    float8('language', position(languageSchema.options, sql`f.language`)),
    float8('claimedAt', us(sql`f.claimed_at`)),
    float8('firstDecisionAt', us(sql`f.first_decision_at`)),
    float8('firstApprovalAt', us(sql`f.first_approval_at`)),
    float8('decidedByRule', sql`f.decided_by_rule::int::float8`),
    float8(
      'paidCents',
      sql`case when f.settled_at >= ${s.start} and f.settled_at < ${s.end} then f.settled_cents::float8 end`,
    ),
  ];
  if (s.answersRead !== null) {
    columns.push(float8('answersPresent', sql`(ra.answers is not null)::int::float8`));
    s.answersRead.forEach((id, i) =>
      columns.push({ name: `answer${i}`, kind: 'jsonb', value: sql`ra.answers -> ${id}::text` }),
    );
  }
  if (s.withRuleInputs)
    columns.push(
      float8('riskLevel', position(riskLevels, sql`f.risk_level`)),
      { name: 'applicant', kind: 'uuid', value: sql`f.applicant_id` },
      { name: 'account', kind: 'uuid', value: sql`f.payee_account_id` },
    );
  return columns;
}

/**
 * One part of the period's requests (those of request_replay_facts f matching `where`), in `order`, as one row of
 * aggregated columns. JIT is off: compiling the expressions of a million-row plan took longer than running them.
 */
async function readPart(
  db: Kysely<Database>,
  s: SimulationHistoryScope,
  columns: readonly Column[],
  where: RawBuilder<unknown>,
  order: RawBuilder<unknown>,
): Promise<Part> {
  const aggregate = (c: Column) =>
    c.kind === 'jsonb'
      ? sql`jsonb_agg(t.${sql.ref(c.name)})`
      : c.kind === 'uuid'
        ? packUuid(sql`t.${sql.ref(c.name)}`)
        : packFloat8(sql`t.${sql.ref(c.name)}`);
  const query = sql<Record<string, unknown>>`
    select ${sql.join(columns.map((c) => sql`${aggregate(c)} as ${sql.ref(c.name)}`))}
    from (
      select ${sql.join(columns.map((c) => sql`${c.value} as ${sql.ref(c.name)}`))}
      from request_replay_facts f
      ${
        s.answersRead !== null
          ? // offset 0: one look-up by id per request, not a join that scans every request and sorts them again.
            sql`left join lateral (select r.answers from requests r where r.id = f.request_id offset 0) ra on true`
          : sql``
      }
      where f.program_id = ${s.programId} and f.status <> 'draft' and ${where}
      order by ${order}
    ) t`;
  const read = async (trx: Kysely<Database>) => {
    await sql`set local jit = off`.execute(trx);
    // One process reads the sub-query in order into the aggregates (workers would each aggregate a share).
    await sql`set local max_parallel_workers_per_gather = 0`.execute(trx);
    return (await query.execute(trx)).rows[0]!;
  };
  // `set local` lasts until the end of a transaction: each part takes its own, or the caller's.
  const row = db.isTransaction ? await read(db) : await db.transaction().execute(read);
  const part: Part = new Map();
  for (const c of columns) {
    const value = row[c.name] as string | unknown[] | null;
    part.set(
      c.name,
      c.kind === 'float8'
        ? readFloat8(value as string | null)
        : c.kind === 'uuid'
          ? readUuidKeys(value as string | null)
          : ((value as unknown[] | null) ?? []),
    );
  }
  // The sub-query's order reaches the aggregates, which PostgreSQL keeps and SQL does not promise: checked.
  const submitted = part.get('submittedAt') as Float64Array;
  for (let i = 1; i < submitted.length; i++)
    if (
      submitted[i]! < submitted[i - 1]! ||
      (Number.isNaN(submitted[i]!) && !Number.isNaN(submitted[i - 1]!))
    )
      throw new Error('replay history: a part of the period came out of submission order');
  return part;
}

/** The parts one after the other, as one column each. */
function concat(columns: readonly Column[], parts: readonly Part[]): Part {
  const whole: Part = new Map();
  for (const c of columns) {
    const pieces = parts.map((p) => p.get(c.name)!);
    if (c.kind === 'float8') {
      const out = new Float64Array(pieces.reduce((n, p) => n + p.length, 0));
      let at = 0;
      for (const p of pieces) {
        out.set(p as Float64Array, at);
        at += p.length;
      }
      whole.set(c.name, out);
    } else whole.set(c.name, ([] as unknown[]).concat(...(pieces as unknown[][])));
  }
  return whole;
}

/** How many parts the period is read in at once (PostgreSQL works each on a core of its own). */
const PARTS = 2;

/**
 * Every request of the program submitted, decided or paid in the period, in submission order (no submission time
 * first, then by submission time and id), from request_replay_facts. The period's submissions are ranges of
 * request_replay_facts_submitted_idx (program, submission time, id), already in order: the period is cut in PARTS
 * ranges of time, read at once on as many connections; the few requests submitted outside it but decided or paid in
 * it are read beside them. The answers (only those a scenario's rules read) come from the request itself, looked up by
 * id; what a rule weighs is read at the same time (ruleInputsOf).
 */
export async function simulationRequests(
  db: Kysely<Database>,
  s: SimulationHistoryScope,
): Promise<ReplayHistory> {
  const columns = columnsOf(s);
  const inPeriod = (from: Date, to: Date) =>
    sql`f.submitted_at >= ${from} and f.submitted_at < ${to}`;
  const order = sql`f.submitted_at, f.request_id`;
  const cuts = Array.from(
    { length: PARTS + 1 },
    (_, i) =>
      new Date(s.start.getTime() + Math.round(((s.end.getTime() - s.start.getTime()) * i) / PARTS)),
  );
  const outside = (when: RawBuilder<unknown>) => sql`${when}
    and ((f.decided_at >= ${s.start} and f.decided_at < ${s.end})
      or (f.settled_at >= ${s.start} and f.settled_at < ${s.end}))`;
  const [before, after, rules, ...period] = await Promise.all([
    // Submitted before the period (or, with no submission time, without it): few, and sorted the same way.
    readPart(
      db,
      s,
      columns,
      outside(sql`(f.submitted_at is null or f.submitted_at < ${s.start})`),
      sql`f.submitted_at nulls first, f.request_id`,
    ),
    readPart(db, s, columns, outside(sql`f.submitted_at >= ${s.end}`), order),
    s.withRuleInputs ? ruleFactsOf(db, s.programId) : null,
    ...cuts.slice(1).map((to, i) => readPart(db, s, columns, inPeriod(cuts[i]!, to), order)),
  ]);
  const all = concat(columns, [before, ...period, after]);
  const float = (name: string) => all.get(name) as Float64Array;
  const status = float('status');
  // What a rule weighs is compared to the microsecond, before the instants become milliseconds.
  const ruleInputs =
    rules === null
      ? null
      : ruleInputsOf(rules, {
          status,
          riskLevel: float('riskLevel'),
          applicant: all.get('applicant') as string[],
          account: all.get('account') as string[],
          submittedUs: float('submittedAt'),
          decidedUs: float('decidedAt'),
        });
  for (const name of instants) toMilliseconds(float(name));
  return {
    length: status.length,
    status,
    submittedAt: float('submittedAt'),
    decidedAt: float('decidedAt'),
    dueAt: float('dueAt'),
    amountRequestedCents: float('amountRequestedCents'),
    approvedAmountCents: float('approvedAmountCents'),
    budgetUseCents: float('budgetUseCents'),
    language: float('language'),
    claimedAt: float('claimedAt'),
    firstDecisionAt: float('firstDecisionAt'),
    firstApprovalAt: float('firstApprovalAt'),
    decidedByRule: float('decidedByRule'),
    paidCents: float('paidCents'),
    answers:
      s.answersRead === null
        ? null
        : {
            present: float('answersPresent'),
            byQuestion: new Map(
              s.answersRead.map((id, i) => [id, all.get(`answer${i}`) as unknown[]]),
            ),
          },
    ruleInputs,
  };
}

/** How many of the sorted `times` are strictly before `t` (binary search). */
function countBefore(times: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Times by key (uuid keys, microseconds), each list sorted. */
function timesByKey(keys: readonly string[], times: Float64Array): Map<string, number[]> {
  const byKey = new Map<string, number[]>();
  for (let i = 0; i < keys.length; i++) {
    const list = byKey.get(keys[i]!);
    if (list) list.push(times[i]!);
    else byKey.set(keys[i]!, [times[i]!]);
  }
  for (const list of byKey.values()) list.sort((a, b) => a - b);
  return byKey;
}

interface RuleFacts {
  approvedAt: Map<string, Float64Array>;
  returnedAt: Map<string, number[]>;
  firstRelease: Map<string, number>;
  staff: Set<string>;
}

/**
 * What a rule weighs, per applicant and account of the program (not per request): the applicants' approval times
 * (every program's), the times payments to them came back, each account's first release, and who is staff. Read
 * without the rows, so at the same time as them.
 */
async function ruleFactsOf(db: Kysely<Database>, programId: string): Promise<RuleFacts> {
  const applicantsOfProgram = sql`(select f.applicant_id from request_replay_facts f
    where f.program_id = ${programId} and f.status <> 'draft')`;
  const [approvals, returns, releases, staff] = await Promise.all([
    // One row per applicant with their approval times in order: tens of thousands of rows, not a value each.
    sql<{ applicant_id: string; times: string | null }>`
      select o.applicant_id, ${packFloat8(us(sql`o.decided_at`), sql`o.decided_at`)} as times
      from request_replay_facts o
      where o.status in (${APPROVED}) and o.decided_at is not null
        and o.applicant_id in ${applicantsOfProgram}
      group by o.applicant_id`.execute(db),
    // Returned payments are few (a couple in a hundred): all of them, kept for the applicants at hand below.
    sql<{ applicants: string | null; times: string | null }>`
      select ${packUuid(sql`(select o.applicant_id from request_replay_facts o where o.request_id = p.request_id)`)}
          as applicants,
        ${packFloat8(us(sql`p.returned_at`))} as times
      from payments p where p.returned_at is not null`.execute(db),
    // The first entry of each account in payments_account_released_idx.
    sql<{ accounts: string | null; times: string | null }>`
      select ${packUuid(sql`a.id`)} as accounts, ${packFloat8(us(sql`x.first`))} as times
      from (select distinct f.payee_account_id as id from request_replay_facts f
        where f.program_id = ${programId} and f.status <> 'draft' and f.payee_account_id is not null) a
      cross join lateral (select min(p.released_at) as first from payments p
        where p.payee_account_id = a.id and p.released_at is not null) x`.execute(db),
    sql<{ users: string | null }>`
      select ${packUuid(sql`ur.user_id`)} as users
      from (select distinct user_id from user_roles where role <> 'citizen') ur`.execute(db),
  ]);
  const release = releases.rows[0]!;
  const firsts = readFloat8(release.times);
  const firstRelease = new Map<string, number>();
  readUuidKeys(release.accounts).forEach((account, i) => {
    if (!Number.isNaN(firsts[i]!)) firstRelease.set(account, firsts[i]!);
  });
  return {
    approvedAt: new Map(approvals.rows.map((a) => [uuidKey(a.applicant_id), readFloat8(a.times)])),
    returnedAt: timesByKey(
      readUuidKeys(returns.rows[0]!.applicants),
      readFloat8(returns.rows[0]!.times),
    ),
    firstRelease,
    staff: new Set(readUuidKeys(staff.rows[0]!.users)),
  };
}

/**
 * A rule's inputs as they stood at each request's submission: its risk level (the one kept now: risk is recomputed,
 * not versioned), the applicant's earlier approvals and returned payments, whether a payment had gone out to the
 * account before (a prenote still waiting is not told apart: `none`), and whether the applicant is staff. Counted
 * here at each submission, to the microsecond as SQL compares.
 */
function ruleInputsOf(
  facts: RuleFacts,
  rows: {
    status: Float64Array;
    riskLevel: Float64Array;
    applicant: readonly string[];
    account: readonly string[];
    submittedUs: Float64Array;
    decidedUs: Float64Array;
  },
): NonNullable<ReplayHistory['ruleInputs']> {
  const n = rows.status.length;
  const out = {
    riskLevel: rows.riskLevel,
    approvedBefore: new Float64Array(n),
    returnedBefore: new Float64Array(n),
    accountProven: new Uint8Array(n),
    applicantIsStaff: new Uint8Array(n),
  };
  const none = new Float64Array(0);
  for (let i = 0; i < n; i++) {
    const applicant = rows.applicant[i]!;
    out.applicantIsStaff[i] = facts.staff.has(applicant) ? 1 : 0;
    const t = rows.submittedUs[i]!;
    if (Number.isNaN(t)) continue;
    let approvedBefore = countBefore(facts.approvedAt.get(applicant) ?? none, t);
    // The request itself is not an earlier approval of its applicant (only if decided before it was submitted).
    const decided = rows.decidedUs[i]!;
    if (APPROVED_POSITIONS.has(rows.status[i]!) && decided < t) approvedBefore -= 1;
    out.approvedBefore[i] = approvedBefore;
    out.returnedBefore[i] = countBefore(facts.returnedAt.get(applicant) ?? none, t);
    const released = rows.account[i] === '' ? undefined : facts.firstRelease.get(rows.account[i]!);
    out.accountProven[i] = released !== undefined && released < t ? 1 : 0;
  }
  return out;
}
