import type { FastifyBaseLogger } from 'fastify';

export interface PeriodicTask {
  /** Stops the timer and waits for a pass in progress, so the database is not closed under it. */
  stop(): Promise<void>;
}

/**
 * Runs `pass` every intervalMs (the first after firstRunMs) until stop(). The next pass is timed from the end of the
 * last, so a slow pass never overlaps the next one; a pass that answers `true` (it took a full batch, so more may be
 * due) is followed at once. A failed pass is logged and the timer goes on, since the next pass will meet the same
 * work again.
 */
export function startPeriodic(opts: {
  /** For the log line of a failed pass. */
  name: string;
  pass: () => Promise<boolean | void>;
  log: Pick<FastifyBaseLogger, 'error'>;
  intervalMs: number;
  firstRunMs: number;
}): PeriodicTask {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = opts
      .pass()
      .catch((err: unknown) => void opts.log.error({ err }, `${opts.name} pass failed`))
      .then((more) => {
        if (!stopped) timer = setTimeout(tick, more === true ? 0 : opts.intervalMs);
      });
  };
  timer = setTimeout(tick, opts.firstRunMs);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
