import { sql, type Insertable, type Transaction } from 'kysely';
import type { Database, Queryable } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { deleteRowsOfRequests } from '../../platform/db/rows-of-requests.ts';

type Trx = Transaction<Database>;

const versionColumns = [
  'v.id',
  'v.program_id',
  'v.version',
  'v.status',
  'v.rules',
  'v.test_cases',
  'v.created_by',
  'v.created_at',
  'v.updated_at',
  'v.published_by',
  'v.published_at',
  'v.retired_at',
  'cu.display_name as created_by_name',
  'pu.display_name as published_by_name',
] as const;

function versions(db: Queryable) {
  return db
    .selectFrom('decision_rule_versions as v')
    .leftJoin('users as cu', 'cu.id', 'v.created_by')
    .leftJoin('users as pu', 'pu.id', 'v.published_by')
    .select(versionColumns);
}

export type VersionRow = Awaited<
  ReturnType<ReturnType<typeof versions>['executeTakeFirstOrThrow']>
>;

/** A program's rule versions, newest first. */
export function versionsOfProgram(db: Queryable, programId: string): Promise<VersionRow[]> {
  return versions(db).where('v.program_id', '=', programId).orderBy('v.version', 'desc').execute();
}

export function versionById(
  db: Queryable,
  programId: string,
  id: string,
): Promise<VersionRow | undefined> {
  return versions(db)
    .where('v.program_id', '=', programId)
    .where('v.id', '=', id)
    .executeTakeFirst();
}

export function liveVersion(db: Queryable, programId: string): Promise<VersionRow | undefined> {
  return versions(db)
    .where('v.program_id', '=', programId)
    .where('v.status', '=', 'live')
    .executeTakeFirst();
}

/**
 * Serialises changes to one program's rule versions (numbering a new draft, publishing): a transaction-scoped
 * advisory lock keyed by the program, since the first version has no row to lock yet.
 */
export async function lockProgramRules(trx: Trx, programId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('decision_rules'), hashtext(${programId}))`.execute(
    trx,
  );
}

export async function draftOfProgram(trx: Trx, programId: string) {
  return trx
    .selectFrom('decision_rule_versions')
    .select(['id', 'version'])
    .where('program_id', '=', programId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
}

export async function nextVersionNumber(trx: Trx, programId: string): Promise<number> {
  const row = await trx
    .selectFrom('decision_rule_versions')
    .select((eb) => eb.fn.max('version').as('max'))
    .where('program_id', '=', programId)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

export async function insertVersion(
  trx: Trx,
  v: {
    programId: string;
    version: number;
    rules: unknown[];
    testCases: unknown[];
    createdBy: string | null;
    at?: Date | undefined;
  },
): Promise<string> {
  const id = uuidv7();
  await trx
    .insertInto('decision_rule_versions')
    .values({
      id,
      program_id: v.programId,
      version: v.version,
      status: 'draft',
      rules: JSON.stringify(v.rules),
      test_cases: JSON.stringify(v.testCases),
      created_by: v.createdBy,
      ...(v.at ? { created_at: v.at, updated_at: v.at } : {}),
    })
    .execute();
  return id;
}

export async function updateDraft(
  trx: Trx,
  id: string,
  v: { rules: unknown[]; testCases: unknown[] },
): Promise<boolean> {
  const r = await trx
    .updateTable('decision_rule_versions')
    .set({
      rules: JSON.stringify(v.rules),
      test_cases: JSON.stringify(v.testCases),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The live version (if any) retires and `id` goes live, in one transaction. */
export async function makeLive(
  trx: Trx,
  programId: string,
  id: string,
  by: string | null,
  at: Date,
): Promise<{ retiredId: string | null }> {
  const retired = await trx
    .updateTable('decision_rule_versions')
    .set({ status: 'retired', retired_at: at, updated_at: at })
    .where('program_id', '=', programId)
    .where('status', '=', 'live')
    .returning('id')
    .executeTakeFirst();
  await trx
    .updateTable('decision_rule_versions')
    .set({ status: 'live', published_by: by, published_at: at, updated_at: at })
    .where('id', '=', id)
    .execute();
  return { retiredId: retired?.id ?? null };
}

export function automationOf(db: Queryable, programId: string) {
  return db
    .selectFrom('program_automation as a')
    .leftJoin('users as u', 'u.id', 'a.changed_by')
    .select(['a.program_id', 'a.enabled', 'a.changed_by', 'a.changed_at', 'u.display_name'])
    .where('a.program_id', '=', programId)
    .executeTakeFirst();
}

export async function setAutomation(
  trx: Trx,
  programId: string,
  enabled: boolean,
  by: string | null,
  at: Date,
): Promise<void> {
  await trx
    .insertInto('program_automation')
    .values({ program_id: programId, enabled, changed_by: by, changed_at: at })
    .onConflict((oc) =>
      oc.column('program_id').doUpdateSet({ enabled, changed_by: by, changed_at: at }),
    )
    .execute();
}

/** A row of rule_evaluations as the table takes it, with the inputs as the object they were read as. */
export type EvaluationInsert = Omit<Insertable<Database['rule_evaluations']>, 'id' | 'inputs'> & {
  inputs: Record<string, unknown>;
};

export async function insertEvaluation(trx: Trx, e: EvaluationInsert): Promise<string> {
  const id = uuidv7();
  await trx
    .insertInto('rule_evaluations')
    .values({ ...e, id, inputs: JSON.stringify(e.inputs) })
    .execute();
  return id;
}

export function evaluationsOfRequest(db: Queryable, requestId: string) {
  return db
    .selectFrom('rule_evaluations as e')
    .leftJoin('decision_rule_versions as v', 'v.id', 'e.rule_version_id')
    .select([
      'e.id',
      'e.request_id',
      'e.program_id',
      'e.rule_version_id',
      'v.version as rule_version',
      'e.rule_position',
      'e.rule_id',
      'e.rule_label',
      'e.outcome',
      'e.effect',
      'e.held_back',
      'e.inputs',
      'e.evaluated_at',
    ])
    .where('e.request_id', '=', requestId)
    .orderBy('e.evaluated_at')
    .orderBy('e.id')
    .execute();
}

/** The latest evaluation of each request: what the inbox and the decision rules (refer_senior) read. */
export function latestEvaluation(db: Queryable, requestId: string) {
  return db
    .selectFrom('rule_evaluations as e')
    .leftJoin('decision_rule_versions as v', 'v.id', 'e.rule_version_id')
    .select(['e.outcome', 'e.rule_position', 'e.rule_label', 'v.version as rule_version'])
    .where('e.request_id', '=', requestId)
    .orderBy('e.evaluated_at', 'desc')
    .orderBy('e.id', 'desc')
    .executeTakeFirst();
}

/** Practice space: the evaluations of practice requests go when the practice data is cleared. */
export function deleteOfRequests(trx: Trx, requestIds: readonly string[]): Promise<number> {
  return deleteRowsOfRequests(trx, 'rule_evaluations', requestIds);
}
