import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';

/**
 * The budgets read model (issue 13 item 3): it reads requests and writes nothing. The statuses and the amount it sums
 * come from the programs module's committed rule (passed in by the service), never restated here.
 */

const statusList = (statuses: readonly string[]) => sql.join(statuses.map((s) => sql.lit(s)));

/** The committed amount of one request, as the programs module's rule counts it. */
const committedAmount = sql`coalesce(r.approved_amount_cents, r.amount_requested_cents)`;

/**
 * Per program, the committed money of requests in two groups of statuses. Reads only the open and approved-unpaid
 * requests (indexed by status), never the whole paid history.
 */
export async function budgetSplit(
  db: Kysely<Database>,
  programIds: readonly string[],
  statuses: {
    awaitingDecision: readonly string[];
    obligated: readonly string[];
  },
) {
  if (programIds.length === 0) return new Map<string, BudgetSplit>();
  const programs = sql.join(programIds.map((id) => sql`${id}::uuid`));
  const { rows } = await sql<{
    program_id: string;
    awaiting: unknown;
    obligated: unknown;
  }>`
    select r.program_id,
      coalesce(sum(${committedAmount}) filter (where r.status in (${statusList(statuses.awaitingDecision)})), 0)
        as awaiting,
      coalesce(sum(${committedAmount}) filter (where r.status in (${statusList(statuses.obligated)})), 0)
        as obligated
    from requests r
    where r.program_id in (${programs})
      and r.status in (${statusList([...statuses.awaitingDecision, ...statuses.obligated])})
    group by r.program_id
  `.execute(db);
  return new Map<string, BudgetSplit>(
    rows.map((r) => [
      r.program_id,
      {
        awaitingDecisionCents: Number(r.awaiting),
        obligatedCents: Number(r.obligated),
      },
    ]),
  );
}

export interface BudgetSplit {
  awaitingDecisionCents: number;
  obligatedCents: number;
}
