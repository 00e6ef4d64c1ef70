import { sql, type Insertable, type Transaction, type Updateable } from 'kysely';
import type { AgencySettingsTable, Database, Queryable } from '../../platform/db/schema.ts';

/** The one settings row, with the name of who changed it last. */
export function findSettings(db: Queryable) {
  return db
    .selectFrom('agency_settings as s')
    .leftJoin('users as u', 'u.id', 's.updated_by')
    .selectAll('s')
    .select('u.display_name as updated_by_name')
    .where('s.id', '=', 1)
    .executeTakeFirst();
}

/** The row, locked for the rest of the transaction (a concurrent change waits, then sees the new version). */
export function lockSettings(trx: Transaction<Database>) {
  return trx
    .selectFrom('agency_settings')
    .selectAll()
    .where('id', '=', 1)
    .forUpdate()
    .executeTakeFirst();
}

/** The first start's row (from the environment); a second start, or a second instance, changes nothing. */
export async function insertInitialSettings(
  db: Queryable,
  values: Omit<Insertable<AgencySettingsTable>, 'id' | 'version' | 'updated_by' | 'updated_at'>,
): Promise<void> {
  await db
    .insertInto('agency_settings')
    .values({ id: 1, ...values })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/** Writes new values when the row is still at `version`; undefined when another change came first. */
export function updateSettings(
  trx: Transaction<Database>,
  version: number,
  values: Updateable<AgencySettingsTable>,
  userId: string,
) {
  return trx
    .updateTable('agency_settings')
    .set({ ...values, version: version + 1, updated_by: userId, updated_at: new Date() })
    .where('id', '=', 1)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
}

/**
 * The session lifetimes as subqueries for the statement that checks a session on every request (so they are read,
 * current, with the session, not in a round trip of their own); `fallback` before the first start stored the row.
 */
export function sessionPolicySql(fallback: { ttlHours: number; idleMinutes: number }) {
  return {
    ttlHours: sql<number>`coalesce((select session_ttl_hours from agency_settings where id = 1), ${fallback.ttlHours}::int)`,
    idleMinutes: sql<number>`coalesce((select session_idle_minutes from agency_settings where id = 1), ${fallback.idleMinutes}::int)`,
  };
}
