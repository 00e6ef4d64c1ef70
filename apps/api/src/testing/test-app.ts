import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../app.ts';
import { parseConfig, type Config } from '../platform/config.ts';
import { openDb, type Db } from '../platform/db/connect.ts';
import type { Database } from '../platform/db/schema.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { DEMO_PASSWORD } from '../platform/db/seed.ts';
import { seedDemo } from '../seed.ts';
import { initialiseSettings } from '../modules/settings/service.ts';
import type { Language } from '@hms/contracts/language';
import { keepTotalsInZone } from '../modules/finance/service.ts';
import { onServer } from './server-sql.ts';

export interface TestContext {
  app: FastifyInstance;
  db: Db;
  config: Config;
  close(): Promise<void>;
}

/**
 * A fresh database for one test file: in-memory PGlite, or, when TEST_DATABASE_URL is set, a new schema on that
 * server (first on search_path) so files running in parallel never see each other's rows.
 */
export async function openTestDb(): Promise<{ db: Db; drop(): Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const db = await openDb({});
    return { db, drop: async () => undefined };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  await onServer(url, `create schema ${schema}`);
  const db = await openDb({ databaseUrl: url, searchPath: schema });
  return { db, drop: () => onServer(url, `drop schema if exists ${schema} cascade`) };
}

/** openTestDb for a whole test file: opened before its tests, closed and dropped after them. */
export function useTestDb(): { readonly db: Db } {
  let opened: { db: Db; drop(): Promise<void> } | undefined;
  beforeAll(async () => {
    opened = await openTestDb();
  });
  afterAll(async () => {
    await opened?.db.close();
    await opened?.drop();
  });
  return {
    get db() {
      if (!opened)
        throw new Error('the test database opens in beforeAll: use it inside hooks and tests');
      return opened.db;
    },
  };
}

export async function createTestApp(
  env: Record<string, string> = {},
  opts: { seed?: boolean; extend?: (app: FastifyInstance) => void } = {},
): Promise<TestContext> {
  const { db, drop } = await openTestDb();
  await migrateToLatest(db.kysely);
  const config = parseConfig({
    HMS_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'hms-test-')),
    HMS_STATIC_ROOT: path.join(tmpdir(), 'hms-no-static-root'),
    HMS_LOG_LEVEL: 'silent',
    ...env,
  });
  if (opts.seed !== false) await seedDemo(db.kysely, { timeZone: config.timezone });
  await initialiseSettings(db.kysely, config);
  await keepTotalsInZone(db.kysely, config.timezone);
  const app = await buildApp({ config, db: db.kysely, logger: false });
  opts.extend?.(app);
  await app.ready();
  return {
    app,
    db,
    config,
    close: async () => {
      await app.close();
      await db.close();
      await drop();
    },
  };
}

/** A demo account by the name before "@example.gov" (platform/db/seed.ts#DEMO_USERS). */
export type DemoAccount =
  'citizen' | 'approver' | 'senior' | 'finance' | 'supervisor' | 'admin' | 'admin2';

/** The seeded programs (packages/contracts programs-seed). */
export type DemoProgram = 'home-energy-rebate' | 'small-business-relief' | 'permit-fee-refund';

const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  'citizen',
  'approver',
  'senior',
  'finance',
  'supervisor',
  'admin',
  'admin2',
];

const DEMO_PROGRAMS: readonly DemoProgram[] = [
  'home-energy-rebate',
  'small-business-relief',
  'permit-fee-refund',
];

export const demoEmail = (who: DemoAccount): string => `${who}@example.gov`;

/** One test file's app and database, with the seeded rows most tests start from. */
export interface TestHarness extends TestContext {
  /** A new browser stand-in signed in as this demo account, or as the user with this email (demo password). */
  signIn(who: DemoAccount | `${string}@${string}`): Promise<Agent>;
  /**
   * A browser stand-in for the whole file, signed in as this demo account in a beforeAll that this call registers
   * (after the app's): `const fin = t.signedIn('finance')` instead of a `let` and a line in the file's beforeAll.
   */
  signedIn(who: DemoAccount): Agent;
  /** The demo citizen's user id (seeded apps only). */
  readonly citizenId: string;
  /** A demo account's user id (seeded apps only). */
  userId(who: DemoAccount): string;
  /** A seeded program's id (seeded apps only). */
  programId(slug: DemoProgram): string;
}

/**
 * The app for the whole test file: built (migrated, seeded) in a beforeAll and closed in an afterAll that this call
 * registers, so a file says only what is particular to it. Read the fields inside hooks and tests, not at load time.
 */
export function useTestApp(
  env: Record<string, string> | (() => Record<string, string>) = {},
  opts: { seed?: boolean; extend?: (app: FastifyInstance) => void } = {},
): TestHarness {
  let ctx: TestContext | undefined;
  const userIds = new Map<DemoAccount, string>();
  const programIds = new Map<DemoProgram, string>();
  beforeAll(async () => {
    ctx = await createTestApp(typeof env === 'function' ? env() : env, opts);
    if (opts.seed === false) return;
    for (const who of DEMO_ACCOUNTS)
      userIds.set(who, await userIdByEmail(ctx.db.kysely, demoEmail(who)));
    for (const slug of DEMO_PROGRAMS)
      programIds.set(slug, await programIdBySlug(ctx.db.kysely, slug));
  });
  afterAll(async () => {
    await ctx?.close();
  });
  const built = (): TestContext => {
    if (!ctx) throw new Error('the test app is built in beforeAll: use it inside hooks and tests');
    return ctx;
  };
  const seeded = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('this test app has no demo seed');
    return value;
  };
  return {
    get app() {
      return built().app;
    },
    get db() {
      return built().db;
    },
    get config() {
      return built().config;
    },
    close: () => built().close(),
    signIn: async (who) => {
      const agent = new Agent(built().app);
      await agent.signIn(who.includes('@') ? who : demoEmail(who as DemoAccount));
      return agent;
    },
    signedIn: (who) => {
      const agent = new Agent(() => built().app);
      beforeAll(async () => {
        await agent.signIn(demoEmail(who));
      });
      return agent;
    },
    get citizenId() {
      return seeded(userIds.get('citizen'));
    },
    userId: (who) => seeded(userIds.get(who)),
    programId: (slug) => seeded(programIds.get(slug)),
  };
}

/** The seeded demo citizen (platform/db/seed.ts), the applicant most tests use. */
export const DEMO_CITIZEN_EMAIL = 'citizen@example.gov';

/** The id of the user with this email (a demo user or one the test registered); throws when there is none. */
export async function userIdByEmail(db: Kysely<Database>, email: string): Promise<string> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The id of the demo citizen (citizen@example.gov). */
export function demoCitizenId(db: Kysely<Database>): Promise<string> {
  return userIdByEmail(db, DEMO_CITIZEN_EMAIL);
}

/**
 * The id of the program with this slug (seeded: home-energy-rebate, small-business-relief, permit-fee-refund);
 * throws when there is none.
 */
export async function programIdBySlug(db: Kysely<Database>, slug: string): Promise<string> {
  const row = await db
    .selectFrom('programs')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirstOrThrow();
  return row.id;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A browser stand-in: keeps cookies between requests and sends the CSRF header the way the web client does. */
export class Agent {
  readonly cookies = new Map<string, string>();
  /** The app, or how to reach it once it is built (an agent made before the file's beforeAll). */
  constructor(private readonly app: FastifyInstance | (() => FastifyInstance)) {}

  async request(
    method: Method,
    url: string,
    body?: unknown,
    opts: { csrf?: boolean; headers?: Record<string, string> } = {},
  ): Promise<LightMyRequestResponse> {
    if (method !== 'GET' && !this.cookies.has('hms_csrf')) await this.request('GET', '/api/health');
    const headers: Record<string, string> = { ...opts.headers };
    if (this.cookies.size > 0)
      headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method !== 'GET' && opts.csrf !== false)
      headers['x-csrf-token'] = this.cookies.get('hms_csrf') ?? '';
    const app = typeof this.app === 'function' ? this.app() : this.app;
    const res = await app.inject({
      method,
      url,
      headers,
      ...(body === undefined ? {} : { payload: body as object }),
    });
    for (const c of res.cookies) {
      const expired = c.expires !== undefined && c.expires.getTime() <= Date.now();
      if (c.value === '' || expired || c.maxAge === 0) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  get = (url: string) => this.request('GET', url);
  post = (
    url: string,
    body?: unknown,
    opts?: { csrf?: boolean; headers?: Record<string, string> },
  ) => this.request('POST', url, body, opts);

  async signIn(email: string, password = DEMO_PASSWORD): Promise<LightMyRequestResponse> {
    const res = await this.post('/api/auth/sign-in', { email, password });
    if (res.statusCode !== 200)
      throw new Error(`sign-in as ${email} failed: ${res.statusCode} ${res.body}`);
    return res;
  }
}

/**
 * The token of the newest `link#token=…` emailed to this address (read from the email outbox, as a person reads
 * mail): a registration's confirmation, a staff invitation. `link` is the link before `#token=`, as much of it as
 * the test means to check.
 */
export async function emailedToken(
  db: Kysely<Database>,
  email: string,
  link: string,
): Promise<string> {
  const row = await db
    .selectFrom('email_outbox')
    .select('body')
    .where('to_address', '=', email.toLowerCase())
    .where('body', 'like', `%${link}#token=%`)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  const marker = `${link}#token=`;
  const at = row.body.indexOf(marker);
  const m = at < 0 ? null : /^[A-Za-z0-9_-]{43}/.exec(row.body.slice(at + marker.length));
  if (!m) throw new Error(`no ${link} link in the email to ${email}`);
  return m[0];
}

/** The token in the newest registration link emailed to this address. */
export function confirmationTokenFor(db: Kysely<Database>, email: string): Promise<string> {
  return emailedToken(db, email, '/register/confirm');
}

/**
 * Registers a citizen the way a person does: the form, then the link from the email. Returns a signed-in agent.
 */
export async function registerCitizen(
  t: Pick<TestContext, 'app' | 'db'>,
  email: string,
  opts: { displayName?: string; password?: string; language?: Language } = {},
): Promise<Agent> {
  const a = new Agent(t.app);
  const res = await a.post('/api/auth/register', {
    email,
    password: opts.password ?? 'a-long-enough-passphrase-9',
    displayName: opts.displayName ?? 'Test Person',
    ...(opts.language ? { language: opts.language } : {}),
  });
  if (res.statusCode !== 202) throw new Error(`register ${email}: ${res.statusCode} ${res.body}`);
  const token = await confirmationTokenFor(t.db.kysely, email);
  const confirmed = await a.post('/api/auth/register/confirm', { token });
  if (confirmed.statusCode !== 200)
    throw new Error(`confirm ${email}: ${confirmed.statusCode} ${confirmed.body}`);
  return a;
}
