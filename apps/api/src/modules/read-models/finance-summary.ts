import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';

// Read model "finance summary": money approved, pending, paid and returned per program (GET /finance/summary), from
// the per-day totals kept by the triggers on requests and payments (finance_day_totals) and the programs' names.
// It writes nothing.

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
