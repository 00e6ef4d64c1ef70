import { sql, type Kysely } from 'kysely';

// Agency settings (issue 11, item 6): one row, changed by an administrator in the browser and read by every consumer
// (NACHA originator and cut-off, prenote wait, session lifetimes, publishing). The API fills it from the environment
// on its first start (HMS_ACH_*, HMS_SESSION_*); after that the row rules. `version` guards concurrent edits.
// The audit log gets the indexes its admin search filters on (who, what, which record, when).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table agency_settings (
      id smallint primary key default 1 check (id = 1),
      company_name text not null,
      company_id text not null,
      odfi_routing text not null,
      immediate_destination text not null,
      immediate_destination_name text not null,
      immediate_origin text not null,
      immediate_origin_name text not null,
      same_day_cutoff text not null check (same_day_cutoff ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      prenote_wait_days int not null check (prenote_wait_days between 1 and 30),
      session_ttl_hours int not null check (session_ttl_hours between 1 and 720),
      session_idle_minutes int not null check (session_idle_minutes between 1 and 1440),
      publish_needs_second_approval boolean not null default true,
      version int not null default 1,
      updated_by uuid references users (id),
      updated_at timestamptz not null default now()
    );
    create index audit_log_actor_idx on audit_log (actor_id, id);
    create index audit_log_action_idx on audit_log (action, id);
    create index audit_log_at_idx on audit_log (at);
  `.execute(db);
}
