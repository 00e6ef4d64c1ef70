import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';

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
