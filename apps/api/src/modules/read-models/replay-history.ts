import { sql, type Kysely } from 'kysely';
import { approvedRequestStatuses, paymentFigureStatuses } from '@hms/contracts/finance-overview';
import type { Language } from '@hms/contracts/language';
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

export interface SimulationHistoryRow {
  id: string;
  status: RequestStatus;
  submitted_at: Date | null;
  decided_at: Date | null;
  due_at: Date | null;
  amount_requested_cents: unknown;
  approved_amount_cents: unknown;
  budget_use_cents: unknown;
  language: Language;
  answers: Record<string, unknown> | null;
  claimed_at: Date | null;
  first_decision_at: Date | null;
  first_approval_at: Date | null;
  /** Its approval was made by a decision rule, not a person (decisions.rule_version_id). */
  decided_by_rule: boolean;
  rule_inputs: ReplayRuleInputs | null;
}

const PAID = sql.join(paymentFigureStatuses.paid.map((s) => sql.lit(s)));
const APPROVED = sql.join(approvedRequestStatuses.map((s) => sql.lit(s)));

/**
 * A rule's inputs as they stood at the request's submission, from the rows: its risk level (the one kept now: risk
 * is recomputed, not versioned), the applicant's earlier approvals and returned payments, whether a payment had
 * gone out to the account before (a prenote still waiting is not told apart: `none`), and whether the applicant is
 * staff.
 */
const ruleInputs = sql`json_build_object(
  'riskLevel', r.risk_level,
  'approvedBefore', (select count(*) from requests o
    where o.applicant_id = r.applicant_id and o.id <> r.id and o.status in (${APPROVED})
      and o.decided_at < r.submitted_at),
  'returnedBefore', (select count(*) from payments p join requests o on o.id = p.request_id
    where o.applicant_id = r.applicant_id and p.returned_at < r.submitted_at),
  'accountProven', exists (select 1 from payments p
    where p.payee_account_id = r.payee_account_id and p.released_at < r.submitted_at),
  'applicantIsStaff', exists (select 1 from user_roles ur
    where ur.user_id = r.applicant_id and ur.role <> 'citizen'))`;
/** When a paid payment settled: the overview's date for it (finance/repo.ts#paymentStatusAt for 'settled'). */
const settledAt = sql`coalesce(p.settled_at, p.updated_at)`;

/**
 * Every request of the program submitted, decided or paid in the period, in submission order, with the first claim,
 * the first decision by a person and the first of two approvals. Each arm of the union reads its own index.
 */
export async function simulationRequests(
  db: Kysely<Database>,
  s: SimulationHistoryScope,
): Promise<SimulationHistoryRow[]> {
  const { rows } = await sql<SimulationHistoryRow>`
    with ids as (
      select r.id from requests r
      where r.program_id = ${s.programId} and r.submitted_at >= ${s.start} and r.submitted_at < ${s.end}
      union
      select r.id from requests r
      where r.program_id = ${s.programId} and r.decided_at >= ${s.start} and r.decided_at < ${s.end}
      union
      select p.request_id from payments p
      where p.program_id = ${s.programId} and p.status in (${PAID})
        and ${settledAt} >= ${s.start} and ${settledAt} < ${s.end}
    )
    select r.id, r.status, r.submitted_at, r.decided_at, r.due_at, r.amount_requested_cents,
      r.approved_amount_cents,
      budget_use_cents(r.status, r.approved_amount_cents, r.amount_requested_cents) as budget_use_cents,
      u.language, ${s.withAnswers ? sql`r.answers` : sql`null::jsonb`} as answers,
      ev.claimed_at, ev.first_decision_at, ev.first_approval_at,
      exists (select 1 from decisions d where d.request_id = r.id and d.rule_version_id is not null)
        as decided_by_rule,
      ${s.withRuleInputs ? ruleInputs : sql`null::json`} as rule_inputs
    from ids
    join requests r on r.id = ids.id
    join users u on u.id = r.applicant_id
    left join lateral (
      select min(e.created_at) filter (where e.type = 'claimed') as claimed_at,
        min(e.created_at) filter (where e.actor_kind = 'user' and e.type <> 'claimed') as first_decision_at,
        min(e.created_at) filter (where e.type = 'first_approval') as first_approval_at
      from request_events e
      where e.request_id = r.id and e.type in ('claimed', 'first_approval', 'approved', 'rejected')
    ) ev on true
    where r.status <> 'draft'
    order by r.submitted_at nulls first, r.id
  `.execute(db);
  return rows;
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
