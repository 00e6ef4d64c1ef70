import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useTestApp } from '../testing/test-app.ts';
import { uuidv7 } from './db/ids.ts';
import { hashToken, newToken } from './auth/tokens.ts';
import { ACCOUNT_RULE, WINDOW_MINUTES, lockedForSeconds, recordFailure } from './auth/throttle.ts';
import { runHousekeeping, startHousekeeping } from './housekeeping.ts';

const t = useTestApp();
let userId: string;
beforeAll(async () => {
  userId = t.citizenId;
});
beforeEach(async () => {
  await t.db.kysely.deleteFrom('sessions').execute();
  await t.db.kysely.deleteFrom('auth_throttle').execute();
});

const MIN = 60_000;
/** Longer ago than the throttle's counting window. */
const STALE = (WINDOW_MINUTES + 5) * MIN;
const ago = (ms: number) => new Date(Date.now() - ms);
const policy = () => ({ idleMinutes: t.config.sessionIdleMinutes });

async function addSession(lastSeenAt: Date, expiresAt: Date): Promise<string> {
  const id = uuidv7();
  await t.db.kysely
    .insertInto('sessions')
    .values({
      id,
      token_hash: hashToken(newToken()),
      user_id: userId,
      created_at: ago(24 * 60 * MIN),
      last_seen_at: lastSeenAt,
      expires_at: expiresAt,
      ip: null,
      user_agent: null,
    })
    .execute();
  return id;
}

async function addThrottle(key: string, windowStartedAt: Date, lockedUntil: Date | null) {
  await t.db.kysely
    .insertInto('auth_throttle')
    .values({ key, failures: 3, window_started_at: windowStartedAt, locked_until: lockedUntil })
    .execute();
}

const sessionIds = async () =>
  (await t.db.kysely.selectFrom('sessions').select('id').orderBy('id').execute()).map((r) => r.id);
const throttleKeys = async () =>
  (await t.db.kysely.selectFrom('auth_throttle').select('key').orderBy('key').execute()).map(
    (r) => r.key,
  );

describe('housekeeping', () => {
  it('removes sessions past their absolute expiry or idle timeout and keeps live ones, which still authenticate', async () => {
    const agent = await t.signIn('citizen');
    const [signedIn] = await sessionIds();
    const live = await addSession(ago(5 * MIN), ago(-60 * MIN));
    await addSession(ago(5 * MIN), ago(MIN * 2)); // past its absolute expiry, recently used
    await addSession(ago(120 * MIN), ago(-60 * MIN)); // idle for 2 hours, not yet expired

    const r = await runHousekeeping(t.db.kysely, policy());

    expect(r.sessions).toBe(2);
    expect(await sessionIds()).toEqual([signedIn, live].sort());
    expect((await agent.get('/api/me')).statusCode).toBe(200);
  });

  it('removes throttle rows whose window and lock have both passed and keeps those that can still decide', async () => {
    await addThrottle('acct:open-window@example.gov', ago(5 * MIN), null);
    await addThrottle('acct:locked@example.gov', ago(STALE), ago(-10 * MIN));
    await addThrottle('acct:stale@example.gov', ago(STALE), null);
    await addThrottle('ip:203.0.113.9', ago(STALE), ago(30 * MIN)); // lock long over

    const r = await runHousekeeping(t.db.kysely, policy());

    expect(r.throttleRows).toBe(2);
    expect(await throttleKeys()).toEqual([
      'acct:locked@example.gov',
      'acct:open-window@example.gov',
    ]);
    // The decisions those rows carry are unchanged: the lock still holds, the open window keeps counting.
    expect(await lockedForSeconds(t.db.kysely, ['acct:locked@example.gov'])).toBeGreaterThan(0);
    await recordFailure(t.db.kysely, 'acct:open-window@example.gov', ACCOUNT_RULE);
    const row = await t.db.kysely
      .selectFrom('auth_throttle')
      .select('failures')
      .where('key', '=', 'acct:open-window@example.gov')
      .executeTakeFirstOrThrow();
    expect(row.failures).toBe(4);
  });

  it('loops over batches until every dead row is gone', async () => {
    for (let i = 0; i < 12; i++) await addSession(ago(5 * MIN), ago(MIN * 10));
    for (let i = 0; i < 7; i++) await addThrottle(`ip:198.51.100.${i}`, ago(STALE), null);
    const live = await addSession(ago(MIN), ago(-60 * MIN));

    const r = await runHousekeeping(t.db.kysely, policy(), { batchSize: 5 });

    expect(r).toEqual({ sessions: 12, throttleRows: 7 });
    expect(await sessionIds()).toEqual([live]);
    expect(await throttleKeys()).toEqual([]);
  });

  it('is harmless to run twice, one after the other or at the same time', async () => {
    for (let i = 0; i < 6; i++) await addSession(ago(120 * MIN), ago(-60 * MIN));
    for (let i = 0; i < 4; i++) await addThrottle(`ip:192.0.2.${i}`, ago(STALE), null);
    const live = await addSession(ago(MIN), ago(-60 * MIN));

    // Two instances at once: between them each dead row is deleted exactly once.
    const [a, b] = await Promise.all([
      runHousekeeping(t.db.kysely, policy(), { batchSize: 2 }),
      runHousekeeping(t.db.kysely, policy(), { batchSize: 2 }),
    ]);
    expect(a.sessions + b.sessions).toBe(6);
    expect(a.throttleRows + b.throttleRows).toBe(4);

    expect(await runHousekeeping(t.db.kysely, policy())).toEqual({ sessions: 0, throttleRows: 0 });
    expect(await sessionIds()).toEqual([live]);
  });

  it('runs on a timer, logs only counts, and stops cleanly', async () => {
    const tokenHash = hashToken(newToken());
    await t.db.kysely
      .insertInto('sessions')
      .values({
        id: uuidv7(),
        token_hash: tokenHash,
        user_id: userId,
        last_seen_at: ago(5 * MIN),
        expires_at: ago(MIN * 10),
        ip: '203.0.113.5',
        user_agent: null,
      })
      .execute();
    await addThrottle('acct:someone@example.gov', ago(STALE), null);
    const logged: unknown[] = [];
    const log = {
      info: (...args: unknown[]) => void logged.push(args),
      debug: (...args: unknown[]) => void logged.push(args),
      error: (...args: unknown[]) => void logged.push(args),
    };

    const hk = startHousekeeping({
      db: t.db.kysely,
      policy: policy(),
      log: log as never,
      firstRunMs: 0,
      intervalMs: 60_000,
    });
    await expect.poll(() => logged.length).toBeGreaterThan(0);
    await hk.stop();

    expect(await sessionIds()).toEqual([]);
    expect(await throttleKeys()).toEqual([]);
    expect(logged).toEqual([
      [{ sessionsDeleted: 1, throttleRowsDeleted: 1 }, expect.stringContaining('housekeeping')],
    ]);
    const text = JSON.stringify(logged);
    expect(text).not.toContain(tokenHash);
    expect(text).not.toContain('example.gov');
    expect(text).not.toContain('203.0.113.5');
  });
});
