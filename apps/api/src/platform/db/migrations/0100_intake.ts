import { sql, type Kysely } from 'kysely';

// Intake (0100–0199): the bank account a request pays into, the steps of a draft saved so far, one open draft per
// program and person, and uploaded documents (bytes in the database with their SHA-256).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table requests add column if not exists payee_account_id uuid references payee_accounts (id);
    alter table requests add column completed_steps jsonb not null default '[]'::jsonb;
    -- "Start application" on a program resumes the open draft instead of creating a second one.
    create unique index requests_one_draft_per_program on requests (applicant_id, program_id) where status = 'draft';

    create table documents (
      id uuid primary key,
      request_id uuid not null references requests (id),
      uploaded_by uuid not null references users (id),
      question_id text,
      filename text not null check (length(filename) between 1 and 200),
      mime_type text not null check (mime_type in ('application/pdf', 'image/jpeg', 'image/png')),
      size_bytes int not null check (size_bytes > 0 and size_bytes <= 10485760),
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      content bytea not null,
      created_at timestamptz not null default now()
    );
    create index documents_request_idx on documents (request_id, created_at, id);
  `.execute(db);
}
