import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CSRF_COOKIE, CSRF_HEADER } from '@hms/contracts/auth';
import { parseConfig, type Config } from '../platform/config.ts';
import { openDb, type Db } from '../platform/db/connect.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { seedUsersAndPrograms } from '../seed.ts';
import { initialiseSettings } from '../modules/settings/service.ts';
import { onServer } from '../testing/server-sql.ts';

const execFileAsync = promisify(execFile);

// What the crash and outage drills share: the real entry point as a child process, a database of their own, an HTTP
// client with a session (seeded randomness is platform/seeded-random.ts). The drills print what they did (it goes into the closing note).

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));
/** Both the API and the drill's own fixtures seal account numbers with this key. */
export const DRILL_KEY = Buffer.alloc(32, 11).toString('base64');

/** HMS_DRILL_SEED replays a run; otherwise a new seed each run (printed). */
export function drillSeed(): number {
  const given = process.env.HMS_DRILL_SEED;
  return given ? Number(given) : randomBytes(4).readUInt32BE(0);
}

export const say = (line: string) => console.log(line);

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A database of the drill's own on the server `serverUrl` names (created now, dropped by `drop`). */
export async function createDatabase(
  serverUrl: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `hms_drill_${randomBytes(5).toString('hex')}`;
  const admin = (sql: string) => onServer(serverUrl, sql);
  await admin(`create database ${name}`);
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

/** The configuration the drill's own code uses to write fixtures the API can read (same key, same database). */
export function drillConfig(databaseUrl: string, dataDir: string): Config {
  return parseConfig({
    DATABASE_URL: databaseUrl,
    HMS_DATA_DIR: dataDir,
    HMS_ENCRYPTION_KEY: DRILL_KEY,
    HMS_LOG_LEVEL: 'silent',
  });
}

/** Migrated, with the demo staff and programs (no demo requests: the drill makes its own). */
export async function prepareDatabase(databaseUrl: string, config: Config): Promise<Db> {
  const db = await openDb({ databaseUrl });
  await migrateToLatest(db.kysely);
  await seedUsersAndPrograms(db.kysely, { timeZone: config.timezone });
  await initialiseSettings(db.kysely, config);
  return db;
}

export interface Api {
  port: number;
  url: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  /** Everything the process printed (for a failure message). */
  output(): string;
  kill9(): Promise<void>;
}

/** `main.ts` as its own process; resolves once it prints that it listens. */
export async function startApi(o: {
  databaseUrl: string;
  dataDir: string;
  port?: number;
  env?: Record<string, string>;
}): Promise<Api> {
  const port = o.port ?? (await freePort());
  const startedAt = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: o.databaseUrl,
      HMS_DATA_DIR: o.dataDir,
      HMS_STATIC_ROOT: join(o.dataDir, 'no-static-root'),
      HMS_SEED_DEMO: '0',
      HMS_ENCRYPTION_KEY: DRILL_KEY,
      HMS_WEBHOOK_WORKER: '0',
      HMS_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
      HMS_LOG_LEVEL: 'warn',
      ...o.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))),
  );
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (out.includes('HMS is running at')) {
        clearInterval(timer);
        resolve();
      }
    }, 20);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`the API exited (${code}) before listening:\n${out}`));
    });
  });
  say(`  API started on :${port} in ${Date.now() - startedAt} ms (pid ${child.pid})`);
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    child,
    exited,
    output: () => out,
    async kill9() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

export interface Answer {
  status: number;
  body: string;
  headers: Headers;
  ms: number;
  json<T = Record<string, unknown>>(): T;
}

/**
 * A client of the API as a browser or the FINANCIAL system is one: a session cookie (or a bearer token) and the
 * double-submit CSRF pair. `base` may change (the API restarted on another port).
 */
export class Client {
  readonly cookies = new Map<string, string>([[CSRF_COOKIE, 'drill']]);
  constructor(
    public base: string,
    private readonly bearer?: string,
  ) {}

  async request(
    method: string,
    path: string,
    body?: unknown,
    o: { headers?: Record<string, string>; timeoutMs?: number } = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = { ...o.headers };
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    else {
      headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      if (method !== 'GET') headers[CSRF_HEADER] = this.cookies.get(CSRF_COOKIE)!;
    }
    if (body !== undefined) headers['content-type'] = 'application/json';
    const started = performance.now();
    const res = await fetch(this.base + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(o.timeoutMs ?? 30_000),
    });
    const text = await res.text();
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
    }
    return {
      status: res.status,
      body: text,
      headers: res.headers,
      ms: performance.now() - started,
      json: <T>() => JSON.parse(text) as T,
    };
  }

  post(path: string, body?: unknown, o?: { headers?: Record<string, string>; timeoutMs?: number }) {
    return this.request('POST', path, body ?? {}, o);
  }

  get(path: string, o?: { timeoutMs?: number }) {
    return this.request('GET', path, undefined, o);
  }

  async signIn(email: string, password = 'hms-demo-2026'): Promise<this> {
    const res = await this.post('/api/auth/sign-in', { email, password });
    if (res.status !== 200) throw new Error(`sign-in of ${email}: ${res.status} ${res.body}`);
    return this;
  }
}

/** Answers 2xx or throws with the body (setup steps, never the thing under test). */
export async function ok(p: Promise<Answer>, what: string): Promise<Answer> {
  const res = await p;
  if (res.status < 200 || res.status >= 300)
    throw new Error(`${what}: ${res.status} ${res.body.slice(0, 500)}`);
  return res;
}

export function tempDir(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The PostgreSQL server binaries of this machine (Debian's /usr/lib/postgresql/<version>/bin, newest), if any. */
export function postgresBinDir(): string | null {
  if (process.env.HMS_PG_BINDIR) return process.env.HMS_PG_BINDIR;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

export interface PrivateCluster {
  port: number;
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string;
  start(): Promise<void>;
  /** `pg_ctl stop -m <mode>`: fast ends every session with an error, as an orchestrator's stop does. */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  destroy(): Promise<void>;
}

/**
 * A throwaway PostgreSQL cluster of the drill's own (initdb in a temp folder, its own port and socket folder), so it can
 * really be stopped without touching the machine's shared server. initdb refuses to run as root: as root, the
 * commands run as the postgres user (runuser), in a folder given to that user. Asynchronous, so the drill's own
 * request loops keep running while the server stops and starts.
 */
export async function startPrivateCluster(binDir: string, port: number): Promise<PrivateCluster> {
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'hms-pg-drill-'));
  const run = async (cmd: string, args: string[]) => {
    const bin = join(binDir, cmd);
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
    try {
      await execFileAsync(file, argv, { encoding: 'utf8' });
    } catch (err) {
      const e = err as { code?: number; stdout?: string; stderr?: string };
      throw new Error(`${cmd} ${args.join(' ')} failed (${e.code}):\n${e.stdout}${e.stderr}`, {
        cause: err,
      });
    }
  };
  if (asRoot) await execFileAsync('chown', ['postgres:postgres', dir]);
  const data = join(dir, 'data');
  await run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = () =>
    run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', 'start']);
  await start();
  return {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop: (mode = 'fast') => run('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']),
    async destroy() {
      await run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
