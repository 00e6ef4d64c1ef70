import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { Agent, createTestApp, type TestContext } from '../../testing/test-app.ts';
import { buildApp } from '../../app.ts';
import { notifySourceOf, openDb, type Db } from '../../platform/db/connect.ts';
import { insertRequest, programBySlug, userIdByEmail } from '../inbox/demo-rows.ts';

interface Sse {
  events: Array<{ event: string; data: Record<string, unknown> }>;
  status: number;
  waitFor(
    pred: (e: { event: string; data: Record<string, unknown> }) => boolean,
    ms: number,
  ): Promise<{ event: string; data: Record<string, unknown> }>;
  close(): void;
}

/** A minimal EventSource over node:http, so the test reads the stream exactly as a browser receives it. */
function openSse(app: FastifyInstance, cookies: Map<string, string>): Promise<Sse> {
  const { port } = app.server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const events: Sse['events'] = [];
    const waiters = new Set<() => void>();
    const req = http.get(
      {
        host: '127.0.0.1',
        port,
        path: '/api/live',
        headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      },
      (res) => {
        let buf = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buf += chunk;
          let i: number;
          while ((i = buf.indexOf('\n\n')) >= 0) {
            const block = buf.slice(0, i);
            buf = buf.slice(i + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (event && data) events.push({ event, data: JSON.parse(data) });
            for (const w of waiters) w();
          }
        });
        resolve({
          events,
          status: res.statusCode ?? 0,
          waitFor: (pred, ms) =>
            new Promise((ok, fail) => {
              const check = () => {
                const hit = events.find(pred);
                if (hit) {
                  waiters.delete(check);
                  clearTimeout(timer);
                  ok(hit);
                }
              };
              const timer = setTimeout(() => {
                waiters.delete(check);
                fail(new Error(`no matching event within ${ms} ms; got ${JSON.stringify(events)}`));
              }, ms);
              waiters.add(check);
              check();
            }),
          close: () => req.destroy(),
        });
      },
    );
    req.on('error', reject);
  });
}

async function newRequest(db: Db) {
  const citizen = await userIdByEmail(db.kysely, 'citizen@example.gov');
  const program = await programBySlug(db.kysely, 'home-energy-rebate');
  return insertRequest(db.kysely, {
    applicantId: citizen,
    programId: program.id,
    status: 'submitted',
    amountCents: 20_000,
  });
}

/**
 * A senior approver watches /api/live on `watched`; an approver claims a new request through `acting`: the claim is
 * the first event about that request the watcher receives, within a second of it.
 */
async function expectClaimStreamed(
  watched: FastifyInstance,
  acting: Pick<TestContext, 'app' | 'db'>,
): Promise<void> {
  const watcher = new Agent(watched);
  await watcher.signIn('senior@example.gov');
  const sse = await openSse(watched, watcher.cookies);
  try {
    expect(sse.status).toBe(200);
    await sse.waitFor((e) => e.event === 'ready', 1000);
    const id = await newRequest(acting.db);
    const actor = new Agent(acting.app);
    await actor.signIn('approver@example.gov');
    const started = Date.now();
    expect((await actor.post(`/api/requests/${id}/claim`)).statusCode).toBe(200);
    const e = await sse.waitFor((x) => x.data.requestId === id, 1000);
    expect(e).toMatchObject({ event: 'request', data: { type: 'claimed', toStatus: 'in_review' } });
    expect(Date.now() - started).toBeLessThan(1000);
  } finally {
    sse.close();
  }
}

describe('GET /api/live (one instance)', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses anonymous callers and citizens', async () => {
    expect((await t.app.inject({ url: '/api/live' })).statusCode).toBe(401);
    const citizen = new Agent(t.app);
    await citizen.signIn('citizen@example.gov');
    expect((await citizen.get('/api/live')).statusCode).toBe(403);
  });

  it("streams another approver's claim within a second, after it commits", async () => {
    await expectClaimStreamed(t.app, t);
  });
});

// Two API instances on one PostgreSQL database: a change through one reaches an SSE client of the other.
describe.runIf(process.env.TEST_DATABASE_URL)(
  'GET /api/live across two instances (PostgreSQL LISTEN/NOTIFY)',
  () => {
    let a: TestContext;
    let b: FastifyInstance;
    let bDb: Db;
    beforeAll(async () => {
      a = await createTestApp();
      const source = notifySourceOf(a.db.kysely);
      if (source?.kind !== 'postgres') throw new Error('expected PostgreSQL');
      const searchPath = /search_path=(\S+)/.exec(String(source.clientConfig.options))?.[1];
      bDb = await openDb({ databaseUrl: process.env.TEST_DATABASE_URL, searchPath });
      b = await buildApp({ config: a.config, db: bDb.kysely, logger: false });
      await a.app.listen({ port: 0, host: '127.0.0.1' });
      await b.listen({ port: 0, host: '127.0.0.1' });
    });
    afterAll(async () => {
      await b?.close();
      await bDb?.close();
      await a?.close();
    });

    it('a claim through instance A reaches the SSE client of instance B within a second', async () => {
      await expectClaimStreamed(b, a);
    });
  },
);
