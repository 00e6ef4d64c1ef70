import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../platform/config.ts';
import { openDb } from '../platform/db/connect.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { DEMO_PASSWORD } from '../platform/db/seed.ts';
import { seedUsersAndPrograms } from '../seed.ts';
import { initialiseSettings } from '../modules/settings/service.ts';
import { bankAccountBody } from '../testing/applying.ts';
import {
  Client,
  DRILL_KEY,
  say,
  startApi,
  tempDir,
  type Answer,
  type Api,
} from './harness.test-helper.ts';

/**
 * The embedded database under load (issue 15 item 2): PGlite answers one query at a time, so it is for one person
 * trying HMS; under the load the benchmarks put on PostgreSQL (50 connections at once) it must degrade by queueing
 * (slower answers), never by errors. The real entry point on the embedded database, 50 clients for 10 s: profiles,
 * "my requests", the approvals inbox and citizens submitting; every answer is a 2xx, none is cut or times out.
 */
const CONNECTIONS = 50;
const LOAD_MS = 10_000;

let api: Api | undefined;
let data: { dir: string; remove(): void } | undefined;

afterAll(async () => {
  await api?.kill9();
  data?.remove();
});

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return Math.round(
    sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0,
  );
};

describe('embedded database (PGlite) under load', () => {
  it('queues 50 concurrent clients: every request answered 2xx, slower, never an error', async () => {
    data = tempDir('hms-embedded-load-');
    // The data folder is made ready (migrated, the demo staff and programs) before the API opens it: PGlite is one
    // process's database, and the full demo seed would take minutes in WebAssembly on a loaded machine.
    const config = parseConfig({
      HMS_DATA_DIR: data.dir,
      HMS_ENCRYPTION_KEY: DRILL_KEY,
      HMS_LOG_LEVEL: 'silent',
    });
    const db = await openDb({ pgliteDir: join(data.dir, 'pg') });
    await migrateToLatest(db.kysely);
    await seedUsersAndPrograms(db.kysely, { timeZone: config.timezone });
    await initialiseSettings(db.kysely, config);
    await db.close();
    api = await startApi({ databaseUrl: '', dataDir: data.dir, env: { HMS_WEBHOOK_WORKER: '1' } });
    const citizen = await new Client(api.url).signIn('citizen@example.gov', DEMO_PASSWORD);
    const approver = await new Client(api.url).signIn('approver@example.gov', DEMO_PASSWORD);

    const answers: Array<{ what: string; status: number | string; ms: number }> = [];
    const t0 = performance.now();
    const record = async (what: string, call: () => Promise<Answer>) => {
      const started = performance.now();
      try {
        const a = await call();
        answers.push({ what, status: a.status, ms: a.ms });
        return a;
      } catch (err) {
        const e = err as Error;
        answers.push({
          what,
          status: `${e.name}: ${(e.cause as Error | undefined)?.message ?? e.message}`,
          ms: performance.now() - started,
        });
        return null;
      }
    };
    const timeout = { timeoutMs: 120_000 };
    // One citizen applying (the drafts, answers, bank account and submission are writes in transactions).
    let submitted = 0;
    const applying = async () => {
      while (performance.now() - t0 < LOAD_MS) {
        const draft = await record('POST draft', () =>
          citizen.post('/api/programs/permit-fee-refund/drafts', {}, timeout),
        );
        if (!draft || draft.status >= 300) return;
        const d = draft.json<{ id: string; version: number }>();
        const saved = await record('PUT answers', () =>
          citizen.request(
            'PUT',
            `/api/requests/${d.id}/answers`,
            {
              version: d.version,
              step: 'permit',
              answers: { permitNumber: 'BP-2026-01234', datePaid: '2026-02-03', amountPaid: '250' },
            },
            timeout,
          ),
        );
        if (!saved || saved.status >= 300) return;
        const reason = await record('PUT answers', () =>
          citizen.request(
            'PUT',
            `/api/requests/${d.id}/answers`,
            {
              version: saved.json<{ version: number }>().version,
              step: 'reason',
              answers: { refundReason: 'duplicate', reasonDetails: 'I paid twice.' },
            },
            timeout,
          ),
        );
        if (!reason || reason.status >= 300) return;
        const bank = await record('PUT bank-account', () =>
          citizen.request(
            'PUT',
            `/api/requests/${d.id}/bank-account`,
            {
              version: reason.json<{ version: number }>().version,
              ...bankAccountBody('123456789012', { holderName: 'Casey Citizen' }),
            },
            timeout,
          ),
        );
        if (!bank || bank.status >= 300) return;
        const done = await record('POST submit', () =>
          citizen.post(
            `/api/requests/${d.id}/submit`,
            { declaration: true },
            { headers: { 'idempotency-key': randomUUID() }, ...timeout },
          ),
        );
        if (!done || done.status >= 300) return;
        submitted += 1;
      }
    };
    const reads: Array<[string, Client, string]> = [
      ['GET /api/me', citizen, '/api/me'],
      ['GET /api/requests/mine', citizen, '/api/requests/mine'],
      ['GET /api/inbox', approver, '/api/inbox'],
    ];
    const reading = async (i: number) => {
      const [what, client, path] = reads[i % reads.length]!;
      while (performance.now() - t0 < LOAD_MS) await record(what, () => client.get(path, timeout));
    };
    await Promise.all([
      applying(),
      ...Array.from({ length: CONNECTIONS - 1 }, (_, i) => reading(i)),
    ]);
    const seconds = (performance.now() - t0) / 1000;

    const ms = answers.map((a) => a.ms);
    const bad = answers.filter((a) => typeof a.status !== 'number' || a.status >= 300);
    say(
      `embedded database, ${CONNECTIONS} concurrent clients for ${LOAD_MS / 1000} s: ${answers.length} requests ` +
        `(${Math.round(answers.length / seconds)}/s), p50 ${percentile(ms, 50)} ms, p99 ${percentile(ms, 99)} ms, ` +
        `slowest ${percentile(ms, 100)} ms; ${submitted} applications submitted; ${bad.length} not 2xx`,
    );
    for (const [what] of reads) {
      const mine = answers.filter((a) => a.what === what).map((a) => a.ms);
      say(
        `  ${what.padEnd(24)} ${mine.length} answers, p50 ${percentile(mine, 50)} ms, p99 ${percentile(mine, 99)} ms`,
      );
    }
    expect(bad.slice(0, 10)).toEqual([]);
    expect(submitted).toBeGreaterThan(0);
    expect(answers.length).toBeGreaterThan(CONNECTIONS);
    expect(api.child.exitCode).toBeNull();
  }, 300_000);
});
