// EXPLAIN (ANALYZE, BUFFERS) of the queries one call sends, for a bench's --explain: a Kysely plugin records the
// queries while the call runs, and each is explained again with its parameters written into the SQL.
import type {
  CompiledQuery,
  Kysely,
  KyselyPlugin,
  OperationNode,
  QueryId,
} from '../../apps/api/node_modules/kysely';
import { sql } from './api-deps.ts';

/** A plugin to put on the Kysely instance a call uses, and `record`, which returns the queries the call sent. */
export function queryRecorder<DB>(k: Kysely<DB>) {
  let recording: Array<{ node: OperationNode; queryId: QueryId }> | null = null;
  const plugin: KyselyPlugin = {
    transformQuery(args) {
      recording?.push({ node: args.node, queryId: args.queryId });
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  async function record(call: () => Promise<unknown>): Promise<CompiledQuery[]> {
    recording = [];
    try {
      await call();
      return recording.map(({ node, queryId }) => k.getExecutor().compileQuery(node, queryId));
    } finally {
      recording = null;
    }
  }
  return { plugin, record };
}

/** A parameter as SQL text: a timestamp, a number, an array of strings or a quoted string. */
function literal(v: unknown): string {
  if (v instanceof Date) return `'${v.toISOString()}'::timestamptz`;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return `array[${v.map((x) => `'${String(x)}'`).join(',')}]`;
  return `'${String(v).replace(/'/g, "''")}'`;
}

/** The plan of a recorded query, one line each, run with EXPLAIN (ANALYZE, BUFFERS). */
export async function explain<DB>(k: Kysely<DB>, q: CompiledQuery): Promise<string[]> {
  const inlined = q.sql.replace(/\$(\d+)/g, (_m, n: string) =>
    literal(q.parameters[Number(n) - 1]),
  );
  const { rows } = await sql<
    Record<string, string>
  >`explain (analyze, buffers) ${sql.raw(inlined)}`.execute(k);
  return rows.map((r) => Object.values(r)[0]!);
}
