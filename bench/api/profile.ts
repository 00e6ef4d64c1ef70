// Summarises a V8 CPU profile of HMS under bench/api load by where the time goes: self time per category (logging,
// zod, Kysely, pg, Fastify, session lookup, …) and the top functions. Native frames (JSON.stringify, crypto, regexp)
// count for the nearest caller with a source file, so "zod" includes the builtins zod called.
// Usage: node --import tsx bench/api/profile.ts FILE.cpuprofile [--top=25]
import { readFileSync } from 'node:fs';
import { arg } from '../lib/args.mjs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const file = process.argv.slice(2).find((a) => !a.startsWith('--'));
if (!file) throw new Error('usage: profile.ts FILE.cpuprofile');
const TOP = Number(arg('top', '25'));
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

// Ordered: the first match wins.
const CATEGORIES: [string, RegExp][] = [
  [
    'logging (pino)',
    /node_modules\/(\.pnpm\/)?(pino|sonic-boom|fast-redact|@pinojs|pino-std-serializers|thread-stream|on-exit-leak-free|fast-safe-stringify)/,
  ],
  ['zod (validation + serialization)', /node_modules\/.*(zod|fastify-type-provider-zod)\//],
  ['Kysely (query building)', /node_modules\/.*kysely\//],
  [
    'pg (driver, protocol, pool)',
    /node_modules\/.*(pg|pg-protocol|pg-pool|pg-types|postgres-[a-z]+|pgpass|buffer-writer|packet-reader)\//,
  ],
  ['cookies', /node_modules\/.*(@fastify\/cookie|cookie|cookie-signature)\//],
  [
    'Fastify core (router, hooks, reply)',
    /node_modules\/.*(fastify|find-my-way|avvio|light-my-request|@fastify|fast-json-stringify|fast-querystring|abstract-logging|process-warning|toad-cache|ret|safe-regex2|fast-uri|json-schema-ref-resolver|secure-json-parse|rfdc)\//,
  ],
  ['tsx (loader)', /node_modules\/.*(tsx|esbuild|get-tsconfig)\//],
  ['auth + session (platform/auth)', /apps\/api\/src\/platform\/auth\//],
  ['platform hooks (errors, headers, control chars, static)', /apps\/api\/src\/platform\//],
  ['app.ts hooks', /apps\/api\/src\/app\.ts/],
  ['modules (services, repos, routes)', /apps\/api\/src\/modules\//],
  ['contracts', /packages\/contracts\//],
  [
    'node: http, net, streams',
    /^node:(_http|http|net|stream|internal\/(http|streams|stream_base|net))/,
  ],
  ['node: other', /^node:/],
  ['other node_modules', /node_modules\//],
];

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const catOf = new Map<number, string>();
function category(id: number): string {
  const cached = catOf.get(id);
  if (cached) return cached;
  const n = byId.get(id)!;
  const { url, functionName } = n.callFrame;
  let c: string;
  if (!url) {
    if (functionName === '(garbage collector)') c = 'GC';
    else if (functionName === '(program)') c = '(program: V8, unattributed)';
    else if (functionName === '(idle)') c = '(idle)';
    else if (functionName === '(root)') c = '(root)';
    else {
      const p = parent.get(id);
      c = p === undefined ? 'native' : category(p);
    }
  } else {
    c = CATEGORIES.find(([, re]) => re.test(url))?.[0] ?? 'other';
  }
  catOf.set(id, c);
  return c;
}

const self = new Map<number, number>();
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i]!;
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
const byCat = new Map<string, number>();
const byFn = new Map<string, number>();
let busy = 0;
for (const [id, us] of self) {
  const c = category(id);
  if (c === '(idle)' || c === '(root)') continue;
  busy += us;
  byCat.set(c, (byCat.get(c) ?? 0) + us);
  const f = byId.get(id)!.callFrame;
  const where = f.url
    ? `${f.url.replace(/^.*node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, '').replace(/^file:\/\/.*\/apps\//, 'apps/')}:${f.lineNumber + 1}`
    : '(native)';
  const key = `${f.functionName || '(anonymous)'}  ${where}`;
  byFn.set(key, (byFn.get(key) ?? 0) + us);
}
const pct = (us: number) => `${((100 * us) / busy).toFixed(1).padStart(5)} %`;
process.stdout.write(
  `busy CPU: ${(busy / 1e6).toFixed(1)} s (idle excluded)\n\nself time by category\n`,
);
for (const [c, us] of [...byCat].sort((a, b) => b[1] - a[1]))
  process.stdout.write(`  ${pct(us)}  ${c}\n`);
process.stdout.write(`\ntop ${TOP} functions by self time\n`);
for (const [f, us] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, TOP))
  process.stdout.write(`  ${pct(us)}  ${f}\n`);
