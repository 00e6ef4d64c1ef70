import { sql, type Kysely } from 'kysely';

// The finance lists' pages at a million requests (bench/finance), now that their totals come from the kept figures
// (0360): what is left is finding one page of a period in the list's order without sorting or joining the period.
//
// - payments.program_id: the program of the payment's request, copied once when the payment is written (a payment
//   never changes request, a request never changes program), so every filter of a payments list reads the payments
//   table alone, and one index can answer it.
// - payments_finance_status_at_idx again, without NULLS LAST: the date a payment reached its status is never null,
//   and the lists order by it with the default null placement, which a scan of a plain index gives (an index whose
//   null placement differs from the ORDER BY's is not used for it).
// - payments_finance_open_status_at_idx: the same date for payments not settled (3 % of them), so a figure with few
//   or none in a long period answers at once instead of walking the settled ones.
// - payments_finance_amount_idx, payments_payee_account_idx: in the order of the list sorted by amount, and by payee
//   (with payee_accounts_holder_name_idx), carrying every column the lists filter and sum, so a page, and a
//   search's matches, are found from the index alone and only the page's rows are read.
// - payments_request_idx, payments_trace_idx and requests_approved_amount_idx: the readings of a search (reference,
//   trace number, amount), each an index lookup. Part of a payee's name is matched by reading the payee accounts (a
//   trigram index would need the pg_trgm extension, which a schema-only dump and restore does not carry).
const STATUS_AT = sql.raw(`(case status
    when 'settled' then coalesce(settled_at, updated_at)
    when 'returned' then coalesce(returned_at, updated_at)
    when 'released' then coalesce(released_at, updated_at)
    when 'cancelled' then updated_at
    else created_at end)`);
// Every column a payments list filters, orders (apart from the payee's name and the reference) or sums on.
const LISTED = sql.raw(
  'id, request_id, payee_account_id, amount_cents, program_id, status, settled_at, returned_at, released_at, ' +
    'updated_at, created_at',
);

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table payments add column program_id uuid references programs (id)`.execute(db);
  // The copy changes no figure the finance triggers keep: spare them a million no-op rows.
  await sql`alter table payments disable trigger payments_finance_totals_update`.execute(db);
  await sql`update payments p set program_id = r.program_id from requests r where r.id = p.request_id`.execute(
    db,
  );
  await sql`alter table payments enable trigger payments_finance_totals_update`.execute(db);
  await sql`alter table payments alter column program_id set not null`.execute(db);
  await sql`
    create function payments_program_id() returns trigger language plpgsql as $$
    begin
      select program_id into strict new.program_id from requests where id = new.request_id;
      return new;
    end;
    $$;
    create trigger payments_program_id before insert or update of request_id on payments
      for each row execute function payments_program_id();
  `.execute(db);

  await sql`drop index payments_finance_status_at_idx`.execute(db);
  await sql`create index payments_finance_status_at_idx on payments (${STATUS_AT} desc, id desc)`.execute(
    db,
  );
  await sql`create index payments_finance_open_status_at_idx on payments (${STATUS_AT} desc, id desc)
    where status <> 'settled'`.execute(db);
  await sql`create index payments_finance_amount_idx on payments (amount_cents desc, id desc)
    include (${LISTED})`.execute(db);
  await sql`create index payments_payee_account_idx on payments (payee_account_id)
    include (${LISTED})`.execute(db);
  await sql`create index payee_accounts_holder_name_idx on payee_accounts (holder_name, id)`.execute(
    db,
  );
  await sql`create index payments_request_idx on payments (request_id)`.execute(db);
  await sql`create index payments_trace_idx on payments (trace_number) where trace_number is not null`.execute(
    db,
  );
  await sql`create index requests_approved_amount_idx on requests (approved_amount_cents)
    where approved_amount_cents is not null`.execute(db);
}
