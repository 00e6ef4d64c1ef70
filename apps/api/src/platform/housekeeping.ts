import type { Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from './db/schema.ts';
import { deleteDeadSessions, type SessionPolicy } from './auth/sessions.ts';
import { deleteSpentThrottleRows, WINDOW_MINUTES } from './auth/throttle.ts';
import { startPeriodic, type PeriodicTask } from './periodic.ts';

/**
 * Housekeeping for the auth tables. Sign-in only removes the signing-in user's own expired sessions, so without this
 * the sessions table keeps every abandoned session's token hash forever and auth_throttle keeps a row for every
 * email and address that ever failed a sign-in.
 */

/** Rows per DELETE: small enough that one statement holds its row locks only briefly. */
export const HOUSEKEEPING_BATCH_SIZE = 5000;
export const HOUSEKEEPING_INTERVAL_MS = 10 * 60_000;
/** The first pass waits a little so it does not compete with start-up (migrations, seeding, first requests). */
export const HOUSEKEEPING_FIRST_RUN_MS = 30_000;

/**
 * A row is removed only once it has been dead for this long. resolveSession and lockedForSeconds use the API
 * instance's clock, recordFailure the database's: the margin keeps a slightly slow clock on another instance from
 * still accepting a session (or a lock) that this pass deletes. A dead row kept a minute longer changes nothing.
 */
const GRACE_MS = 60_000;

export interface HousekeepingResult {
  sessions: number;
  throttleRows: number;
}

export interface HousekeepingOptions {
  batchSize?: number;
  /** "Now" for the expiry checks; tests move it. */
  now?: Date;
}

/**
 * Repeats one bounded DELETE until it removes fewer rows than a full batch. Each statement commits on its own, so
 * locks never last longer than one batch. Rows another instance's pass (or a sign-in) holds are skipped, which can
 * end the loop early: the next pass picks them up.
 */
async function deleteInBatches(
  deleteBatch: () => Promise<bigint | undefined>,
  batchSize: number,
): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = Number((await deleteBatch()) ?? 0n);
    total += deleted;
    if (deleted < batchSize) return total;
  }
}

/**
 * Deletes sessions past their absolute expiry or idle timeout, and sign-in throttle rows whose counting window and
 * lock have both ended. Safe to run from several API instances at once and idempotent: each batch picks its rows
 * with FOR UPDATE SKIP LOCKED (two passes never wait on each other or delete the same row), and the outer WHERE repeats
 * the condition, so a row that changed after it was picked (a session touched, a throttle row given a new window) is
 * re-checked against its new values and kept.
 */
export async function runHousekeeping(
  db: Kysely<Database>,
  policy: Pick<SessionPolicy, 'idleMinutes'>,
  opts: HousekeepingOptions = {},
): Promise<HousekeepingResult> {
  const batchSize = opts.batchSize ?? HOUSEKEEPING_BATCH_SIZE;
  const now = (opts.now ?? new Date()).getTime();

  // Same rules as resolveSession: dead at expires_at, or once idle for idleMinutes.
  const sessionExpiredBefore = new Date(now - GRACE_MS);
  const sessionIdleBefore = new Date(now - policy.idleMinutes * 60_000 - GRACE_MS);
  const sessions = await deleteInBatches(
    () => deleteDeadSessions(db, { sessionExpiredBefore, sessionIdleBefore, batchSize }),
    batchSize,
  );

  // A throttle row matters while its window is open (recordFailure adds to its count; after the window it starts
  // again from 1, exactly as for a missing row) or while it holds a lock (lockedForSeconds). Past both, deleting it
  // changes no decision.
  const windowStartedBefore = new Date(now - WINDOW_MINUTES * 60_000 - GRACE_MS);
  const lockEndedBefore = new Date(now - GRACE_MS);
  const throttleRows = await deleteInBatches(
    () => deleteSpentThrottleRows(db, { windowStartedBefore, lockEndedBefore, batchSize }),
    batchSize,
  );

  return { sessions, throttleRows };
}

export type Housekeeper = PeriodicTask;

/**
 * Runs runHousekeeping every intervalMs (first after firstRunMs) until stop(), which waits for a pass in progress so
 * the database is not closed under it. Logs counts only: never token hashes, emails or addresses.
 */
export function startHousekeeping(opts: {
  db: Kysely<Database>;
  /** The idle timeout, or where to read it before each pass (the agency settings change without a restart). */
  policy: Pick<SessionPolicy, 'idleMinutes'> | (() => Promise<Pick<SessionPolicy, 'idleMinutes'>>);
  log: Pick<FastifyBaseLogger, 'info' | 'debug' | 'error'>;
  intervalMs?: number;
  firstRunMs?: number;
  batchSize?: number;
}): Housekeeper {
  return startPeriodic({
    name: 'housekeeping',
    log: opts.log,
    intervalMs: opts.intervalMs ?? HOUSEKEEPING_INTERVAL_MS,
    firstRunMs: opts.firstRunMs ?? HOUSEKEEPING_FIRST_RUN_MS,
    async pass() {
      const policy = typeof opts.policy === 'function' ? await opts.policy() : opts.policy;
      const r = await runHousekeeping(
        opts.db,
        policy,
        opts.batchSize ? { batchSize: opts.batchSize } : {},
      );
      // Quiet when there was nothing to do, so an idle server does not log every ten minutes.
      if (r.sessions + r.throttleRows > 0)
        opts.log.info(
          { sessionsDeleted: r.sessions, throttleRowsDeleted: r.throttleRows },
          'housekeeping: removed expired sessions and stale sign-in throttle rows',
        );
      else opts.log.debug('housekeeping: nothing to remove');
    },
  });
}
