// A bench's own schema on a PostgreSQL server, migrated, seeded once and reused by later runs: seeding a million
// requests takes minutes, measuring them seconds. Shared by bench/estimates/reads.ts and bench/inbox/run.ts.
import { openDb, type Db } from '../../apps/api/src/platform/db/connect.ts';
import { migrateToLatest } from '../../apps/api/src/platform/db/migrate.ts';
import { pg } from './api-deps.ts';

/**
 * Opens `schema` on the server at `url`, migrated (a new migration is applied to a kept schema too). When the schema
 * does not hold exactly `rows` requests, or `reseed` asks for it, it is dropped and created empty first and
 * `needsSeed` is true: the caller seeds it.
 */
export async function openBenchSchema(
  url: string,
  schema: string,
  rows: number,
  reseed: boolean,
): Promise<{ db: Db; needsSeed: boolean }> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const count = reseed
    ? 0
    : await admin
        .query(`select count(*)::int as n from ${schema}.requests`)
        .then((r) => r.rows[0].n as number)
        .catch(() => 0);
  const needsSeed = count !== rows;
  if (needsSeed) {
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.query(`create schema ${schema}`);
  }
  await admin.end();
  const db = await openDb({ databaseUrl: url, searchPath: schema });
  await migrateToLatest(db.kysely);
  return { db, needsSeed };
}
