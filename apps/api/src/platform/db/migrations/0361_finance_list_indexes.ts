import { sql, type Kysely } from 'kysely';

// The finance lists' pages at a million requests (bench/finance), now that their totals come from the kept figures
// (0360): what is left is reading one page in the list's order without sorting the period.
//
// - payments_finance_status_at_idx again, without NULLS LAST: the date a payment reached its status is never null,
//   and the lists order by it with the default null placement, which a backward or forward scan of a plain index
//   gives (an index whose null placement differs from the ORDER BY's is not used for it).
// - payments_finance_open_status_at_idx: the same date for payments not settled (pending, released, returned,
//   cancelled: 3 % of them), so a figure with none in a long period answers at once instead of walking the settled.
// - payee_accounts_holder_name_idx and payments_payee_account_idx: the list sorted by payee name reads in that
//   order and stops after the page; a search by payee name finds the payee's payments without a scan.
// - requests_approved_amount_idx: a search by amount matches the approved amount too (a bitmap OR with the
//   reference and requested-amount indexes, not a scan).
const STATUS_AT = sql.raw(`(case status
    when 'settled' then coalesce(settled_at, updated_at)
    when 'returned' then coalesce(returned_at, updated_at)
    when 'released' then coalesce(released_at, updated_at)
    when 'cancelled' then updated_at
    else created_at end)`);

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index payments_finance_status_at_idx`.execute(db);
  await sql`create index payments_finance_status_at_idx on payments (${STATUS_AT} desc, id desc)`.execute(
    db,
  );
  await sql`create index payments_finance_open_status_at_idx on payments (${STATUS_AT} desc, id desc)
    where status <> 'settled'`.execute(db);
  await sql`create index payments_finance_amount_idx on payments (amount_cents desc, id desc)`.execute(
    db,
  );
  await sql`create index payments_payee_account_idx on payments (payee_account_id)`.execute(db);
  await sql`create index payee_accounts_holder_name_idx on payee_accounts (holder_name, id)`.execute(
    db,
  );
  await sql`create index requests_approved_amount_idx on requests (approved_amount_cents)
    where approved_amount_cents is not null`.execute(db);
}
