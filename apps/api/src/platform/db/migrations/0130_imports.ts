import { sql, type Kysely } from 'kysely';

// Imports (issue 12). import_runs: one row per real import (a dry run writes nothing at all), with its report.
// imported_records: which record each external id of an agency's old system became, and the hash of the row it came
// from, so importing the same file again changes nothing (same hash: unchanged) and a changed row updates the same
// record instead of creating a second one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table import_runs (
      id uuid primary key,
      kind text not null check (kind in ('payees', 'requests')),
      file_name text not null,
      file_sha256 text not null,
      dry_run boolean not null default false,
      status text not null check (status in ('completed', 'rejected')),
      rows integer not null,
      created integer not null,
      updated integer not null,
      unchanged integer not null,
      rejected integer not null,
      report jsonb not null,
      started_by uuid references users (id),
      created_at timestamptz not null default now(),
      finished_at timestamptz
    );
    create table imported_records (
      kind text not null check (kind in ('payees', 'requests')),
      external_id text not null,
      entity_id uuid not null,
      row_hash text not null,
      import_run_id uuid not null references import_runs (id),
      source_file text not null,
      phone text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (kind, external_id)
    );
    create unique index imported_records_entity_idx on imported_records (kind, entity_id);
  `.execute(db);
}
