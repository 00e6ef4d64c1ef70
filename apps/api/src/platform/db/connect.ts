import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { PGlite } from '@electric-sql/pglite';

export interface Db {
  kysely: Kysely<Database>;
  kind: 'pglite' | 'postgres';
  /** Idempotent. After it, queries fail as "database unavailable" (503). */
  close(): Promise<void>;
}

export interface OpenDbOptions {
  /** postgres://… ; undefined = embedded PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite data folder; undefined = in memory (tests). */
  pgliteDir?: string | undefined;
  /** PostgreSQL only: schema to put first on search_path (tests isolate files this way). */
  searchPath?: string | undefined;
}

const INT8_OID = 20;

/** Per-pool type parsers so bigint → number without mutating pg's global parser table. */
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID && format !== 'binary') return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format);
  },
} as unknown as pg.CustomTypesConfig;

/**
 * How to LISTEN on the database behind a Kysely instance (live updates): PGlite's own listen(), or the settings for a
 * dedicated pg client (LISTEN needs one connection held open, never a pooled one).
 */
export type NotifySource =
  { kind: 'pglite'; pglite: PGlite } | { kind: 'postgres'; clientConfig: pg.ClientConfig };
const notifySources = new WeakMap<object, NotifySource>();
export function notifySourceOf(kysely: Kysely<Database>): NotifySource | undefined {
  return notifySources.get(kysely);
}

export async function openDb(opts: OpenDbOptions): Promise<Db> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      types: pgTypes,
      max: 10,
      connectionTimeoutMillis: 5000,
      ...(opts.searchPath ? { options: `-c search_path=${opts.searchPath}` } : {}),
    });
    // An idle client losing its server must not crash the process; the next query will fail and be reported.
    pool.on('error', () => undefined);
    // pg-pool listens for a client's errors only while it is idle. A client checked out (a transaction between two
    // statements) when its server goes away (a stop, a restart, a failover) gets the server's FATAL as an 'error'
    // event, which unheard would crash the process (the outage drill found it: drills/outage.drill.test.ts). Heard,
    // the statement in progress or the next one fails, is answered 503, and the pool discards the client on release.
    pool.on('connect', (client) => client.on('error', () => undefined));
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    notifySources.set(kysely, {
      kind: 'postgres',
      clientConfig: {
        connectionString: opts.databaseUrl,
        ...(opts.searchPath ? { options: `-c search_path=${opts.searchPath}` } : {}),
      },
    });
    return { kysely, kind: 'postgres', close: once(() => kysely.destroy()) };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  let dataDir: string | undefined;
  if (opts.pgliteDir) {
    mkdirSync(path.dirname(opts.pgliteDir), { recursive: true });
    dataDir = opts.pgliteDir;
  }
  const pglite = dataDir ? new PGlite(dataDir) : new PGlite();
  await pglite.waitReady;
  const kysely = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  notifySources.set(kysely, { kind: 'pglite', pglite });
  return { kysely, kind: 'pglite', close: once(() => kysely.destroy()) };
}

/** Shutdown paths may close twice (signal + test teardown); the pool must only be ended once. */
function once(fn: () => Promise<void>): () => Promise<void> {
  let p: Promise<void> | undefined;
  return () => (p ??= fn());
}

export async function pingDb(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}
