import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkInvariants,
  formatChecks,
  type InvariantInput,
  type WebhookReceipt,
} from '../../../../bench/lib/invariants.ts';
import type { Config } from '../platform/config.ts';
import type { Db } from '../platform/db/connect.ts';
import { DEMO_PASSWORD } from '../platform/db/seed.ts';
import { demoCitizenId, programIdBySlug } from '../testing/test-app.ts';
import { insertApprovedPayment } from '../modules/payments/fixtures.ts';
import { returnFileFor } from '../modules/returns/bank-return-file.ts';
import { signWebhook } from '../modules/webhooks/signing.ts';
import {
  Client,
  createDatabase,
  DRILL_KEY,
  drillConfig,
  drillSeed,
  freePort,
  ok,
  prepareDatabase,
  say,
  sleep,
  startApi,
  tempDir,
  type Answer,
  type Api,
} from './harness.test-helper.ts';
import { seededRandom } from '../platform/seeded-random.ts';

/**
 * Crash drills (issue 15 item 5): the real entry point (`main.ts`) on a PostgreSQL database of its own is killed with
 * SIGKILL at a random point during a batch build, a release, a return import, a settlement by the FINANCIAL token
 * and webhook delivery; a new process starts on the same database, the client retries the way a client would, and
 * the money invariants (bench/lib/invariants.ts) must hold after each one. A webhook may arrive twice with the same
 * id and body; money never moves twice.
 *
 * Each kill point is a random instant within the duration of the same operation, of the same size, measured just
 * before on a twin batch (seeded: HMS_DRILL_SEED=<printed seed> replays the same points); a second build is killed
 * the moment its commit is visible in the database, before its answer. The webhook kill lands when the receiver
 * holds the k-th delivery unanswered (k random), so that delivery was sent but not recorded.
 *
 * Needs PostgreSQL (two processes one after the other on one database, as in production); TEST_DATABASE_URL names
 * the server, on which the drill creates and drops a database of its own.
 */
const SERVER = process.env.TEST_DATABASE_URL;
const BATCH_SIZE = 300;
const RETURNS_PER_FILE = 60;

const seed = drillSeed();
const random = seededRandom(seed).next;

interface Phase {
  name: string;
  measuredMs: number;
  killAtMs: number;
  beforeKill: string;
  /** What the kill left in the database. */
  left: string;
  retry: string;
}
const phases: Phase[] = [];

let data: { dir: string; remove(): void };
let database: { url: string; drop(): Promise<void> };
let config: Config;
let db: Db;
let api: Api;
let port: number;
const clients: Client[] = [];
let finance: Client;
let supervisor: Client;
let admin: Client;
let financial: Client;

const receipts: WebhookReceipt[] = [];
let badSignatures = 0;
let webhookSecret = '';
let endpointId = '';
/** Set by the webhook drill: called with each arrival; true holds the response (never answered). */
let onWebhook: (count: number) => boolean = () => false;
const receiver = createServer((req: IncomingMessage, res: ServerResponse) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => {
    const id = String(req.headers['webhook-id']);
    const ts = Number(req.headers['webhook-timestamp']);
    if (req.headers['webhook-signature'] !== signWebhook(webhookSecret, id, ts, body))
      badSignatures += 1;
    receipts.push({ id, body });
    if (onWebhook(receipts.length)) return;
    res.writeHead(204).end();
  });
});

async function restart(env: Record<string, string> = {}): Promise<void> {
  api = await startApi({ databaseUrl: database.url, dataDir: data.dir, port, env });
  for (const c of clients) c.base = api.url;
}

/**
 * Sends the request and SIGKILLs the API `killAtMs` after it was sent; what the client saw is either the answer (the
 * operation was quicker) or a cut connection. Then a new process starts on the same port.
 */
async function killDuring(
  send: () => Promise<Answer>,
  killAtMs: number,
  env: Record<string, string> = {},
): Promise<string> {
  const answered = send().then(
    (a) => `answered ${a.status} after ${Math.round(a.ms)} ms`,
    (err: Error) => `no answer (${(err.cause as Error | undefined)?.message ?? err.message})`,
  );
  await sleep(killAtMs);
  await api.kill9();
  const seen = await answered;
  say(`  SIGKILL at ${killAtMs} ms; the client saw: ${seen}`);
  await restart(env);
  return seen;
}

/**
 * The receiver as the FINANCIAL system's endpoint for returns. Added just before the drilled import: an endpoint hears
 * the events from its creation on, so it gets exactly that file's returns to deliver.
 */
async function addReceiverEndpoint(): Promise<void> {
  const { address, port: at } = receiver.address() as { address: string; port: number };
  const hook = await ok(
    admin.post('/api/webhooks/endpoints', {
      url: `http://${address}:${at}/hms`,
      description: 'crash drill receiver',
      eventTypes: ['payment.returned'],
    }),
    'create the webhook endpoint',
  );
  webhookSecret = hook.json<{ secret: string }>().secret;
  endpointId = hook.json<{ id: string }>().id;
}

/**
 * A random instant between 5 % and 85 % of the twin's duration. Under load one run of an operation can take a third
 * less time than its twin, so later points would often land after the answer; the kill after the commit and before
 * the answer is drilled on its own (the second build).
 */
const killPoint = (measuredMs: number) => Math.round(measuredMs * (0.05 + 0.8 * random()));

/** How a killed operation went: its twin's duration, when the kill landed and what the client saw before it. */
type Kill = Pick<Phase, 'measuredMs' | 'killAtMs' | 'beforeKill'>;

/** Sends the operation and kills the API at a random instant within its twin's duration (see killDuring). */
async function killWithinTwin(twin: Answer, send: () => Promise<Answer>): Promise<Kill> {
  const measuredMs = Math.round(twin.ms);
  const killAtMs = killPoint(measuredMs);
  return { measuredMs, killAtMs, beforeKill: await killDuring(send, killAtMs) };
}

/**
 * Keeps a drill's outcome for the summary printed after all of them. `left` is what the kill left in the database:
 * whether the operation had committed, or in words.
 */
function recordPhase(name: string, kill: Kill, left: boolean | string, retry: string): void {
  const inWords =
    typeof left === 'string' ? left : left ? 'it had committed' : 'it had not committed';
  phases.push({ name, ...kill, left: inWords, retry });
}

async function invariants(extra: Partial<InvariantInput> = {}) {
  const checks = await checkInvariants({
    db: db.kysely,
    env: { HMS_ENCRYPTION_KEY: DRILL_KEY, HMS_DATA_DIR: data.dir },
    ...extra,
  });
  say(
    formatChecks(checks)
      .trimEnd()
      .split('\n')
      .map((l) => `    ${l}`)
      .join('\n'),
  );
  expect(
    checks.filter((c) => !c.ok),
    formatChecks(checks),
  ).toEqual([]);
  return checks;
}

const batchRow = (id: string) =>
  db.kysely.selectFrom('ach_batches').selectAll().where('id', '=', id).executeTakeFirst();

let pendingA: string[] = [];
let pendingB: string[] = [];
let batchA = '';
let batchB = '';
const settlementsAcknowledged: { batchId: string }[] = [];

describe.skipIf(!SERVER)('crash drills: kill -9 during money operations (PostgreSQL)', () => {
  beforeAll(async () => {
    say(`crash drills: seed ${seed} (HMS_DRILL_SEED=${seed} replays these kill points)`);
    data = tempDir('hms-crash-drill-');
    database = await createDatabase(SERVER!);
    config = drillConfig(database.url, data.dir);
    db = await prepareDatabase(database.url, config);
    const citizenId = await demoCitizenId(db.kysely);
    const programId = await programIdBySlug(db.kysely, 'permit-fee-refund');
    const made: string[] = [];
    for (let i = 0; i < 2 * BATCH_SIZE; i++) {
      const p = await insertApprovedPayment(db.kysely, config, {
        applicantId: citizenId,
        programId,
        amountCents: 1_000 + Math.floor(random() * 100_000),
      });
      made.push(p.paymentId);
    }
    pendingA = made.slice(0, BATCH_SIZE);
    pendingB = made.slice(BATCH_SIZE);
    port = await freePort();
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    api = await startApi({ databaseUrl: database.url, dataDir: data.dir, port });
    finance = await new Client(api.url).signIn('finance@example.gov', DEMO_PASSWORD);
    supervisor = await new Client(api.url).signIn('supervisor@example.gov', DEMO_PASSWORD);
    admin = await new Client(api.url).signIn('admin@example.gov', DEMO_PASSWORD);
    const token = await ok(
      admin.post('/api/service-tokens', { name: 'FINANCIAL drill', scopes: ['settlement:write'] }),
      'create the FINANCIAL token',
    );
    financial = new Client(api.url, token.json<{ token: string }>().token);
    clients.push(finance, supervisor, admin, financial);
    say(`  ${2 * BATCH_SIZE} approved payments waiting; FINANCIAL token ready`);
  }, 240_000);

  afterAll(async () => {
    await api?.kill9();
    await new Promise((resolve) => receiver.close(resolve));
    await db?.close();
    await database?.drop();
    data?.remove();
    if (phases.length > 0) {
      say('\ncrash drills, summary (seed ' + seed + '):');
      for (const p of phases)
        say(
          `  ${p.name.padEnd(16)} measured ${String(p.measuredMs).padStart(5)} ms, killed at ${String(p.killAtMs).padStart(5)} ms: ` +
            `${p.beforeKill}; ${p.left}; retry: ${p.retry}`,
        );
    }
  });

  /**
   * The client's side of a build whose answer it may not have had: it sends the same build again; a 409 saying the
   * payments are batched sends it to the list of built batches, where its first try's batch is.
   */
  async function retryBuild(committed: boolean): Promise<string> {
    const again = await finance.post('/api/batches', { paymentIds: pendingA, sameDay: false });
    if (committed) {
      expect(again.status, again.body).toBe(409);
      expect(again.json().code).toBe('batch.payments_not_batchable');
      const list = await ok(finance.get('/api/batches?status=built'), 'list built batches');
      const items = list.json<{ items: { id: string }[] }>().items;
      expect(items).toHaveLength(1);
      batchA = items[0]!.id;
      return '409 payments already batched; the first try’s batch is in the list';
    }
    expect(again.status, again.body).toBe(201);
    batchA = again.json<{ id: string }>().id;
    return '201 built now';
  }

  /** How many of the batch's payments the database holds in this status. */
  const paymentsOfBatch = async (batchId: string, status: 'released' | 'returned') =>
    Number(
      (
        await db.kysely
          .selectFrom('payments')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('batch_id', '=', batchId)
          .where('status', '=', status)
          .executeTakeFirstOrThrow()
      ).n,
    );

  const builtBatches = async () =>
    (await db.kysely.selectFrom('ach_batches').select('id').where('status', '=', 'built').execute())
      .length;

  it('batch build: a build killed half-way either committed whole or not at all; the retry builds it once', async () => {
    say('\n[batch build]');
    // The twin: the same payments built (timed) and cancelled, which puts them back to pending.
    const twin = await ok(
      finance.post('/api/batches', { paymentIds: pendingA, sameDay: false }),
      'twin build',
    );
    await ok(finance.post(`/api/batches/${twin.json().id}/cancel`), 'cancel the twin');
    const kill = await killWithinTwin(twin, () =>
      finance.post('/api/batches', { paymentIds: pendingA, sameDay: false }),
    );
    const committed = (await builtBatches()) === 1;
    const retry = await retryBuild(committed);
    say(`  retry: ${retry}`);
    expect((await batchRow(batchA))!.entry_count).toBe(BATCH_SIZE);
    recordPhase('batch build', kill, committed, retry);
    await invariants();
  }, 120_000);

  it('batch build killed just after its commit (before its answer): the retry is refused and finds the batch', async () => {
    say('\n[batch build, killed at the commit]');
    // The batch goes back to pending payments (cancelled), and is built again; the drill watches the database and
    // kills the API the moment the new batch is committed, while it is still reading the batch back for its answer.
    await ok(finance.post(`/api/batches/${batchA}/cancel`), 'cancel the batch');
    const sent = performance.now();
    const answered = finance.post('/api/batches', { paymentIds: pendingA, sameDay: false }).then(
      (a) => `answered ${a.status} after ${Math.round(a.ms)} ms`,
      (err: Error) => `no answer (${(err.cause as Error | undefined)?.message ?? err.message})`,
    );
    while ((await builtBatches()) === 0 && performance.now() - sent < 60_000) await sleep(2);
    const killAt = Math.round(performance.now() - sent);
    await api.kill9();
    const before = await answered;
    say(`  SIGKILL at the commit (${killAt} ms); the client saw: ${before}`);
    await restart();
    expect(await builtBatches()).toBe(1);
    const retry = await retryBuild(true);
    say(`  retry: ${retry}`);
    recordPhase(
      'build at commit',
      { measuredMs: killAt, killAtMs: killAt, beforeKill: before },
      true,
      retry,
    );
    await invariants();
  }, 120_000);

  it('batch release: a release killed half-way is all or nothing; the retry releases it once', async () => {
    say('\n[batch release]');
    batchB = (
      await ok(
        finance.post('/api/batches', { paymentIds: pendingB, sameDay: false }),
        'build the twin',
      )
    ).json<{ id: string }>().id;
    const twin = await ok(supervisor.post(`/api/batches/${batchB}/release`), 'twin release');
    const kill = await killWithinTwin(twin, () =>
      supervisor.post(`/api/batches/${batchA}/release`),
    );
    const committed = (await batchRow(batchA))!.status === 'released';
    const again = await supervisor.post(`/api/batches/${batchA}/release`);
    let retry: string;
    if (committed) {
      expect(again.status, again.body).toBe(409);
      expect(again.json().code).toBe('batch.not_built');
      const shown = await ok(supervisor.get(`/api/batches/${batchA}`), 'read the batch');
      expect(shown.json().status).toBe('released');
      retry = `409 ${again.json().code}; the batch reads released`;
    } else {
      expect(again.status, again.body).toBe(200);
      retry = '200 released now';
    }
    say(`  retry: ${retry}`);
    expect(await paymentsOfBatch(batchA, 'released')).toBe(BATCH_SIZE);
    recordPhase('batch release', kill, committed, retry);
    await invariants();
  }, 120_000);

  /** A bank return file returning `n` entries of the batch, picked at random. */
  async function returnFile(batchId: string, modifier: string) {
    const detail = await ok(finance.get(`/api/batches/${batchId}`), 'read the batch');
    const entries = detail.json<{
      entries: { traceNumber: string; amountCents: number; kind: string }[];
    }>().entries;
    const picked = [...entries]
      .filter((e) => e.kind === 'payment')
      .sort(() => random() - 0.5)
      .slice(0, RETURNS_PER_FILE);
    return returnFileFor(
      {
        odfiRouting: config.originator.odfiRouting,
        returns: picked.map((e) => ({
          traceNumber: e.traceNumber,
          amountCents: e.amountCents,
          code: 'R03',
        })),
      },
      modifier,
    );
  }

  it('return import: an import killed half-way is all or nothing; the same file again is recorded once', async () => {
    say('\n[return import]');
    const twinFile = await returnFile(batchB, 'A');
    const twin = await ok(
      finance.post('/api/returns/imports', { fileName: 'twin-returns.ach', content: twinFile }),
      'twin import',
    );
    expect(twin.json<{ counts: { returnsApplied: number } }>().counts.returnsApplied).toBe(
      RETURNS_PER_FILE,
    );
    await addReceiverEndpoint();
    const file = await returnFile(batchA, 'B');
    const kill = await killWithinTwin(twin, () =>
      finance.post('/api/returns/imports', { fileName: 'returns.ach', content: file }),
    );
    const returnedNow = () => paymentsOfBatch(batchA, 'returned');
    const afterKill = await returnedNow();
    expect([0, RETURNS_PER_FILE]).toContain(afterKill);
    const committed = afterKill === RETURNS_PER_FILE;
    const again = await ok(
      finance.post('/api/returns/imports', { fileName: 'returns.ach', content: file }),
      'import again',
    );
    const r = again.json<{ duplicate: boolean; counts: { returnsApplied: number } }>();
    // A duplicate answers with the first import's result and changes nothing.
    expect(r.duplicate).toBe(committed);
    expect(r.counts.returnsApplied).toBe(RETURNS_PER_FILE);
    const retry = committed
      ? '200 duplicate: the first import’s result, nothing changed'
      : `200 ${RETURNS_PER_FILE} returns applied now`;
    say(`  retry: ${retry}`);
    expect(await returnedNow()).toBe(RETURNS_PER_FILE);
    recordPhase('return import', kill, committed, retry);
    await invariants();
  }, 120_000);

  it('settlement (FINANCIAL token): a settlement killed half-way is all or nothing; the retry settles once', async () => {
    say('\n[settlement]');
    const twin = await ok(
      financial.post(`/api/integration/batches/${batchB}/settlement`, { note: 'twin' }),
      'twin settlement',
    );
    settlementsAcknowledged.push({ batchId: batchB });
    const kill = await killWithinTwin(twin, () =>
      financial.post(`/api/integration/batches/${batchA}/settlement`, { note: 'drill' }),
    );
    const committed = (await batchRow(batchA))!.status === 'settled';
    const again = await ok(
      financial.post(`/api/integration/batches/${batchA}/settlement`, { note: 'drill' }),
      'settle again',
    );
    settlementsAcknowledged.push({ batchId: batchA });
    const r = again.json<{ alreadySettled: boolean; paymentsSettled: number }>();
    expect(r.alreadySettled).toBe(committed);
    expect(r.paymentsSettled).toBe(committed ? 0 : BATCH_SIZE - RETURNS_PER_FILE);
    const retry = committed
      ? '200 alreadySettled: nothing changed'
      : `200 settled now (${r.paymentsSettled} payments)`;
    say(`  retry: ${retry}`);
    recordPhase('settlement', kill, committed, retry);
    await invariants({ acknowledged: { settlements: settlementsAcknowledged } });
  }, 120_000);

  it('webhook delivery: killed with a delivery sent and unanswered, the new process delivers everything; a repeat carries the same id and body', async () => {
    say('\n[webhook delivery]');
    // The drilled import's returns, announced after the receiver's endpoint was added.
    const expected = RETURNS_PER_FILE;
    // The receiver holds the k-th delivery: HMS sent it and has not heard back when it dies.
    const k = 5 + Math.floor(random() * (expected - 10));
    let held: () => void = () => undefined;
    const reached = new Promise<void>((resolve) => (held = resolve));
    onWebhook = (count) => {
      if (count !== k) return false;
      held();
      return true;
    };
    const started = Date.now();
    await api.kill9();
    await restart({ HMS_WEBHOOK_WORKER: '1' });
    await reached;
    const killedAfterMs = Date.now() - started;
    await api.kill9();
    say(`  SIGKILL with delivery ${k} of ${expected} sent and unanswered (${killedAfterMs} ms)`);
    onWebhook = () => false;
    await restart({ HMS_WEBHOOK_WORKER: '1' });
    // The dead process's claimed jobs are locked for 60 s (jobs.locked_until) before another worker may take them.
    // The drill plays that clock forward instead of waiting a minute: the same claim query then reclaims them.
    const reclaimed = await db.kysely
      .updateTable('jobs')
      .set({ locked_until: new Date(Date.now() - 1000) })
      .where('status', '=', 'running')
      .executeTakeFirst();
    say(
      `  ${Number(reclaimed.numUpdatedRows)} jobs the dead process held: lock expiry played forward`,
    );
    const deadline = Date.now() + 60_000;
    let delivered = 0;
    while (Date.now() < deadline) {
      delivered = Number(
        (
          await db.kysely
            .selectFrom('webhook_deliveries')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('endpoint_id', '=', endpointId)
            .where('status', '=', 'delivered')
            .executeTakeFirstOrThrow()
        ).n,
      );
      if (delivered === expected) break;
      await sleep(250);
    }
    expect(delivered).toBe(expected);
    const ids = new Set(receipts.map((r) => r.id));
    const twice = receipts.length - ids.size;
    const retry = `${receipts.length} arrivals for ${ids.size} ids (${twice} repeated, same id and body)`;
    say(`  ${retry}; ${badSignatures} bad signatures`);
    expect(ids.size).toBe(expected);
    expect(badSignatures).toBe(0);
    recordPhase(
      'webhook delivery',
      {
        measuredMs: Date.now() - started,
        killAtMs: killedAfterMs,
        beforeKill: `delivery ${k} of ${expected} sent, unanswered`,
      },
      `${Number(reclaimed.numUpdatedRows)} delivery jobs claimed by the dead process`,
      retry,
    );
    await invariants({
      acknowledged: { settlements: settlementsAcknowledged },
      webhooks: { receipts, endpointId },
    });
  }, 150_000);
});
