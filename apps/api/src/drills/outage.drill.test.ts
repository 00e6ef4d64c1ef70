import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { checkInvariants, formatChecks } from '../../../../bench/lib/invariants.ts';
import { openDb } from '../platform/db/connect.ts';
import { DEMO_PASSWORD } from '../platform/db/seed.ts';
import { bankAccountBody } from '../testing/applying.ts';
import {
  Client,
  DRILL_KEY,
  drillConfig,
  freePort,
  postgresBinDir,
  prepareDatabase,
  say,
  sleep,
  startApi,
  startPrivateCluster,
  tempDir,
  type Answer,
  type Api,
  type PrivateCluster,
} from './harness.test-helper.ts';

/**
 * Outage drill (issue 15 item 6): PostgreSQL really stops for 20 s while the API (the real entry point, its workers
 * on) serves a steady load: a readiness probe every 100 ms, three readers (a citizen's own requests and profile,
 * finance's batches) and a citizen submitting applications one after another. While the database is gone:
 * /api/ready answers 503 within 5 s, and every request answers, within a bound, a 503 problem (code
 * server.unavailable, no stack), never a hang, a 500 or a 401. When the database is back, the same process recovers by
 * itself; every submission acknowledged before (and after) the outage is in the database, and the money invariants
 * hold.
 *
 * The database is a private throwaway cluster (initdb + pg_ctl in a temp folder, its own port): the machine's shared
 * server, which other tests use, is never stopped. Needs the PostgreSQL server binaries (/usr/lib/postgresql/<v>/bin or
 * HMS_PG_BINDIR).
 */
const BIN = postgresBinDir();
const OUTAGE_MS = 20_000;
/** /api/ready must say not ready within this after the database stopped. */
const NOT_READY_WITHIN_MS = 5_000;
/** No request may take longer than this, outage or not (the pool gives up connecting after 5 s). */
const ANSWER_WITHIN_MS = 8_000;
/** After the database is back, the API must be ready again within this, without a restart. */
const RECOVER_WITHIN_MS = 10_000;

interface Sent {
  what: string;
  /** When it was sent and answered, in ms since the load started. */
  at: number;
  done: number;
  status: number | 'error';
  contentType: string;
  body: string;
}

let cluster: PrivateCluster | undefined;
let api: Api | undefined;
let data: { dir: string; remove(): void } | undefined;

afterAll(async () => {
  await api?.kill9();
  await cluster?.destroy();
  data?.remove();
});

describe.skipIf(!BIN)('outage drill: PostgreSQL stopped for 20 s under load', () => {
  it('answers 503 problems while the database is gone, and recovers by itself with nothing acknowledged lost', async () => {
    cluster = await startPrivateCluster(BIN!, await freePort());
    say(`outage drill: private PostgreSQL cluster on :${cluster.port} (${BIN})`);
    data = tempDir('hms-outage-drill-');
    const config = drillConfig(cluster.url, data.dir);
    await (await prepareDatabase(cluster.url, config)).close();
    api = await startApi({
      databaseUrl: cluster.url,
      dataDir: data.dir,
      env: { HMS_WEBHOOK_WORKER: '1' },
    });
    const pid = api.child.pid;
    const citizen = await new Client(api.url).signIn('citizen@example.gov', DEMO_PASSWORD);
    const finance = await new Client(api.url).signIn('finance@example.gov', DEMO_PASSWORD);
    const probe = new Client(api.url);

    const t0 = performance.now();
    const now = () => Math.round(performance.now() - t0);
    const log: Sent[] = [];
    let running = true;
    async function send(what: string, call: () => Promise<Answer>): Promise<Answer | null> {
      const at = now();
      try {
        const a = await call();
        log.push({
          what,
          at,
          done: now(),
          status: a.status,
          contentType: a.headers.get('content-type') ?? '',
          body: a.body.slice(0, 2000),
        });
        return a;
      } catch (err) {
        const e = err as Error;
        log.push({
          what,
          at,
          done: now(),
          status: 'error',
          contentType: '',
          body: `${e.name}: ${(e.cause as Error | undefined)?.message ?? e.message}`,
        });
        return null;
      }
    }
    const timeout = { timeoutMs: 20_000 };

    const probing = (async () => {
      while (running) {
        await send('GET /api/ready', () => probe.get('/api/ready', timeout));
        await sleep(100);
      }
    })();
    const reads: Array<[string, Client, string]> = [
      ['GET /api/me', citizen, '/api/me'],
      ['GET /api/requests/mine', citizen, '/api/requests/mine'],
      ['GET /api/batches', finance, '/api/batches'],
    ];
    const reading = reads.map(async ([what, client, path]) => {
      while (running) {
        await send(what, () => client.get(path, timeout));
        await sleep(50);
      }
    });
    // A citizen applying again and again, as the intake screens do; a failed step is tried again (the draft resumes,
    // the submission keeps its idempotency key), so a submission answered 201 is one the citizen was told about.
    const acknowledged: Array<{ requestId: string; reference: string; at: number }> = [];
    const keys = new Map<string, string>();
    const writing = (async () => {
      const ok2xx = (a: Answer | null): a is Answer => !!a && a.status >= 200 && a.status < 300;
      while (running) {
        const draft = await send('POST draft', () =>
          citizen.post('/api/programs/permit-fee-refund/drafts', {}, timeout),
        );
        if (!ok2xx(draft)) {
          await sleep(250);
          continue;
        }
        const d = draft.json<{ id: string; version: number }>();
        let version = d.version;
        let failed = false;
        for (const step of [
          {
            step: 'permit',
            answers: { permitNumber: 'BP-2026-01234', datePaid: '2026-02-03', amountPaid: '250' },
          },
          {
            step: 'reason',
            answers: { refundReason: 'duplicate', reasonDetails: 'I paid twice on the same day.' },
          },
        ]) {
          const saved = await send('PUT answers', () =>
            citizen.request('PUT', `/api/requests/${d.id}/answers`, { version, ...step }, timeout),
          );
          if (!ok2xx(saved)) {
            failed = true;
            break;
          }
          version = saved.json<{ version: number }>().version;
        }
        if (!failed) {
          const bank = await send('PUT bank-account', () =>
            citizen.request(
              'PUT',
              `/api/requests/${d.id}/bank-account`,
              { version, ...bankAccountBody('123456789012', { holderName: 'Casey Citizen' }) },
              timeout,
            ),
          );
          failed = !ok2xx(bank);
        }
        if (!failed) {
          if (!keys.has(d.id)) keys.set(d.id, randomUUID());
          const submitted = await send('POST submit', () =>
            citizen.post(
              `/api/requests/${d.id}/submit`,
              { declaration: true },
              { headers: { 'idempotency-key': keys.get(d.id)! }, ...timeout },
            ),
          );
          if (ok2xx(submitted))
            acknowledged.push({
              requestId: d.id,
              reference: submitted.json<{ reference: string }>().reference,
              at: now(),
            });
          else failed = true;
        }
        if (failed) await sleep(250);
      }
    })();

    await sleep(5_000);
    const stopAsked = now();
    await cluster.stop('fast');
    const stopped = now();
    say(
      `  PostgreSQL stopped at ${stopped} ms (pg_ctl stop -m fast took ${stopped - stopAsked} ms)`,
    );
    await sleep(OUTAGE_MS);
    const startAsked = now();
    await cluster.start();
    const started = now();
    say(
      `  PostgreSQL started at ${started} ms (down ${started - stopped} ms; pg_ctl start took ${started - startAsked} ms)`,
    );
    const recoveredBy = started + RECOVER_WITHIN_MS;
    // Long enough after the bound to see the load answered normally (and a submission or two acknowledged).
    while (now() < recoveredBy + 4_000) await sleep(200);
    running = false;
    await Promise.all([probing, writing, ...reading]);

    // ── What the clients saw ──
    const during = log.filter((s) => s.at >= stopped && s.done <= startAsked);
    const readyProbes = log.filter((s) => s.what === 'GET /api/ready');
    const firstNotReady = readyProbes.find((s) => s.at >= stopAsked && s.status === 503);
    const firstReadyAgain = readyProbes.find((s) => s.at >= startAsked && s.status === 200);
    const slowest = (xs: Sent[]) => Math.max(0, ...xs.map((s) => s.done - s.at));
    const tally = (xs: Sent[]) => {
      const by = new Map<string, number>();
      for (const s of xs) by.set(String(s.status), (by.get(String(s.status)) ?? 0) + 1);
      return [...by].map(([k, v]) => `${v}× ${k}`).join(', ');
    };
    const before = log.filter((s) => s.done < stopAsked);
    const after = log.filter((s) => s.at >= recoveredBy);
    say(
      `  before the outage: ${before.length} requests (${tally(before)}), slowest ${slowest(before)} ms`,
    );
    say(
      `  during the outage: ${during.length} requests (${tally(during)}), slowest ${slowest(during)} ms`,
    );
    say(
      `  /api/ready: 503 ${firstNotReady ? firstNotReady.done - stopAsked : '—'} ms after the stop was asked for; ` +
        `200 again ${firstReadyAgain ? firstReadyAgain.done - startAsked : '—'} ms after the start was asked for`,
    );
    say(
      `  after recovery: ${after.length} requests (${tally(after)}), slowest ${slowest(after)} ms`,
    );
    say(
      `  submissions acknowledged: ${acknowledged.filter((a) => a.at < stopAsked).length} before the outage, ` +
        `${acknowledged.filter((a) => a.at >= stopAsked).length} after; API pid ${api.child.pid} (started as ${pid})`,
    );

    const notFound = log.find((s) => s.status === 404);
    if (notFound) say(`  404: ${notFound.what} ${notFound.body}`);
    if (api.child.exitCode !== null || api.child.signalCode !== null)
      say(
        `  the API died (${api.child.exitCode ?? api.child.signalCode}):\n${api.output().slice(-4000)}`,
      );
    expect(firstNotReady, 'a 503 from /api/ready after the stop').toBeDefined();
    // Counted from the moment the stop was asked for (the stricter start: the server may take a while to go).
    expect(firstNotReady!.done - stopAsked).toBeLessThanOrEqual(NOT_READY_WITHIN_MS);
    // Every request sent while the database was down: a 503 problem, answered in time, never a 500, a 401 or a hang.
    const wrong = during.filter((s) => {
      if (s.status !== 503 || !s.contentType.startsWith('application/problem+json')) return true;
      const p = JSON.parse(s.body) as { code?: string; status?: number };
      return p.code !== 'server.unavailable' || p.status !== 503 || /stack|\n\s+at /.test(s.body);
    });
    expect(
      wrong.slice(0, 5),
      `${wrong.length} answers during the outage were not 503 problems`,
    ).toEqual([]);
    expect(during.length).toBeGreaterThan(50);
    // At no time, not even while the server was stopping or starting: a 500, another 5xx, a cut connection.
    const broken = log.filter((s) => s.status === 'error' || (s.status >= 500 && s.status !== 503));
    expect(broken.slice(0, 5), `${broken.length} answers were errors`).toEqual([]);
    expect(slowest(log)).toBeLessThanOrEqual(ANSWER_WITHIN_MS);
    // Recovered by itself: the same process, ready again in time, and everything answered normally after.
    expect(api.child.exitCode).toBeNull();
    expect(api.child.pid).toBe(pid);
    expect(firstReadyAgain, 'a 200 from /api/ready after the start').toBeDefined();
    expect(firstReadyAgain!.done).toBeLessThanOrEqual(recoveredBy);
    expect(after.filter((s) => s.status !== 200 && s.status !== 201)).toEqual([]);
    expect(acknowledged.filter((a) => a.at < stopAsked).length).toBeGreaterThan(0);
    expect(acknowledged.filter((a) => a.at >= started).length).toBeGreaterThan(0);
    // Nothing acknowledged is lost.
    const db = await openDb({ databaseUrl: cluster.url });
    try {
      const checks = await checkInvariants({
        db: db.kysely,
        env: { HMS_ENCRYPTION_KEY: DRILL_KEY, HMS_DATA_DIR: data.dir },
        acknowledged: { submissions: acknowledged },
      });
      say(formatChecks(checks).trimEnd().replace(/^/gm, '    '));
      expect(checks.filter((c) => !c.ok)).toEqual([]);
    } finally {
      await db.close();
    }
  }, 180_000);
});
