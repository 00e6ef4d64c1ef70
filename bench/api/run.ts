// HMS's API against a bare twin that runs the same SQL, on PostgreSQL, in one run (issue 15, item 1).
// Run from the repo root:  npm run bench:api  [-- --seconds=8 --connections=50 --only=me,inbox --profile=DIR --keep]
// Admin URL: BENCH_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres); the bench creates and drops its own
// database, hms_bench_api (--keep leaves it).
//
// 1. HMS starts as `npm start` runs it (node --import tsx apps/api/src/main.ts, NODE_ENV=production, the default log
//    level, its log to a file) on the scratch database with the demo data (HMS_SEED_DEMO=1).
// 2. The bench signs in as a citizen, an approver and a finance officer through the API (session cookie + CSRF).
// 3. It captures the SQL HMS runs for each endpoint: the same app, built in this process on the same database, serves
//    each call once with node-postgres's Client.query recorded (statements, parameters, which were in flight together).
// 4. bench/api/twin.ts (bare Fastify + node-postgres) starts with that plan; each endpoint is driven with autocannon
//    (50 connections, 8 s each), HMS and twin taking turns in 2 s slices after a 1 s warm-up of each; the table shows
//    both, HMS / twin in requests per second, and each server's CPU time per request (user + system, from /proc),
//    which other load on the machine does not move as much as it moves throughput.
// --profile=DIR starts HMS with --cpu-prof (profile written to DIR when it stops); summarise it with
// `node --import tsx bench/api/profile.ts DIR/*.cpuprofile`.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import type * as PgModule from '../../apps/api/node_modules/pg';
import { arg } from '../lib/args.mjs';
import { signIn } from '../lib/server.mjs';
import type { CapturedQuery, TwinPlan } from './twin.ts';
import { onServer } from '../../apps/api/src/testing/server-sql.ts';

const requireFromApi = createRequire(new URL('../../apps/api/package.json', import.meta.url));
const pg = requireFromApi('pg') as typeof PgModule;

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB_NAME = 'hms_bench_api';
const dbUrl = (() => {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${DB_NAME}`;
  return u.toString();
})();
const SECONDS = Number(arg('seconds', '8'));
const CONNECTIONS = Number(arg('connections', '50'));
const ONLY = arg('only', '')?.split(',').filter(Boolean) ?? [];
const PROFILE_DIR = arg('profile', '');
const KEEP = process.argv.includes('--keep');
const TARGET = 0.6;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const adminQuery = (text: string) => onServer(ADMIN_URL, text);

const children: ChildProcess[] = [];
process.once('exit', () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});

/** Spawns a server and waits until `ready` answers 2xx; its output goes to `logFile`. */
async function startChild(
  args: string[],
  env: Record<string, string>,
  port: number,
  readyPath: string,
  logFile: string,
): Promise<{ child: ChildProcess; origin: string; stop: () => Promise<number | null> }> {
  const fd = openSync(logFile, 'a');
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  children.push(child);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(
        `${args.at(-1)} exited before it was ready:\n${readFileSync(logFile, 'utf8').slice(-4000)}`,
      );
    try {
      if ((await fetch(`${origin}${readyPath}`)).status < 500) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`${args.at(-1)} not ready after 240 s`);
    await new Promise((r) => setTimeout(r, 300));
  }
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const code = await exited;
      clearTimeout(t);
      return code;
    }
    return child.exitCode;
  };
  return { child, origin, stop };
}

// ---- 1. scratch database and HMS -------------------------------------------------------------------------------
process.stdout.write(`bench/api: scratch database ${DB_NAME}\n`);
await adminQuery(`drop database if exists ${DB_NAME} with (force)`);
await adminQuery(`create database ${DB_NAME}`);

const work = mkdtempSync(path.join(tmpdir(), 'hms-bench-api-'));
const dataDir = path.join(work, 'data');
const hmsEnv = {
  NODE_ENV: 'production',
  DATABASE_URL: dbUrl,
  HMS_DATA_DIR: dataDir,
  HMS_SEED_DEMO: '1',
};
// Production log level: whatever HMS defaults to (the bench sets none), written to a file as a service manager would.
for (const k of ['HMS_LOG_LEVEL', 'DATABASE_URL']) delete process.env[k];
const hmsPort = await freePort();
process.stdout.write('bench/api: starting HMS (migrate + demo seed on first start)…\n');
const startHms = async (profile: boolean) =>
  startChild(
    [
      ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(PROFILE_DIR)}`] : []),
      '--import',
      'tsx',
      'apps/api/src/main.ts',
    ],
    hmsEnv,
    profile ? await freePort() : hmsPort,
    '/api/ready',
    path.join(work, 'hms.log'),
  );
let hms = await startHms(false);

// ---- 2. sign in like a browser --------------------------------------------------------------------------------
const cookies = {
  citizen: await signIn(hms.origin, 'citizen@example.gov'),
  approver: await signIn(hms.origin, 'approver@example.gov'),
  finance: await signIn(hms.origin, 'finance@example.gov'),
};

async function getJson(p: string, cookie: string): Promise<unknown> {
  const res = await fetch(`${hms.origin}${p}`, { headers: { cookie } });
  if (!res.ok) throw new Error(`GET ${p}: ${res.status} ${await res.text()}`);
  return res.json();
}
const inboxPath = '/api/inbox?queue=unassigned';
const inbox = (await getJson(inboxPath, cookies.approver)) as { items: { id: string }[] };
if (inbox.items.length === 0) throw new Error('the demo inbox is empty: nothing to review');

interface Endpoint {
  name: string;
  label: string;
  path: string;
  cookie: string;
}
const allEndpoints: Endpoint[] = [
  { name: 'me', label: 'GET /api/me (citizen)', path: '/api/me', cookie: cookies.citizen },
  {
    name: 'inbox',
    label: 'inbox, first page (approver)',
    path: inboxPath,
    cookie: cookies.approver,
  },
  {
    name: 'review',
    label: 'review page (approver)',
    path: `/api/review/${inbox.items[0]!.id}`,
    cookie: cookies.approver,
  },
  {
    name: 'mine',
    label: 'my requests (citizen)',
    path: '/api/requests/mine',
    cookie: cookies.citizen,
  },
  {
    name: 'payments',
    label: 'pending payments (finance)',
    // As the finance payments screen asks for them.
    path: '/api/payments?status=pending&limit=500',
    cookie: cookies.finance,
  },
];
const endpoints = ONLY.length ? allEndpoints.filter((e) => ONLY.includes(e.name)) : allEndpoints;

// ---- 3. capture HMS's SQL --------------------------------------------------------------------------------------
// The app is imported only now: its modules read nothing from the environment at import, and the bench's own pool
// must point at the scratch database.
const { buildApp } = await import('../../apps/api/src/app.ts');
const { parseConfig } = await import('../../apps/api/src/platform/config.ts');
const { openDb } = await import('../../apps/api/src/platform/db/connect.ts');

interface Recorded extends CapturedQuery {
  wave: number;
}
let recording: Recorded[] | null = null;
let inFlight = 0;
let wave = -1;
const clientProto = pg.Client.prototype as unknown as {
  query: (...a: unknown[]) => Promise<unknown>;
};
const originalQuery = clientProto.query;
clientProto.query = function (this: unknown, ...a: unknown[]) {
  if (!recording || typeof a[0] !== 'string') return originalQuery.apply(this, a);
  // A statement sent while none is in flight starts a new round trip; one sent while others run joins theirs.
  if (inFlight === 0) wave++;
  const params = (Array.isArray(a[1]) ? a[1] : []).map((p) =>
    p instanceof Date ? p.toISOString() : p,
  );
  recording.push({ sql: a[0], params, wave });
  inFlight++;
  const done = () => {
    inFlight--;
  };
  const p = originalQuery.apply(this, a) as Promise<unknown>;
  p.then(done, done);
  return p;
};

const captureDb = await openDb({ databaseUrl: dbUrl });
const captureApp = await buildApp({
  config: parseConfig({ DATABASE_URL: dbUrl, HMS_DATA_DIR: dataDir, HMS_LOG_LEVEL: 'silent' }),
  db: captureDb.kysely,
  logger: false,
});
await captureApp.ready();
const plan: TwinPlan = [];
for (const ep of endpoints) {
  const call = () =>
    captureApp.inject({ method: 'GET', url: ep.path, headers: { cookie: ep.cookie } });
  // Two calls first: the session's once-a-minute last_seen_at touch and any first-call work fall there.
  for (let i = 0; i < 2; i++) await call();
  recording = [];
  wave = -1;
  const res = await call();
  const rec = recording;
  recording = null;
  if (res.statusCode !== 200)
    throw new Error(`capture ${ep.path}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  const waves: CapturedQuery[][] = [];
  for (const q of rec) (waves[q.wave] ??= []).push({ sql: q.sql, params: q.params });
  const writes = rec.filter((q) => /^\s*(insert|update|delete)\b/i.test(q.sql));
  if (writes.length)
    process.stdout.write(
      `  note: ${ep.name} writes on a GET: ${writes.map((w) => w.sql.slice(0, 60)).join(' | ')}\n`,
    );
  plan.push({
    name: ep.name,
    path: ep.path,
    waves: waves.filter(Boolean),
    transactional: rec.some((q) => /^\s*begin\b/i.test(q.sql)),
  });
  process.stdout.write(
    `  ${ep.name}: ${rec.length} statements in ${waves.filter(Boolean).length} round trips, ` +
      `${res.body.length.toLocaleString('en-US')} bytes of JSON\n`,
  );
}
await captureApp.close();
await captureDb.close();
clientProto.query = originalQuery;
const planFile = path.join(work, 'twin-plan.json');
writeFileSync(planFile, JSON.stringify(plan, null, 1));
writeFileSync(
  path.join(work, 'plan-sql.txt'),
  plan
    .map(
      (p) =>
        `== ${p.name} ${p.path}\n` +
        p.waves
          .map((w, i) =>
            w.map((q) => `[${i}] ${q.sql}\n    ${JSON.stringify(q.params)}`).join('\n'),
          )
          .join('\n'),
    )
    .join('\n\n'),
);

// The profile is of HMS under load, not of its first start (migrations, demo seed): a second start, on the seeded
// database (the sessions signed in above are still valid), is the one profiled.
if (PROFILE_DIR) {
  await hms.stop();
  hms = await startHms(true);
}

// ---- 4. the twin, and the load ---------------------------------------------------------------------------------
const twin = await startChild(
  ['--import', 'tsx', 'bench/api/twin.ts'],
  { TWIN_PLAN: planFile, DATABASE_URL: dbUrl },
  await freePort(),
  '/__ready',
  path.join(work, 'twin.log'),
);

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  /** The server process's CPU (user + system) per answered request: what the stack costs, whatever else runs. */
  cpuMsPerRequest: number;
  non2xx: number;
  errors: number;
}
interface Slice {
  requests: number;
  seconds: number;
  p50: number;
  p99: number;
  cpuMs: number;
  non2xx: number;
  errors: number;
}

/** CPU time (ms, user + system) a process has used, from /proc (Linux). */
function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of stat (11 and 12 after the command), in clock ticks of 10 ms.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function slice(
  server: { origin: string; child: ChildProcess },
  ep: Endpoint,
  seconds: number,
): Promise<Slice> {
  const cpu0 = cpuMsOf(server.child.pid!);
  const r = await autocannon({
    url: `${server.origin}${ep.path}`,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { cookie: ep.cookie },
  });
  return {
    requests: r.requests.total,
    seconds,
    p50: r.latency.p50,
    p99: r.latency.p99,
    cpuMs: cpuMsOf(server.child.pid!) - cpu0,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function figures(slices: Slice[]): Figures {
  const requests = slices.reduce((a, s) => a + s.requests, 0);
  return {
    rps: requests / slices.reduce((a, s) => a + s.seconds, 0),
    p50: median(slices.map((s) => s.p50)),
    p99: median(slices.map((s) => s.p99)),
    cpuMsPerRequest: slices.reduce((a, s) => a + s.cpuMs, 0) / requests,
    non2xx: slices.reduce((a, s) => a + s.non2xx, 0),
    errors: slices.reduce((a, s) => a + s.errors, 0),
  };
}

// HMS and the twin take turns in 2-second slices (SECONDS each in all): on a machine that others share, a load that
// comes and goes then falls on both alike.
const rows: { ep: Endpoint; hms: Figures; twin: Figures }[] = [];
const SLICE = 2;
for (const ep of endpoints) {
  process.stdout.write(`  driving ${ep.name}…\n`);
  await slice(hms, ep, 1);
  await slice(twin, ep, 1);
  const h: Slice[] = [];
  const t: Slice[] = [];
  for (let done = 0; done < SECONDS; done += SLICE) {
    h.push(await slice(hms, ep, Math.min(SLICE, SECONDS - done)));
    t.push(await slice(twin, ep, Math.min(SLICE, SECONDS - done)));
  }
  rows.push({ ep, hms: figures(h), twin: figures(t) });
}

const hmsExit = await hms.stop();
await twin.stop();
if (!KEEP) await adminQuery(`drop database if exists ${DB_NAME} with (force)`);

const n = (x: number) => Math.round(x).toLocaleString('en-US');
const header = [
  'endpoint',
  'HMS req/s',
  'p50',
  'p99',
  'twin req/s',
  'p50',
  'p99',
  'HMS/twin',
  '≥ 60 %',
  'CPU ms/req HMS',
  'twin',
  'twin/HMS',
];
const table = rows.map(({ ep, hms: h, twin: t }) => {
  const ratio = h.rps / t.rps;
  return [
    ep.label,
    n(h.rps),
    `${h.p50} ms`,
    `${h.p99} ms`,
    n(t.rps),
    `${t.p50} ms`,
    `${t.p99} ms`,
    `${Math.round(ratio * 100)} %`,
    ratio >= TARGET ? 'yes' : 'no',
    h.cpuMsPerRequest.toFixed(2),
    t.cpuMsPerRequest.toFixed(2),
    `${Math.round((100 * t.cpuMsPerRequest) / h.cpuMsPerRequest)} %`,
  ];
});
const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
const line = (cells: string[]) =>
  '| ' +
  cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ') +
  ' |';
process.stdout.write(
  `\n${CONNECTIONS} connections, ${SECONDS} s each, PostgreSQL, node ${process.version}\n` +
    [line(header), line(widths.map((w) => '-'.repeat(w))), ...table.map(line)].join('\n') +
    '\n',
);
const bad = rows.filter((r) => r.hms.non2xx + r.hms.errors + r.twin.non2xx + r.twin.errors > 0);
for (const r of bad)
  process.stdout.write(
    `  ${r.ep.name}: HMS ${r.hms.non2xx} non-2xx, ${r.hms.errors} errors; twin ${r.twin.non2xx} non-2xx, ${r.twin.errors} errors\n`,
  );
process.stdout.write(
  `HMS log, twin plan and SQL: ${work}${PROFILE_DIR ? `; CPU profile in ${PROFILE_DIR} (HMS exit ${hmsExit})` : ''}\n`,
);
if (bad.length) process.exitCode = 1;
rmSync(path.join(work, 'data'), { recursive: true, force: true });
