// The bare twin of HMS for bench/api: Fastify + node-postgres and nothing else (no hooks, no schemas, no logger, no
// query builder). For each endpoint it runs the SQL that HMS ran for the same call (captured by run.ts from HMS
// itself: the same statements, the same parameters, in the same round trips, statements HMS sent concurrently sent
// concurrently) and answers with the rows as JSON. It is what the work costs; HMS's figure over it is the stack's.
// Started by run.ts: TWIN_PLAN (JSON file of TwinPlan), DATABASE_URL, PORT.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as PgModule from '../../apps/api/node_modules/pg';
import type FastifyModule from '../../apps/api/node_modules/fastify';

// The same fastify and pg as HMS (the api package's copies): the comparison is of what runs on top of them.
const requireFromApi = createRequire(new URL('../../apps/api/package.json', import.meta.url));
const pg = requireFromApi('pg') as typeof PgModule;
const Fastify = requireFromApi('fastify') as typeof FastifyModule;

export interface CapturedQuery {
  sql: string;
  params: unknown[];
}
/** One endpoint: its path and the round trips HMS made, each a set of statements in flight together. */
export interface TwinEndpoint {
  name: string;
  path: string;
  waves: CapturedQuery[][];
  /** HMS ran these in one transaction (begin … commit): the twin keeps them on one connection too. */
  transactional: boolean;
}
export type TwinPlan = TwinEndpoint[];

const plan = JSON.parse(readFileSync(process.env.TWIN_PLAN!, 'utf8')) as TwinPlan;
const INT8_OID = 20;
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  // HMS's pool settings (platform/db/connect.ts): 10 connections, int8 as number.
  max: 10,
  types: {
    getTypeParser: (oid: number, format?: 'text' | 'binary') =>
      oid === INT8_OID && format !== 'binary'
        ? (v: string) => Number(v)
        : pg.types.getTypeParser(oid, format),
  } as unknown as PgModule.CustomTypesConfig,
});

type Runner = { query: (sql: string, params: unknown[]) => Promise<{ rows: unknown[] }> };

async function runWaves(runner: Runner, waves: CapturedQuery[][]): Promise<unknown[][]> {
  const out: unknown[][] = [];
  for (const wave of waves) {
    const results = await Promise.all(wave.map((q) => runner.query(q.sql, q.params)));
    for (const r of results) out.push(r.rows);
  }
  return out;
}

const app = Fastify({ logger: false });
for (const ep of plan) {
  app.get(ep.path.split('?')[0]!, async (request, reply) => {
    // The one check a bare server would make: a session cookie is present (the lookup itself is in the SQL).
    if (!request.headers.cookie?.includes('hms_session=')) return reply.code(401).send();
    if (!ep.transactional) return runWaves(pool, ep.waves);
    const client = await pool.connect();
    try {
      return await runWaves(client, ep.waves);
    } finally {
      client.release();
    }
  });
}
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.stdout.write(`twin ready on ${process.env.PORT}\n`);
const stop = () => void app.close().then(() => pool.end().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
