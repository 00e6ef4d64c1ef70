import type { Kysely } from 'kysely';
import {
  isBusinessDay,
  nextBusinessDay,
  startOfZonedDay,
  toZonedDate,
  toZonedDateTime,
  type PlainDate,
} from '@hms/contracts/business-days';
import type { AchWindow, FinanceToday } from '@hms/contracts/finance-today';
import type { AuthUser } from '../../platform/auth/sessions.ts';
import type { Config } from '../../platform/config.ts';
import type { Database } from '../../platform/db/schema.ts';
import { batchesWaitingForRelease } from '../batches/service.ts';
import * as reconciliation from '../reconciliation/service.ts';
import { originatorSettings } from '../settings/service.ts';
import * as repo from './repo.ts';

/** The instant the wall-clock time `hhmm` (HH:MM) happens on `date` in `timeZone`, daylight-saving days included. */
export function zonedInstant(date: PlainDate, hhmm: string, timeZone: string): Date {
  const wanted = Number(hhmm.slice(0, 2)) * 3600 + Number(hhmm.slice(3, 5)) * 60;
  const guess = new Date(startOfZonedDay(date, timeZone).getTime() + wanted * 1000);
  // On the day the clocks change, midnight + N hours is an hour off the wall clock: read it back and correct once.
  const seen = toZonedDateTime(guess, timeZone);
  const drift =
    seen.date === date ? seen.secondsOfDay - wanted : seen.secondsOfDay + 86_400 - wanted;
  return new Date(guess.getTime() - drift * 1000);
}

/**
 * The two ACH windows open at `now`, read from the one cut-off setting the batches module builds with
 * (achEffectiveDate): the same-day window closes at the cut-off of today when today is a business day and the cut-off
 * is still ahead, otherwise at the cut-off of the next business day; a file that misses it settles on the next
 * business day after today, and must be released before that day starts.
 */
export function achWindows(
  now: Date,
  timeZone: string,
  sameDayCutoff: string,
): { sameDay: AchWindow; nextDay: AchWindow } {
  const today = toZonedDate(now, timeZone);
  const todaysCutoff = zonedInstant(today, sameDayCutoff, timeZone);
  const sameDayDate =
    isBusinessDay(today) && now.getTime() < todaysCutoff.getTime() ? today : nextBusinessDay(today);
  const nextDayDate = nextBusinessDay(today);
  return {
    sameDay: {
      closesAt: zonedInstant(sameDayDate, sameDayCutoff, timeZone).toISOString(),
      effectiveDate: sameDayDate,
    },
    nextDay: {
      closesAt: startOfZonedDay(nextDayDate, timeZone).toISOString(),
      effectiveDate: nextDayDate,
    },
  };
}

/**
 * What needs doing now, for `user`: the cut-offs, the payments waiting to be batched, the batches waiting for release
 * (and how many this user may release, by the batches module's one rule), the payments held, the returns and
 * notifications of change to work, and the webhook deliveries failing. Each with the finance page that lists it.
 */
export async function today(
  db: Kysely<Database>,
  config: Config,
  user: Pick<AuthUser, 'id' | 'roles'>,
  now = new Date(),
): Promise<FinanceToday> {
  const timeZone = config.timezone;
  const [originator, payments, batches, nocs, deliveries, returns] = await Promise.all([
    originatorSettings(db, config),
    repo.paymentFigures(db),
    batchesWaitingForRelease(db, user),
    repo.pendingNocCount(db),
    repo.failingDeliveries(db),
    // The reconciliation module's own exception (one definition): a return not paid again and not closed by hand,
    // counted by itself (not by building every kind of exception and keeping one).
    reconciliation.returnsToWork(db, timeZone),
  ]);
  const oldest = payments.waiting.oldest;
  return {
    timeZone,
    sameDayCutoff: originator.sameDayCutoff,
    cutoffs: achWindows(now, timeZone, originator.sameDayCutoff),
    waitingToBatch: {
      count: payments.waiting.count,
      cents: payments.waiting.cents,
      oldestCreatedAt: oldest?.toISOString() ?? null,
      oldestCreatedOn: oldest ? toZonedDate(oldest, timeZone) : null,
      link: '/finance/payments',
    },
    waitingForRelease: {
      count: batches.count,
      cents: batches.cents,
      releasableByYou: batches.releasableByUser,
      link: '/finance/batches?status=built',
    },
    held: {
      prenoteInFlight: {
        ...payments.prenoteInFlight,
        link: '/finance/payments?status=prenote_sent',
      },
      accountChanged: { ...payments.accountChanged, link: '/finance/returns' },
    },
    returnsToWork: {
      count: returns.count,
      cents: returns.cents,
      link: '/finance/reconciliation/exceptions?reason=return_not_reissued',
    },
    nocsToDecide: { count: nocs, link: '/finance/returns' },
    webhooksFailing: { count: deliveries.failed, link: '/finance/integration?status=failed' },
    webhooksDead: { count: deliveries.dead, link: '/finance/integration?status=dead' },
    computedAt: new Date().toISOString(),
  };
}
