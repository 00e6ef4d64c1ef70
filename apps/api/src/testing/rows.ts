import { sql, type Kysely, type Selectable } from 'kysely';
import type { RequestEventType } from '@hms/contracts/request-events';
import type { Database } from '../platform/db/schema.ts';

/** The tables keyed by an `id` column. */
type TableWithId = {
  [T in keyof Database]: Database[T] extends { id: unknown } ? T : never;
}[keyof Database];

/**
 * The row with this id as it is stored now, every column: what a test checks after the API changed it (the one
 * way the tests read a row back, instead of each spelling the same query). Throws when there is none.
 */
export async function rowById<T extends TableWithId>(
  db: Kysely<Database>,
  table: T,
  id: string,
): Promise<Selectable<Database[T]>> {
  const { rows } = await sql<
    Selectable<Database[T]>
  >`select * from ${sql.table(table)} where id = ${id}`.execute(db);
  if (!rows[0]) throw new Error(`no ${table} row ${id}`);
  return rows[0];
}

/**
 * The audit entries with this action, about this entity, or both, oldest first, every column: the one way the tests
 * read what an action audited, instead of each spelling the same query.
 */
export function auditEntries(
  db: Kysely<Database>,
  where: { action?: string; entityId?: string },
): Promise<Array<Selectable<Database['audit_log']>>> {
  let q = db.selectFrom('audit_log').selectAll();
  if (where.action !== undefined) q = q.where('action', '=', where.action);
  if (where.entityId !== undefined) q = q.where('entity_id', '=', where.entityId);
  return q.orderBy('id').execute();
}

/** The newest audit entry, every column: what the action a test just took audited last. Throws when there is none. */
export function lastAuditEntry(db: Kysely<Database>): Promise<Selectable<Database['audit_log']>> {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
}

/** The steps of a request (all of them, or those of one type), oldest first, every column: its timeline as stored. */
export function requestSteps(
  db: Kysely<Database>,
  requestId: string,
  type?: RequestEventType,
): Promise<Array<Selectable<Database['request_events']>>> {
  let q = db.selectFrom('request_events').selectAll().where('request_id', '=', requestId);
  if (type !== undefined) q = q.where('type', '=', type);
  return q.orderBy('created_at').orderBy('id').execute();
}
