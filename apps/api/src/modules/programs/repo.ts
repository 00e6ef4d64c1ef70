import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/db/ids.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** Statuses whose money counts against a program's budget (everything submitted and not rejected or withdrawn). */
export const BUDGET_STATUSES = [
  'submitted',
  'in_review',
  'needs_info',
  'awaiting_second_approval',
  'approved',
  'payment_returned',
  'paid',
] as const;

const programColumns = [
  'programs.id',
  'programs.slug',
  'programs.version',
  'programs.name_en',
  'programs.name_es',
  'programs.description_en',
  'programs.description_es',
  'programs.eligibility_en',
  'programs.eligibility_es',
  'programs.max_amount_cents',
  'programs.budget_cents',
  'programs.review_deadline_days',
  'programs.opens_at',
  'programs.closes_at',
  'programs.definition',
  'programs.practice',
] as const;

/** Where now falls against the program's dates; the catalog (listPrograms) selects it too. */
export const windowState = sql<'not_open_yet' | 'closed' | 'open'>`case
  when programs.opens_at is not null and programs.opens_at > now() then 'not_open_yet'
  when programs.closes_at is not null and programs.closes_at <= now() then 'closed'
  else 'open' end`;

/**
 * Money committed against the program's budget: coalesce(approved, requested) over BUDGET_STATUSES, kept per program
 * by triggers in program_budget_use (migration 0202_program_budget_use). The catalog selects it too.
 */
export const committed = sql<number>`coalesce((select pbu.committed_cents from program_budget_use pbu
  where pbu.program_id = programs.id), 0)::bigint`;

/** The same sum computed from the requests table (tests prove the kept counter equals it). */
export async function recountCommitted(db: Q, programId: string): Promise<number> {
  const { rows } = await sql<{ c: string | number }>`
    select coalesce(sum(coalesce(r.approved_amount_cents, r.amount_requested_cents)), 0)::bigint as c
    from requests r where r.program_id = ${programId}::uuid
    and r.status in (${sql.join(BUDGET_STATUSES.map((s) => sql.lit(s)))})`.execute(db);
  return Number(rows[0]!.c);
}

export async function findProgram(db: Q, by: { slug: string } | { id: string }) {
  let q = db
    .selectFrom('programs')
    .select([...programColumns, windowState.as('window_state'), committed.as('committed_cents')]);
  q = 'slug' in by ? q.where('programs.slug', '=', by.slug) : q.where('programs.id', '=', by.id);
  return q.executeTakeFirst();
}

export type ProgramRow = NonNullable<Awaited<ReturnType<typeof findProgram>>>;

/**
 * The definition a request was answered against: the program_versions row of its program_version (written by the
 * triggers of migration 0101). Falls back to the program's current definition only when that row is missing, which
 * can only be a request whose version predates 0101 (the backfill knew only the then-current definition): showing
 * today's questions is then the best still known, and better than showing the answers with no questions at all.
 */
export async function definitionForRequest(
  db: Q,
  programId: string,
  version: number,
): Promise<{ version: number; definition: Record<string, unknown> } | undefined> {
  const kept = await db
    .selectFrom('program_versions')
    .select(['version', 'definition'])
    .where('program_id', '=', programId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (kept) return kept;
  return db
    .selectFrom('programs')
    .select(['version', 'definition'])
    .where('id', '=', programId)
    .executeTakeFirst();
}

/** Serialises submissions to one program so two last-minute submits cannot both spend the last of the budget. */
export async function lockProgram(trx: Transaction<Database>, programId: string): Promise<void> {
  await trx.selectFrom('programs').select('id').where('id', '=', programId).forUpdate().execute();
}

/** Locks the program row: approvals in one program run one at a time, so two cannot both spend the last budget. */
export async function lockProgramBudget(
  trx: Transaction<Database>,
  programId: string,
  excludeRequestId: string,
) {
  const { rows } = await sql<{
    name_en: string;
    max_amount_cents: number;
    budget_cents: number;
    approval_threshold_cents: number;
    committed_cents: number;
  }>`
    with p as (select * from programs where id = ${programId}::uuid for update)
    select p.name_en, p.max_amount_cents, p.budget_cents, p.approval_threshold_cents,
      (coalesce((select committed_cents from program_commitments where program_id = p.id), 0)
        - coalesce((select committed_cents(status, approved_amount_cents) from requests where id = ${excludeRequestId}::uuid), 0))::bigint
        as committed_cents
    from p
  `.execute(trx);
  const p = rows[0]!;
  return {
    name: p.name_en,
    maxAmountCents: Number(p.max_amount_cents),
    budgetCents: Number(p.budget_cents),
    thresholdCents: Number(p.approval_threshold_cents),
    committedCents: Number(p.committed_cents),
  };
}

/** The public catalog: every program with its window state and committed money, by name. */
export async function listPrograms(db: Q) {
  return (
    db
      .selectFrom('programs')
      .select([
        'id',
        'slug',
        'name_en',
        'name_es',
        'description_en',
        'description_es',
        'eligibility_en',
        'eligibility_es',
        'max_amount_cents',
        'opens_at',
        'closes_at',
        'review_deadline_days',
        'budget_cents',
        windowState.as('window_state'),
        committed.as('committed_cents'),
      ])
      // A practice program (training data only) is never offered to citizens.
      .where('practice', '=', false)
      .orderBy('name_en')
      .orderBy('id')
      .execute()
  );
}

/**
 * Inserts the program, or updates it by slug when its definition or window changed (bumping its version); false when
 * nothing changed.
 */
export async function upsertProgram(
  trx: Transaction<Database>,
  row: Omit<Insertable<Database['programs']>, 'id'> & { slug: string },
): Promise<boolean> {
  const res = await trx
    .insertInto('programs')
    .values({ id: uuidv7(), ...row })
    .onConflict((oc) =>
      oc
        .column('slug')
        .doUpdateSet((eb) => ({
          ...Object.fromEntries(
            Object.keys(row)
              .filter((k) => k !== 'slug')
              .map((k) => [k, eb.ref(`excluded.${k}` as 'excluded.name_en')]),
          ),
          version: sql<number>`programs.version + 1`,
        }))
        .where(
          sql<boolean>`programs.definition is distinct from excluded.definition or programs.opens_at is distinct from excluded.opens_at or programs.closes_at is distinct from excluded.closes_at`,
        ),
    )
    .returning('id')
    .executeTakeFirst();
  return res !== undefined;
}

// ---- Practice space (issue 11 item 9): programs marked practice hold generated training requests only.

/** Every program with whether it is a practice program, by name (the practice screen's choice of program). */
export async function listProgramsWithPractice(db: Q) {
  return db
    .selectFrom('programs')
    .select(['id', 'slug', 'name_en', 'name_es', 'practice'])
    .orderBy('name_en')
    .orderBy('id')
    .execute();
}

/** Marks or unmarks a program as practice; false when there is no such program. */
export async function setPractice(
  trx: Transaction<Database>,
  id: string,
  practice: boolean,
): Promise<boolean> {
  const res = await trx
    .updateTable('programs')
    .set({ practice })
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
  return res !== undefined;
}

/** A new program row copied from `source`, with another slug, names and definition, marked practice. */
export async function insertPracticeCopy(
  trx: Transaction<Database>,
  sourceId: string,
  row: {
    slug: string;
    name_en: string;
    name_es: string;
    definition: Record<string, unknown>;
  },
): Promise<string | undefined> {
  const id = uuidv7();
  const { rows } = await sql<{ id: string }>`
    insert into programs (id, slug, name_en, name_es, description_en, description_es, eligibility_en, eligibility_es,
      sec_code, max_amount_cents, budget_cents, approval_threshold_cents, review_deadline_days, requires_prenote,
      opens_at, closes_at, definition, practice)
    select ${id}::uuid, ${row.slug}, ${row.name_en}, ${row.name_es}, description_en, description_es, eligibility_en,
      eligibility_es, sec_code, max_amount_cents, budget_cents, approval_threshold_cents, review_deadline_days,
      requires_prenote, null, null, ${JSON.stringify(row.definition)}::jsonb, true
    from programs where id = ${sourceId}::uuid
    returning id
  `.execute(trx);
  return rows[0]?.id;
}

export async function slugExists(db: Q, slug: string): Promise<boolean> {
  const row = await db
    .selectFrom('programs')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row !== undefined;
}
