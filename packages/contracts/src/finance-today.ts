/**
 * The finance "Today" page (issue 13, item 1): what needs doing now, each with the list page behind it. Unlike the
 * overview it has no period: every figure is the state of the work at `computedAt`. Practice programs never count.
 */
import { z } from 'zod';
import { plainDateSchema } from './payments.ts';

const count = z.number().int().min(0);
const cents = z.number().int().min(0);
/** The finance page (a path of the finance remote, with its filters) that lists what the figure counts. */
const link = z.string().describe('the finance page that lists what this figure counts');

export const achWindowSchema = z.object({
  /** The instant the window closes (ISO 8601, UTC). */
  closesAt: z.string(),
  /** The settlement date (a business day in the agency time zone) of a file released before `closesAt`. */
  effectiveDate: plainDateSchema,
});
export type AchWindow = z.infer<typeof achWindowSchema>;

export const financeTodaySchema = z.object({
  /** The agency time zone (IANA name) in which cut-offs and business days are read. */
  timeZone: z.string(),
  /** The same-day cut-off setting, HH:MM in `timeZone` (agency settings). */
  sameDayCutoff: z.string(),
  cutoffs: z.object({
    sameDay: achWindowSchema.describe(
      'The next same-day cut-off: today at the setting when today is a business day and the time is before it, ' +
        'otherwise the next business day at the setting. A batch built before it settles that day.',
    ),
    nextDay: achWindowSchema.describe(
      'A file that misses the same-day window settles on the next business day after today; it must be released ' +
        'before that day starts in the agency time zone.',
    ),
  }),
  waitingToBatch: z
    .object({
      count,
      cents,
      /** When the oldest of them was created (ISO 8601), and that day in the agency time zone; null when none. */
      oldestCreatedAt: z.string().nullable(),
      oldestCreatedOn: plainDateSchema.nullable(),
      link,
    })
    .describe(
      'Payments of approved requests waiting to be put in a batch (status pending, matured prenotes included).',
    ),
  waitingForRelease: z
    .object({
      count,
      cents,
      /** How many of them the caller may release (a finance supervisor who neither built the batch nor approved or applied for a request in it). */
      releasableByYou: count,
      link,
    })
    .describe('Built batches waiting for a finance supervisor to release them.'),
  held: z.object({
    prenoteInFlight: z
      .object({ count, cents, link })
      .describe(
        'Payments held while the $0 prenote to their new account is in flight (status prenote_sent): the money ' +
          'goes in a batch once the bank has had the prenote wait.',
      ),
    accountChanged: z
      .object({ count, cents, link })
      .describe(
        'Payments waiting to be batched to an account the bank says has changed (a notification of change not ' +
          'yet confirmed or dismissed): confirm the change before the money goes.',
      ),
  }),
  returnsToWork: z
    .object({ count, cents, link })
    .describe('Returned payments not yet replaced by a payment to a new account.'),
  nocsToDecide: z
    .object({ count, link })
    .describe(
      'Notifications of change from the bank waiting for a finance supervisor to confirm or dismiss.',
    ),
  webhooksFailing: z
    .object({ count, link })
    .describe('Webhook deliveries to the FINANCIAL system that failed and are being retried.'),
  webhooksDead: z
    .object({ count, link })
    .describe(
      'Webhook deliveries that failed every attempt and wait for someone to redeliver them.',
    ),
  /** When the figures were computed (they are never cached). */
  computedAt: z.string(),
});
export type FinanceToday = z.infer<typeof financeTodaySchema>;
