import type { Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import { toZonedDate } from '@hms/contracts/business-days';
import type { Database } from '../../platform/db/schema.ts';
import { startPeriodic, type PeriodicTask } from '../../platform/periodic.ts';
import { promoteMaturedPrenotes } from './service.ts';

/**
 * A payment whose prenote went out waits a few business days (`prenote_ready_on`) and then is payable again. The day
 * turning over is the only event that makes it so, so a timer moves it, not the reads: the payments list and the
 * finance "today" page only read, and building a batch promotes once more in its own transaction (no payment misses
 * a batch because this pass has not run yet). Once a minute, so the lists catch up within a minute of midnight.
 */
export const PRENOTE_MATURITY_INTERVAL_MS = 60_000;

export function startPrenoteMaturity(opts: {
  db: Kysely<Database>;
  timeZone: string;
  log: Pick<FastifyBaseLogger, 'info' | 'error'>;
  intervalMs?: number;
}): PeriodicTask {
  return startPeriodic({
    name: 'prenote maturity',
    log: opts.log,
    intervalMs: opts.intervalMs ?? PRENOTE_MATURITY_INTERVAL_MS,
    // At start too: a server that was down over midnight lists the matured payments from its first request on.
    firstRunMs: 0,
    async pass() {
      const promoted = await promoteMaturedPrenotes(
        opts.db,
        toZonedDate(new Date(), opts.timeZone),
      );
      // Counts only; quiet when nothing matured so an idle server does not log every minute.
      if (promoted > 0)
        opts.log.info({ promoted }, 'prenote maturity: payments payable again after their prenote');
    },
  });
}
