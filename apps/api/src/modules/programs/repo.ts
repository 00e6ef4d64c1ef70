import { sql, type Insertable, type RawBuilder, type Transaction } from 'kysely';
import type { Database, Queryable } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/db/ids.ts';

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

/**
 * Every real program's budget and committed money (the finance budgets page), by name: practice programs (training
 * data) are left out, archived ones stay (their money was real). `programId` null = every program.
 */
export async function listProgramBudgets(db: Queryable, programId: string | null) {
  let q = db
    .selectFrom('programs')
    .select(['id', 'slug', 'name_en', 'name_es', 'budget_cents', committed.as('committed_cents')])
    .where('practice', '=', false);
  if (programId !== null) q = q.where('id', '=', programId);
  return q.orderBy('name_en').orderBy('id').execute();
}

/** The same sum computed from the requests table (tests prove the kept counter equals it). */
export async function recountCommitted(db: Queryable, programId: string): Promise<number> {
  const { rows } = await sql<{ c: string | number }>`
    select coalesce(sum(coalesce(r.approved_amount_cents, r.amount_requested_cents)), 0)::bigint as c
    from requests r where r.program_id = ${programId}::uuid
    and r.status in (${sql.join(BUDGET_STATUSES.map((s) => sql.lit(s)))})`.execute(db);
  return Number(rows[0]!.c);
}

export async function findProgram(db: Queryable, by: { slug: string } | { id: string }) {
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
  db: Queryable,
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

/**
 * Money committed to the program's requests (the kept program_commitments) less what `excludeRequestId` commits: what
 * a decision on that request may spend on top.
 */
const committedExcept = (programId: RawBuilder<unknown>, excludeRequestId: string) => sql<number>`
  (coalesce((select committed_cents from program_commitments where program_id = ${programId}), 0)
    - coalesce((select committed_cents(status, approved_amount_cents) from requests where id = ${excludeRequestId}::uuid), 0))::bigint`;

/** Money committed to the program's other requests: what decisions' budget check counts (this one excluded). */
export async function committedCentsExcept(
  db: Queryable,
  programId: string,
  excludeRequestId: string,
): Promise<number> {
  const { rows } = await sql<{ c: number }>`
    select ${committedExcept(sql`${programId}::uuid`, excludeRequestId)} as c
  `.execute(db);
  return Number(rows[0]?.c ?? 0);
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
      ${committedExcept(sql`p.id`, excludeRequestId)} as committed_cents
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
export async function listPrograms(db: Queryable) {
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
      // Archived programs leave the catalog (their requests still show them).
      .where('archived_at', 'is', null)
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
        // A program an administrator has published, opened, closed or archived is theirs: the seed leaves it alone.
        // (Read through to_jsonb so the seed still runs on a schema from before migration 0110.)
        .where(
          sql<boolean>`(to_jsonb(programs) ->> 'admin_changed_at') is null and (programs.definition is distinct from excluded.definition or programs.opens_at is distinct from excluded.opens_at or programs.closes_at is distinct from excluded.closes_at)`,
        ),
    )
    .returning('id')
    .executeTakeFirst();
  return res !== undefined;
}

// ---- Practice space (issue 11 item 9): programs marked practice hold generated training requests only.

/** Every program with whether it is a practice program, by name (the practice screen's choice of program). */
export async function listProgramsWithPractice(db: Queryable) {
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

export async function slugExists(db: Queryable, slug: string): Promise<boolean> {
  const row = await db
    .selectFrom('programs')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row !== undefined;
}

// ── Administration (migration 0110): drafts, publish requests, versions. ──────────────────────────────────────

/** Every program an administrator sees: the published ones and those that exist only as a draft. */
export async function listAdminPrograms(db: Queryable) {
  const { rows } = await sql<{
    id: string;
    slug: string;
    name_en: string;
    name_es: string;
    live_version: number | null;
    archived_at: Date | null;
    opens_at: Date | null;
    closes_at: Date | null;
    window_state: 'not_open_yet' | 'closed' | 'open' | null;
    draft_definition: Record<string, unknown> | null;
    live_definition: Record<string, unknown> | null;
    pending: boolean;
  }>`
    select coalesce(p.id, d.program_id) as id, coalesce(p.slug, d.slug) as slug,
      coalesce(p.name_en, d.definition -> 'name' ->> 'en') as name_en,
      coalesce(p.name_es, d.definition -> 'name' ->> 'es', '') as name_es,
      p.version as live_version, p.archived_at, p.opens_at, p.closes_at,
      case when p.id is null then null
        when p.opens_at is not null and p.opens_at > now() then 'not_open_yet'
        when p.closes_at is not null and p.closes_at <= now() then 'closed'
        else 'open' end as window_state,
      d.definition as draft_definition, p.definition as live_definition,
      exists (select 1 from program_publish_requests r
        where r.program_id = coalesce(p.id, d.program_id) and r.state = 'pending') as pending
    from programs p full outer join program_drafts d on d.program_id = p.id
    order by 3, 1
  `.execute(db);
  return rows;
}

export async function findLiveProgram(db: Queryable, programId: string) {
  return db
    .selectFrom('programs')
    .select([
      'id',
      'slug',
      'version',
      'definition',
      'archived_at',
      'opens_at',
      'closes_at',
      windowState.as('window_state'),
    ])
    .where('id', '=', programId)
    .executeTakeFirst();
}

export type LiveProgramRow = NonNullable<Awaited<ReturnType<typeof findLiveProgram>>>;

export async function findDraft(db: Queryable, programId: string) {
  return db
    .selectFrom('program_drafts as d')
    .leftJoin('users as u', 'u.id', 'd.updated_by')
    .select([
      'd.program_id',
      'd.slug',
      'd.definition',
      'd.revision',
      'd.updated_at',
      'd.updated_by',
      'u.display_name as updated_by_name',
    ])
    .where('d.program_id', '=', programId)
    .executeTakeFirst();
}

/** Locks the draft row so saves, publish requests and approvals of one program run one at a time. */
export async function lockDraft(trx: Transaction<Database>, programId: string) {
  return trx
    .selectFrom('program_drafts')
    .select(['program_id', 'revision', 'definition'])
    .where('program_id', '=', programId)
    .forUpdate()
    .executeTakeFirst();
}

/** Whether another program (published or draft) already uses this slug. */
export async function slugTaken(db: Queryable, slug: string, exceptProgramId: string | null) {
  const { rows } = await sql<{ taken: boolean }>`
    select exists (
      select 1 from programs where slug = ${slug} and id is distinct from ${exceptProgramId}::uuid
      union all
      select 1 from program_drafts where slug = ${slug} and program_id is distinct from ${exceptProgramId}::uuid
    ) as taken`.execute(db);
  return rows[0]!.taken;
}

export async function insertDraft(
  trx: Transaction<Database>,
  row: { programId: string; slug: string; definition: unknown; userId: string | null },
) {
  await trx
    .insertInto('program_drafts')
    .values({
      program_id: row.programId,
      slug: row.slug,
      definition: JSON.stringify(row.definition),
      created_by: row.userId,
      updated_by: row.userId,
      updated_at: new Date(),
    })
    .execute();
}

/** Saves the draft and counts the save; returns the new revision. */
export async function updateDraft(
  trx: Transaction<Database>,
  row: { programId: string; slug: string; definition: unknown; userId: string },
): Promise<number> {
  const res = await trx
    .updateTable('program_drafts')
    .set((eb) => ({
      slug: row.slug,
      definition: JSON.stringify(row.definition),
      updated_by: row.userId,
      updated_at: new Date(),
      revision: eb('revision', '+', 1),
    }))
    .where('program_id', '=', row.programId)
    .returning('revision')
    .executeTakeFirstOrThrow();
  return res.revision;
}

/** The publish requests with the names of who asked and who decided; each read adds its `where`. */
const publishRequests = sql`select r.id, r.program_id, r.kind, r.state, r.definition, r.draft_revision,
  r.revert_to_version, r.change_summary, r.second_approval_required, r.requested_by, r.requested_at,
  r.decided_by, r.decided_at, r.published_version,
  rb.display_name as requested_by_name, db.display_name as decided_by_name
  from program_publish_requests r
  join users rb on rb.id = r.requested_by left join users db on db.id = r.decided_by`;

export interface PublishRequestRow {
  id: string;
  program_id: string;
  kind: 'publish' | 'revert';
  state: 'pending' | 'published' | 'withdrawn' | 'superseded';
  definition: Record<string, unknown>;
  draft_revision: number;
  revert_to_version: number | null;
  change_summary: string;
  second_approval_required: boolean;
  requested_by: string;
  requested_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  published_version: number | null;
  requested_by_name: string;
  decided_by_name: string | null;
}

export async function findPendingRequest(db: Queryable, programId: string) {
  const { rows } = await sql<PublishRequestRow>`
    ${publishRequests}
    where r.program_id = ${programId}::uuid and r.state = 'pending'`.execute(db);
  return rows[0];
}

export async function findRequest(db: Queryable, programId: string, requestId: string) {
  const { rows } = await sql<PublishRequestRow>`
    ${publishRequests}
    where r.program_id = ${programId}::uuid and r.id = ${requestId}::uuid`.execute(db);
  return rows[0];
}

export async function insertPublishRequest(
  trx: Transaction<Database>,
  row: {
    id: string;
    programId: string;
    kind: 'publish' | 'revert';
    definition: unknown;
    draftRevision: number;
    revertToVersion: number | null;
    changeSummary: string;
    secondApprovalRequired: boolean;
    requestedBy: string;
  },
) {
  await trx
    .insertInto('program_publish_requests')
    .values({
      id: row.id,
      program_id: row.programId,
      kind: row.kind,
      definition: JSON.stringify(row.definition),
      draft_revision: row.draftRevision,
      revert_to_version: row.revertToVersion,
      change_summary: row.changeSummary,
      second_approval_required: row.secondApprovalRequired,
      requested_by: row.requestedBy,
    })
    .execute();
}

/** Ends the pending request without publishing (withdrawn by a person, or superseded by a newer draft). */
export async function closePendingRequest(
  trx: Transaction<Database>,
  programId: string,
  state: 'withdrawn' | 'superseded',
  userId: string,
) {
  return trx
    .updateTable('program_publish_requests')
    .set({ state, decided_by: userId, decided_at: new Date() })
    .where('program_id', '=', programId)
    .where('state', '=', 'pending')
    .returning('id')
    .executeTakeFirst();
}

export async function markRequestPublished(
  trx: Transaction<Database>,
  requestId: string,
  decidedBy: string,
  version: number,
) {
  await trx
    .updateTable('program_publish_requests')
    .set({
      state: 'published',
      decided_by: decidedBy,
      decided_at: new Date(),
      published_version: version,
    })
    .where('id', '=', requestId)
    .where('state', '=', 'pending')
    .executeTakeFirstOrThrow();
}

/**
 * Makes `row` the live version: inserts the program on its first publication, otherwise replaces it with the
 * version bumped. The 0101 triggers record the new version in program_versions; its metadata is added here.
 */
export async function publishProgram(
  trx: Transaction<Database>,
  programId: string,
  row: Omit<Insertable<Database['programs']>, 'id'> & { slug: string },
  meta: {
    publishedBy: string;
    approvedBy: string | null;
    changeSummary: string;
    publishRequestId: string;
  },
): Promise<number> {
  const now = new Date();
  const res = await trx
    .insertInto('programs')
    .values({ id: programId, ...row, admin_changed_at: now })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        ...Object.fromEntries(
          Object.keys(row).map((k) => [k, eb.ref(`excluded.${k}` as 'excluded.name_en')]),
        ),
        admin_changed_at: now,
        version: sql<number>`programs.version + 1`,
      })),
    )
    .returning('version')
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('program_versions')
    .set({
      published_by: meta.publishedBy,
      approved_by: meta.approvedBy,
      change_summary: meta.changeSummary,
      publish_request_id: meta.publishRequestId,
    })
    .where('program_id', '=', programId)
    .where('version', '=', res.version)
    .executeTakeFirstOrThrow();
  return res.version;
}

/** Sets when the live program takes applications (an administrator opening or closing it). */
export async function setWindow(
  trx: Transaction<Database>,
  programId: string,
  opensAt: Date,
  closesAt: Date,
) {
  await trx
    .updateTable('programs')
    .set({ opens_at: opensAt, closes_at: closesAt, admin_changed_at: new Date() })
    .where('id', '=', programId)
    .executeTakeFirstOrThrow();
}

/** Hides the program from the catalog and closes it now. */
export async function archiveProgram(trx: Transaction<Database>, programId: string) {
  await sql`
    update programs set archived_at = now(), admin_changed_at = now(),
      opens_at = least(coalesce(opens_at, now() - interval '1 second'), now() - interval '1 second'),
      closes_at = now()
    where id = ${programId}::uuid and archived_at is null`.execute(trx);
}

export async function listVersions(db: Queryable, programId: string) {
  const { rows } = await sql<{
    version: number;
    created_at: Date;
    change_summary: string | null;
    published_by: string | null;
    published_by_name: string | null;
    approved_by: string | null;
    approved_by_name: string | null;
    request_count: string | number;
  }>`
    select v.version, v.created_at, v.change_summary, v.published_by, pb.display_name as published_by_name,
      v.approved_by, ab.display_name as approved_by_name,
      (select count(*) from requests r where r.program_id = v.program_id and r.program_version = v.version
        and r.status <> 'draft') as request_count
    from program_versions v
    left join users pb on pb.id = v.published_by left join users ab on ab.id = v.approved_by
    where v.program_id = ${programId}::uuid
    order by v.version desc`.execute(db);
  return rows;
}

export async function findVersion(db: Queryable, programId: string, version: number) {
  return db
    .selectFrom('program_versions')
    .select(['version', 'definition'])
    .where('program_id', '=', programId)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** Imports (issue 12): the programs with these slugs, practice ones left out (no real history is kept in them). */
export async function realProgramsBySlugs(db: Queryable, slugs: readonly string[]) {
  if (slugs.length === 0) return [];
  return db
    .selectFrom('programs')
    .select(['id', 'slug', 'version', 'max_amount_cents', 'review_deadline_days'])
    .where('slug', 'in', slugs)
    .where('practice', '=', false)
    .execute();
}

/** Demo data only: a program's whole row by slug (the demo seeds' known programs); throws if none. */
export async function programRowBySlug(db: Queryable, slug: string) {
  return db.selectFrom('programs').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow();
}
