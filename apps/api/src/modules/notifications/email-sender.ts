import type { Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import nodemailer from 'nodemailer';
import type { Database } from '../../platform/db/schema.ts';
import { startPeriodic } from '../../platform/periodic.ts';
import * as repo from './repo.ts';

export interface MailTransport {
  sendMail(message: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
}

export interface EmailSenderOptions {
  db: Kysely<Database>;
  transport: MailTransport;
  log: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
  from?: string;
  /** Pause between polls when the outbox is empty. */
  intervalMs?: number;
  /** Attempts before an email is dead (kept, listed for the admin, never retried). */
  maxAttempts?: number;
  /** First retry delay; doubles each attempt, capped at 6 hours. */
  baseDelayMs?: number;
  batchSize?: number;
  /** How long a claim hides its emails from other senders; shortened by tests. */
  leaseSeconds?: number;
  /** Stop starting sends this long before the lease ends (see SEND_MARGIN_MS). */
  leaseMarginMs?: number;
}

export const DEFAULT_FROM = 'HMS <no-reply@hms.example.gov>';
export const DEFAULT_MAX_ATTEMPTS = 8;
const MAX_DELAY_MS = 6 * 3600_000;
/** How long a claimed email stays hidden from other senders (see repo.claimDueEmails). */
export const CLAIM_LEASE_SECONDS = 300;

export function retryDelayMs(attemptsSoFar: number, baseDelayMs: number): number {
  return Math.min(MAX_DELAY_MS, baseDelayMs * 2 ** Math.max(0, attemptsSoFar - 1));
}

/** Starts `last_error` of a row that went dead on a permanent rejection, so the admin sees why after one attempt. */
export const PERMANENT_PREFIX = 'Rejected permanently (not retried): ';

/** The SMTP reply code nodemailer puts on a failed send (`responseCode`), if the server answered at all. */
function responseCodeOf(err: unknown): number | undefined {
  const code = (err as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' ? code : undefined;
}

/** The SMTP commands whose reply is about this one email (its recipient or its content), not about our session. */
const PER_EMAIL_COMMANDS = new Set(['RCPT TO', 'DATA']);

/**
 * True when the server refused this email for good: a 5xx reply to RCPT TO or DATA (550 mailbox unavailable, 553
 * address not allowed, 554 transaction failed). Asking again gets the same answer, so retrying for a day only delays
 * telling the admin. Everything else keeps the retry with backoff: 4xx replies (greylisting, mailbox full) and
 * timeouts or dropped connections pass; a 5xx reply to the session itself (greeting, EHLO, AUTH, MAIL FROM with our
 * fixed sender) is about our configuration and would come back for every email. In particular 535 (authentication
 * failed) means the password in HMS_SMTP_URL is wrong, not the recipient: those rows stay queued so that fixing the
 * password delivers the whole queue instead of finding it dead.
 */
export function isPermanentRejection(err: unknown): boolean {
  const code = responseCodeOf(err);
  const command = (err as { command?: unknown } | null)?.command;
  return (
    code !== undefined &&
    code >= 500 &&
    code <= 599 &&
    typeof command === 'string' &&
    PER_EMAIL_COMMANDS.has(command)
  );
}

export interface EmailSender {
  /** One pass over the due emails; resolves with how many it claimed (sent, failed, or released for a later pass). */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Sends queued emails from `email_outbox`. Rows are claimed with `for update skip locked` and a lease, so several API
 * instances share the work without sending an email twice; failures retry with exponential backoff until dead, except
 * a permanent rejection of the email (see isPermanentRejection), which is dead at once.
 */
export function createEmailSender(opts: EmailSenderOptions): EmailSender {
  const from = opts.from ?? DEFAULT_FROM;
  const maxAttempts = opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const baseDelayMs = opts.baseDelayMs ?? 30_000;
  const batchSize = opts.batchSize ?? 20;
  const leaseSeconds = opts.leaseSeconds ?? CLAIM_LEASE_SECONDS;
  const leaseMarginMs = opts.leaseMarginMs ?? SEND_MARGIN_MS;
  if (leaseMarginMs >= leaseSeconds * 1000)
    throw new Error('The lease margin must be shorter than the lease, or no email is ever sent.');

  async function runOnce(): Promise<number> {
    // Taken before the claim, so it is at or before the lease's real start: the budget can only err on the safe side.
    const stopStartingAt = Date.now() + leaseSeconds * 1000 - leaseMarginMs;
    const claim = await repo.claimDueEmails(opts.db, batchSize, leaseSeconds);
    if (!claim) return 0;
    const { emails, leaseUntil } = claim;
    for (const [i, email] of emails.entries()) {
      // A send started now could outlast the lease; another instance would then re-claim the emails still queued
      // and send them again. Hand the rest back instead, for the next pass here or elsewhere.
      if (Date.now() >= stopStartingAt) {
        await releaseUnsent(emails.slice(i), leaseUntil);
        break;
      }
      await sendOne(email);
    }
    return emails.length;
  }

  async function sendOne(email: repo.ClaimedEmail) {
    try {
      await opts.transport.sendMail({
        from,
        to: email.to_address,
        subject: email.subject,
        text: email.body,
      });
      await repo.markSent(opts.db, email.id);
    } catch (err) {
      await recordFailure(email, err);
    }
  }

  async function releaseUnsent(emails: repo.ClaimedEmail[], leaseUntil: string) {
    const released = await repo.releaseClaim(
      opts.db,
      emails.map((e) => e.id),
      leaseUntil,
    );
    opts.log.warn(
      { released, leaseSeconds },
      'email batch near the end of its claim lease; released the unsent emails to the queue',
    );
  }

  /** Counts the attempt: dead at once for a permanent rejection or after the last attempt, otherwise backs off. */
  async function recordFailure(row: { id: string; attempts: number }, err: unknown) {
    const attempts = row.attempts + 1;
    const message = err instanceof Error ? err.message : String(err);
    if (isPermanentRejection(err)) {
      await repo.markFailed(opts.db, row.id, `${PERMANENT_PREFIX}${message}`, null);
      opts.log.error(
        { emailId: row.id, attempts, responseCode: responseCodeOf(err) },
        'email rejected permanently by the SMTP server; marked dead without retrying',
      );
      return;
    }
    const next =
      attempts >= maxAttempts ? null : new Date(Date.now() + retryDelayMs(attempts, baseDelayMs));
    await repo.markFailed(opts.db, row.id, message, next);
    if (next) opts.log.warn({ emailId: row.id, attempts }, 'email send failed; will retry');
    else opts.log.error({ emailId: row.id, attempts }, 'email send failed; giving up (dead)');
  }

  return { runOnce, stop: async () => undefined };
}

/** Starts the polling loop; `stop()` waits for the pass in progress. */
export function startEmailSender(opts: EmailSenderOptions): EmailSender {
  const sender = createEmailSender(opts);
  const loop = startPeriodic({
    name: 'email sender',
    log: opts.log,
    intervalMs: opts.intervalMs ?? 5000,
    firstRunMs: 0,
    // A full batch means more may be due: go again at once.
    pass: async () => (await sender.runOnce()) === (opts.batchSize ?? 20),
  });
  return { runOnce: sender.runOnce, stop: loop.stop };
}

/**
 * Socket timeouts well under the claim lease. nodemailer's defaults (2 min to connect, 10 min of socket silence)
 * outlast the lease, so a stalled server let another instance re-claim the email and send it a second time while
 * this one was still waiting. Query parameters in the URL (e.g. `?socketTimeout=30000`) still win.
 */
export const SMTP_TIMEOUTS = {
  connectionTimeout: 30_000,
  greetingTimeout: 30_000,
  socketTimeout: 60_000,
} as const;

/**
 * How long before the end of the claim lease a batch stops starting sends: about the longest one send takes when the
 * server is slow but alive (connect, greeting, one silent reply), so a send started in time finishes in time.
 */
export const SEND_MARGIN_MS =
  SMTP_TIMEOUTS.connectionTimeout + SMTP_TIMEOUTS.greetingTimeout + SMTP_TIMEOUTS.socketTimeout;

/** Hosts where the login never leaves this machine: the in-process test server and a local relay. */
function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function parseSmtpUrl(url: string): URL {
  try {
    return new URL(url);
  } catch {
    // Not the URL parser's own error: it carries the input, password included, and errors end up in logs.
    throw new Error(
      'HMS_SMTP_URL is not a valid URL (see platform/config.ts for the expected form)',
    );
  }
}

/**
 * Whether the transport must refuse to log in without TLS. On smtp:// nodemailer upgrades with STARTTLS only when the
 * server offers it, so a server that does not (or anyone on the path who strips the offer) receives the password in
 * clear text. With credentials in the URL TLS is therefore required, except to a loopback host, where nothing crosses
 * a network, or when the URL says `requireTLS=false` (the operator's explicit choice). smtps:// is TLS from the start.
 */
function mustRequireTls(url: URL): boolean {
  const hasCredentials = url.username !== '' || url.password !== '';
  return (
    url.protocol === 'smtp:' &&
    hasCredentials &&
    !isLoopbackHost(url.hostname) &&
    url.searchParams.get('requireTLS') !== 'false'
  );
}

/** The nodemailer options for HMS_SMTP_URL; query parameters in the URL still override them. */
export function smtpTransportOptions(url: string) {
  return {
    url,
    ...SMTP_TIMEOUTS,
    ...(mustRequireTls(parseSmtpUrl(url)) ? { requireTLS: true } : {}),
  };
}

/** The SMTP transport for HMS_SMTP_URL (smtp:// or smtps://, credentials in the URL). */
export function smtpTransport(url: string): MailTransport {
  return nodemailer.createTransport(smtpTransportOptions(url));
}
