// A bench's own database on a PostgreSQL server (BENCH_DATABASE_URL), dropped and created for a fresh seed, or kept
// between runs (--reuse) when what it holds is what the run asks for. The bench touches no other database.
import { pg } from './api-deps.ts';

export interface BenchDatabase {
  name: string;
  /** The server, to create and drop the database on. */
  serverUrl: string;
  url: string;
  /** Where the bench measures, for its report (no password). */
  label: string;
}

type PgClient = InstanceType<typeof pg.Client>;

/** The database `name` on the bench server (BENCH_DATABASE_URL, else the local one). */
export function benchDatabase(name: string): BenchDatabase {
  if (!/^[a-z_][a-z0-9_]*$/.test(name))
    throw new Error('BENCH_DB_NAME must be a plain lower-case identifier (letters, digits, _).');
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  return { name, serverUrl, url, label: `PostgreSQL ${url.replace(/\/\/[^@]*@/, '//')}` };
}

/**
 * Keeps the database when `reuse` is asked, it exists and `isSeeded` (asked on a connection to it) says it holds what
 * the run needs; otherwise drops it and creates it empty. True when it was kept.
 */
export async function reuseOrRecreate(
  db: BenchDatabase,
  reuse: boolean,
  isSeeded: (probe: PgClient) => Promise<boolean>,
): Promise<boolean> {
  const admin = new pg.Client({ connectionString: db.serverUrl });
  await admin.connect();
  let reused = false;
  if (reuse) {
    const exists = (await admin.query(`select 1 from pg_database where datname = $1`, [db.name]))
      .rowCount;
    if (exists) {
      const probe = new pg.Client({ connectionString: db.url });
      await probe.connect();
      reused = await isSeeded(probe).catch(() => false);
      await probe.end();
    }
  }
  if (!reused) {
    await admin.query(`drop database if exists ${db.name} with (force)`);
    await admin.query(`create database ${db.name}`);
  }
  await admin.end();
  return reused;
}
