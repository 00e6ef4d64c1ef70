import { sql, type Kysely } from 'kysely';

// Reconciliation at 1,000,000 requests (bench/finance, issue 13): every batches list and the file_total_mismatch
// exceptions summed all 718,000 money entries (each joined to its payment and return) on every call, 1.7 to 4.3 s.
// reconciliation_batch_figures keeps, per batch, its money entries' count and sum and their outcomes (settled,
// returned, outstanding), exact, by statement-level triggers in the writing transaction (the pattern of
// program_budget_use, 0202): a list of batches reads one row per batch.
//
// An entry's outcome (kind 'payment' only; a prenote moves no money) is:
//   returned    when an ach_returns row names it (counted at the return's amount),
//   settled     otherwise when its payment's status is 'settled',
//   outstanding otherwise.
// So three kinds of write move it, and each trigger adds the change of the entries it touches, reading the other two
// tables as they are (one statement changes one table, so "as they are" is both before and after):
//   ach_entries  insert / delete / update: + the new rows' outcome, − the old rows';
//   ach_returns  insert / delete / update: the entry moves from settled-or-outstanding (by its payment now) to
//                returned, or back;
//   payments     update: only a payment crossing into or out of 'settled' moves its unreturned entries between
//                settled and outstanding; any other update nets to nothing and writes nothing.
// Rows are upserted in batch_id order, so two writers lock them in the same order. Backfilled from the base tables.
/**
 * The upsert of a statement's change: `rows` yields one row per entry state added (sg = 1) or taken away (sg = −1),
 * as (batch_id, sg, amt: the entry's amount, is_ret, ret_amt: the return's amount, is_settled: its payment's status).
 */
const apply = (rows: string) => `
  insert into reconciliation_batch_figures as f
    select * from (
      select batch_id, sum(sg), sum(sg * amt),
        coalesce(sum(sg) filter (where not is_ret and is_settled), 0),
        coalesce(sum(sg * amt) filter (where not is_ret and is_settled), 0),
        coalesce(sum(sg) filter (where is_ret), 0),
        coalesce(sum(sg * ret_amt) filter (where is_ret), 0),
        coalesce(sum(sg) filter (where not is_ret and not is_settled), 0),
        coalesce(sum(sg * amt) filter (where not is_ret and not is_settled), 0)
      from (${rows}) d
      group by batch_id
    ) g (batch_id, entries_count, entries_cents, settled_count, settled_cents, returned_count, returned_cents,
         outstanding_count, outstanding_cents)
    where (entries_count, entries_cents, settled_count, settled_cents, returned_count, returned_cents,
           outstanding_count, outstanding_cents) <> (0, 0, 0, 0, 0, 0, 0, 0)
    order by batch_id
  on conflict (batch_id) do update set
    entries_count = f.entries_count + excluded.entries_count,
    entries_cents = f.entries_cents + excluded.entries_cents,
    settled_count = f.settled_count + excluded.settled_count,
    settled_cents = f.settled_cents + excluded.settled_cents,
    returned_count = f.returned_count + excluded.returned_count,
    returned_cents = f.returned_cents + excluded.returned_cents,
    outstanding_count = f.outstanding_count + excluded.outstanding_count,
    outstanding_cents = f.outstanding_cents + excluded.outstanding_cents;`;

/** An entry's state as it is now (its return, if any, and its payment's status), signed. */
const entryNow = (entries: string, sg: number) => `
  select x.batch_id, ${sg} as sg, x.amount_cents as amt, ret.id is not null as is_ret, ret.amount_cents as ret_amt,
    p.status = 'settled' as is_settled
  from ${entries} x
  join payments p on p.id = x.payment_id
  left join ach_returns ret on ret.entry_id = x.id
  where x.kind = 'payment'`;

/** Returns added (sg = 1) or taken away (−1): each entry leaves (or re-enters) settled-or-outstanding by its payment. */
const returnsMove = (returns: string, sg: number) => `
  select e.batch_id, ${sg} as sg, e.amount_cents as amt, true as is_ret, r.amount_cents as ret_amt, false as is_settled
  from ${returns} r join ach_entries e on e.id = r.entry_id join payments p on p.id = e.payment_id
  where e.kind = 'payment'
  union all
  select e.batch_id, ${-sg}, e.amount_cents, false, null, p.status = 'settled'
  from ${returns} r join ach_entries e on e.id = r.entry_id join payments p on p.id = e.payment_id
  where e.kind = 'payment'`;

const triggers = `
  create function reconciliation_batch_figures_entries() returns trigger language plpgsql as $$
  begin
    if tg_op = 'INSERT' then ${apply(entryNow('new_rows', 1))}
    elsif tg_op = 'UPDATE' then ${apply(`${entryNow('new_rows', 1)} union all ${entryNow('old_rows', -1)}`)}
    else ${apply(entryNow('old_rows', -1))}
    end if;
    return null;
  end;
  $$;
  create trigger ach_entries_recon_insert after insert on ach_entries
    referencing new table as new_rows for each statement execute function reconciliation_batch_figures_entries();
  create trigger ach_entries_recon_update after update on ach_entries
    referencing old table as old_rows new table as new_rows
    for each statement execute function reconciliation_batch_figures_entries();
  create trigger ach_entries_recon_delete after delete on ach_entries
    referencing old table as old_rows for each statement execute function reconciliation_batch_figures_entries();

  create function reconciliation_batch_figures_returns() returns trigger language plpgsql as $$
  begin
    if tg_op = 'INSERT' then ${apply(returnsMove('new_rows', 1))}
    elsif tg_op = 'UPDATE' then ${apply(`${returnsMove('new_rows', 1)} union all ${returnsMove('old_rows', -1)}`)}
    else ${apply(returnsMove('old_rows', -1))}
    end if;
    return null;
  end;
  $$;
  create trigger ach_returns_recon_insert after insert on ach_returns
    referencing new table as new_rows for each statement execute function reconciliation_batch_figures_returns();
  create trigger ach_returns_recon_update after update on ach_returns
    referencing old table as old_rows new table as new_rows
    for each statement execute function reconciliation_batch_figures_returns();
  create trigger ach_returns_recon_delete after delete on ach_returns
    referencing old table as old_rows for each statement execute function reconciliation_batch_figures_returns();

  -- Only a payment crossing into or out of 'settled' moves its entries that no return names.
  create function reconciliation_batch_figures_payments() returns trigger language plpgsql as $$
  begin
    ${apply(`
      select e.batch_id, s.sg, e.amount_cents as amt, false as is_ret, null::bigint as ret_amt, s.is_settled
      from (
        select n.id, (n.status = 'settled') as now_settled from new_rows n join old_rows o on o.id = n.id
        where (n.status = 'settled') <> (o.status = 'settled')
      ) c
      join ach_entries e on e.payment_id = c.id and e.kind = 'payment'
      cross join lateral (values (1, c.now_settled), (-1, not c.now_settled)) s (sg, is_settled)
      where not exists (select 1 from ach_returns ret where ret.entry_id = e.id)`)}
    return null;
  end;
  $$;
  create trigger payments_recon_update after update on payments
    referencing old table as old_rows new table as new_rows
    for each statement execute function reconciliation_batch_figures_payments();
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table reconciliation_batch_figures (
      batch_id uuid primary key references ach_batches (id),
      entries_count bigint not null default 0,
      entries_cents bigint not null default 0,
      settled_count bigint not null default 0,
      settled_cents bigint not null default 0,
      returned_count bigint not null default 0,
      returned_cents bigint not null default 0,
      outstanding_count bigint not null default 0,
      outstanding_cents bigint not null default 0
    );

    insert into reconciliation_batch_figures
      select e.batch_id, count(*), sum(e.amount_cents),
        count(*) filter (where ret.id is null and p.status = 'settled'),
        coalesce(sum(e.amount_cents) filter (where ret.id is null and p.status = 'settled'), 0),
        count(ret.id), coalesce(sum(ret.amount_cents), 0),
        count(*) filter (where ret.id is null and p.status <> 'settled'),
        coalesce(sum(e.amount_cents) filter (where ret.id is null and p.status <> 'settled'), 0)
      from ach_entries e
      join payments p on p.id = e.payment_id
      left join ach_returns ret on ret.entry_id = e.id
      where e.kind = 'payment'
      group by e.batch_id;

${sql.raw(triggers)}
  `.execute(db);
}
