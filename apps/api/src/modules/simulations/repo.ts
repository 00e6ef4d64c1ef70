import type { Transaction } from 'kysely';
import type { Database, Queryable } from '../../platform/db/schema.ts';

type Trx = Transaction<Database>;

function scenarios(db: Queryable) {
  return db
    .selectFrom('simulation_scenarios as s')
    .innerJoin('programs as p', 'p.id', 's.program_id')
    .innerJoin('users as u', 'u.id', 's.created_by')
    .select([
      's.id',
      's.name',
      's.program_id',
      'p.slug as program_slug',
      's.period_from',
      's.period_to',
      's.changes',
      's.created_by',
      'u.display_name as created_by_name',
      's.created_at',
      's.updated_at',
    ]);
}

export type ScenarioRow = Awaited<
  ReturnType<ReturnType<typeof scenarios>['executeTakeFirstOrThrow']>
>;

/** Saved scenarios (of one program, or all), by program and name, as a reader looks one up. */
export function listScenarios(db: Queryable, programId: string | null): Promise<ScenarioRow[]> {
  let q = scenarios(db);
  if (programId) q = q.where('s.program_id', '=', programId);
  return q
    .orderBy('p.slug')
    .orderBy((eb) => eb.fn('lower', ['s.name']))
    .orderBy('s.created_at', 'desc')
    .execute();
}

export function scenarioById(db: Queryable, id: string): Promise<ScenarioRow | undefined> {
  return scenarios(db).where('s.id', '=', id).executeTakeFirst();
}

/** Locks one scenario for a change (rename, delete), or undefined when there is none. */
export function lockScenario(trx: Trx, id: string) {
  return trx
    .selectFrom('simulation_scenarios')
    .select(['id', 'program_id', 'name'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * Inserts a scenario; false when the program already has one of that name (the unique index on lower(name) decides,
 * so two administrators saving the same name at once cannot both win).
 */
export async function insertScenario(
  trx: Trx,
  row: {
    id: string;
    programId: string;
    name: string;
    from: string;
    to: string;
    changes: unknown;
    userId: string;
  },
): Promise<boolean> {
  const inserted = await trx
    .insertInto('simulation_scenarios')
    .values({
      id: row.id,
      program_id: row.programId,
      name: row.name,
      period_from: row.from,
      period_to: row.to,
      changes: JSON.stringify(row.changes),
      created_by: row.userId,
      updated_by: row.userId,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Whether another scenario of the program has this name, letter case ignored. */
export async function nameTaken(
  db: Queryable,
  programId: string,
  name: string,
  exceptId: string | null,
): Promise<boolean> {
  let q = db
    .selectFrom('simulation_scenarios')
    .select('id')
    .where('program_id', '=', programId)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', eb.fn('lower', [eb.val(name)])));
  if (exceptId) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function renameScenario(
  trx: Trx,
  id: string,
  name: string,
  userId: string,
): Promise<void> {
  await trx
    .updateTable('simulation_scenarios')
    .set({ name, updated_by: userId, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function deleteScenario(trx: Trx, id: string): Promise<void> {
  await trx.deleteFrom('simulation_scenarios').where('id', '=', id).execute();
}
