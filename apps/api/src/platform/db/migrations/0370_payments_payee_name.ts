import { sql, type Kysely } from 'kysely';

// The payments list sorted by payee, and a search of part of a payee's name, at a million payments (bench/finance).
//
// Sorted by payee, a page used to walk payee_accounts' name index and look up each payee's payments: a page deep in
// a quarter cost a thousand and more lookups into the largest index of the database. The name the list sorts and
// searches on is now on the payment (payments.payee_name, the holder name of its account, kept equal by triggers:
// copied when the payment is written or moved to another account, and rewritten when the bank corrects the holder
// name with a notification of change), and payments_finance_payee_name_idx walks the payments themselves in name
// order, carrying every column the lists filter on, so a page is read from that index alone.
const STATUS_COLUMNS = sql.raw(
  'request_id, program_id, status, settled_at, returned_at, released_at, updated_at, created_at, amount_cents',
);

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table payments add column payee_name text`.execute(db);
  // The copy changes no figure the finance and reconciliation triggers keep: spare them a million no-op rows.
  await sql`alter table payments disable trigger payments_finance_totals_update`.execute(db);
  await sql`alter table payments disable trigger payments_recon_update`.execute(db);
  await sql`update payments p set payee_name = pa.holder_name
    from payee_accounts pa where pa.id = p.payee_account_id`.execute(db);
  await sql`alter table payments enable trigger payments_recon_update`.execute(db);
  await sql`alter table payments enable trigger payments_finance_totals_update`.execute(db);
  await sql`alter table payments alter column payee_name set not null`.execute(db);
  await sql`
    create function payments_payee_name() returns trigger language plpgsql as $$
    begin
      select holder_name into strict new.payee_name from payee_accounts where id = new.payee_account_id;
      return new;
    end;
    $$;
    create trigger payments_payee_name before insert or update of payee_account_id on payments
      for each row execute function payments_payee_name();

    create function payee_accounts_holder_name_to_payments() returns trigger language plpgsql as $$
    begin
      update payments set payee_name = new.holder_name where payee_account_id = new.id;
      return null;
    end;
    $$;
    create trigger payee_accounts_holder_name_to_payments after update of holder_name on payee_accounts
      for each row when (old.holder_name is distinct from new.holder_name)
      execute function payee_accounts_holder_name_to_payments();
  `.execute(db);
  await sql`create index payments_finance_payee_name_idx on payments (payee_name, id)
    include (${STATUS_COLUMNS})`.execute(db);
}
