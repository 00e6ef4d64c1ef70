import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from 'smtp-server';
import { Agent, createTestApp, demoCitizenId, type TestContext } from '../../testing/test-app.ts';
import { insertRequestRow } from '../../testing/request-rows.ts';
import { recordRequestEvent } from './service.ts';
import { notificationTemplates } from '../../platform/notification-templates.ts';
import {
  CLAIM_LEASE_SECONDS,
  PERMANENT_PREFIX,
  createEmailSender,
  smtpTransport,
  type EmailSender,
  type EmailSenderOptions,
} from './email-sender.ts';

// The real path: outbox row -> createEmailSender -> nodemailer SMTP transport (from HMS_SMTP_URL) -> an SMTP server
// listening in this process on 127.0.0.1 (no TLS; AUTH required, so the credentials in the URL must work).

const SMTP_USER = 'hms-mailer';
// Characters that must be percent-encoded in the URL, so the test also proves the URL decoding is right.
const SMTP_PASSWORD = 'Pw-7f3c@9:x/q%Z';
const BASE_DELAY_MS = 60_000;

interface Received {
  mailFrom: string;
  rcptTo: string[];
  user: string | undefined;
  raw: string;
}

type Rejection =
  | { stage: 'rcpt' | 'data'; code: number; message: string }
  | { stage: 'stall' } // never answers the end of DATA
  | { stage: 'slow'; ms: number } // accepts every message, after a delay
  | null;

let smtp: SMTPServer;
let smtpUrl: string;
let port: number;
const received: Received[] = [];
let reject: Rejection = null;
let authAttempts = 0;
const stalled: Array<() => void> = [];

let t: TestContext;
let requestId: string;
const logs: string[] = [];
const log = {
  info: (...args: unknown[]) => void logs.push(JSON.stringify(args)),
  warn: (...args: unknown[]) => void logs.push(JSON.stringify(args)),
  error: (...args: unknown[]) => void logs.push(JSON.stringify(args)),
};

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

async function startSmtpServer(): Promise<void> {
  smtp = new SMTPServer({
    // Plain TCP on loopback: no STARTTLS offered (nodemailer would otherwise upgrade to the self-signed test cert).
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: false,
    logger: false,
    onAuth(auth, _session, callback) {
      authAttempts += 1;
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD)
        callback(null, { user: auth.username });
      else callback(smtpError(535, 'Authentication credentials invalid'));
    },
    onRcptTo(_address: SMTPServerAddress, _session: SMTPServerSession, callback) {
      if (reject?.stage === 'rcpt') callback(smtpError(reject.code, reject.message));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const accept = () => {
          received.push({
            mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            rcptTo: session.envelope.rcptTo.map((r) => r.address),
            user: typeof session.user === 'string' ? session.user : undefined,
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        };
        if (reject?.stage === 'slow') {
          setTimeout(accept, reject.ms);
          return;
        }
        if (reject?.stage === 'stall') {
          stalled.push(() => callback(smtpError(421, '4.4.2 Closing')));
          return;
        }
        if (reject?.stage === 'data') {
          callback(smtpError(reject.code, reject.message));
          return;
        }
        accept();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.server.once('error', reject);
    smtp.listen(0, '127.0.0.1', () => resolve());
  });
  port = (smtp.server.address() as AddressInfo).port;
  smtpUrl = `smtp://${SMTP_USER}:${encodeURIComponent(SMTP_PASSWORD)}@127.0.0.1:${port}`;
}

// --- A small RFC 5322 / MIME reader: enough for nodemailer's single-part text/plain message. ---

function decodeQuotedPrintable(s: string): Buffer {
  const soft = s.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i += 1) {
    const hex = soft.slice(i + 1, i + 3);
    if (soft[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(soft[i]!, 'utf8'));
  }
  return Buffer.from(bytes);
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=); whitespace between adjacent words is dropped. */
function decodeHeaderValue(v: string): string {
  return v
    .replace(/(=\?[^?]+\?[QqBb]\?[^?]*\?=)\s+(?==\?)/g, '$1')
    .replace(
      /=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g,
      (_m, _charset: string, enc: string, text: string) =>
        (enc.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64')
          : decodeQuotedPrintable(text.replace(/_/g, ' '))
        ).toString('utf8'),
    );
}

function parseMessage(raw: string): { headers: Map<string, string>; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  expect(split).toBeGreaterThan(0);
  const headers = new Map<string, string>();
  // Unfold continuation lines, then one header per line.
  for (const line of raw
    .slice(0, split)
    .replace(/\r\n[ \t]+/g, ' ')
    .split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(
      line.slice(0, colon).trim().toLowerCase(),
      decodeHeaderValue(line.slice(colon + 1).trim()),
    );
  }
  const body = raw.slice(split + 4);
  const cte = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const bytes =
    cte === 'quoted-printable'
      ? decodeQuotedPrintable(body)
      : cte === 'base64'
        ? Buffer.from(body.replace(/\s+/g, ''), 'base64')
        : Buffer.from(body, 'utf8');
  return { headers, text: bytes.toString('utf8').replace(/\r\n/g, '\n').replace(/\n$/, '') };
}

// --- Fixtures ---

/** Queues an email the way the app does: a request step recorded for the applicant, in their language. */
async function queueInfoRequested(question: string): Promise<string> {
  const db = t.db.kysely;
  const eventId = await db.transaction().execute((trx) =>
    recordRequestEvent(trx, {
      requestId,
      type: 'info_requested',
      actor: { id: null, kind: 'system' },
      fromStatus: 'in_review',
      toStatus: 'needs_info',
      data: { question },
      visibleToApplicant: true,
    }),
  );
  const row = await db
    .selectFrom('email_outbox')
    .innerJoin('notifications', 'notifications.id', 'email_outbox.notification_id')
    .select('email_outbox.id')
    .where('notifications.event_id', '=', eventId)
    .executeTakeFirstOrThrow();
  return row.id;
}

const outboxRow = (id: string) =>
  t.db.kysely.selectFrom('email_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

/** Makes a row due now (stands in for the backoff delay passing). */
const makeDue = (id: string) =>
  t.db.kysely
    .updateTable('email_outbox')
    .set({ next_attempt_at: new Date(Date.now() - 1000) })
    .where('id', '=', id)
    .execute();

function realSender(
  url = t.config.smtpUrl,
  lease: Pick<EmailSenderOptions, 'leaseSeconds' | 'leaseMarginMs'> = {},
): EmailSender {
  if (!url) throw new Error('HMS_SMTP_URL is not set');
  return createEmailSender({
    db: t.db.kysely,
    transport: smtpTransport(url),
    log,
    baseDelayMs: BASE_DELAY_MS,
    ...lease,
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every way the SMTP secret could be written down: as typed, percent-encoded, and inside an AUTH PLAIN/LOGIN blob. */
function secretForms(password: string): string[] {
  return [
    password,
    encodeURIComponent(password),
    Buffer.from(password).toString('base64'),
    Buffer.from(`\0${SMTP_USER}\0${password}`).toString('base64'),
  ];
}

beforeAll(async () => {
  await startSmtpServer();
  t = await createTestApp({ HMS_SMTP_URL: smtpUrl });
  const db = t.db.kysely;
  // The demo seed queues emails of its own; start from an empty outbox so each pass handles only this file's rows.
  await db.deleteFrom('email_outbox').execute();
  const citizenId = await demoCitizenId(db);
  await db.updateTable('users').set({ language: 'es' }).where('id', '=', citizenId).execute();
  const program = await db
    .selectFrom('programs')
    .select(['id', 'version'])
    .limit(1)
    .executeTakeFirstOrThrow();
  requestId = await insertRequestRow(db, {
    reference: 'HMS-SMTP-0000-0',
    program_id: program.id,
    program_version: program.version,
    applicant_id: citizenId,
    status: 'needs_info',
    amount_requested_cents: 5_000,
  });
});

afterAll(async () => {
  await t?.close();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
});

beforeEach(() => {
  reject = null;
  received.length = 0;
});

describe('email sender over real SMTP (smtp-server on 127.0.0.1)', () => {
  it('delivers a queued email with the recipient, subject and body in the recipient language, and marks it sent', async () => {
    const id = await queueInfoRequested('¿Cuál es su dirección actual?');
    const queued = await outboxRow(id);
    const expected = notificationTemplates.info_requested!(
      {
        reference: 'HMS-SMTP-0000-0',
        programName: { en: '', es: '' },
        data: { question: '¿Cuál es su dirección actual?' },
      },
      'es',
    );
    expect(queued).toMatchObject({ status: 'queued', attempts: 0, subject: expected.title });

    expect(await realSender().runOnce()).toBe(1);

    expect(received).toHaveLength(1);
    const mail = received[0]!;
    expect(mail.user).toBe(SMTP_USER); // authenticated with the credentials from HMS_SMTP_URL
    expect(mail.rcptTo).toEqual(['citizen@example.gov']);
    expect(mail.mailFrom).toBe('no-reply@hms.example.gov');
    const { headers, text } = parseMessage(mail.raw);
    expect(headers.get('to')).toBe('citizen@example.gov');
    expect(headers.get('from')).toBe('HMS <no-reply@hms.example.gov>');
    expect(headers.get('subject')).toBe(expected.title);
    expect(headers.get('subject')).toBe('Necesitamos más información sobre HMS-SMTP-0000-0');
    expect(headers.get('content-type')).toMatch(/^text\/plain; charset=utf-8/i);
    expect(text).toBe(expected.body);
    expect(text).toContain('El revisor pregunta: ¿Cuál es su dirección actual?');
    expect(text).toContain('página de su solicitud');

    const sent = await outboxRow(id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
    expect(sent.sent_at).not.toBeNull();
    // Sent once: the next pass has nothing to do.
    expect(await realSender().runOnce()).toBe(0);
    expect(received).toHaveLength(1);
  });

  it('keeps a temporarily rejected email queued, counts the attempt, backs off and records the error without the password', async () => {
    const id = await queueInfoRequested('¿Tiene otra cuenta?');
    const sender = realSender();

    // Temporary rejection of the recipient (4xx, e.g. greylisting).
    reject = { stage: 'rcpt', code: 450, message: '4.2.1 Mailbox busy, try again later' };
    let before = Date.now();
    expect(await sender.runOnce()).toBe(1);
    let row = await outboxRow(id);
    expect(row).toMatchObject({ status: 'queued', attempts: 1, sent_at: null });
    expect(row.last_error).toContain('450 4.2.1 Mailbox busy');
    expect(new Date(row.next_attempt_at).getTime()).toBeGreaterThanOrEqual(before + BASE_DELAY_MS);
    expect(new Date(row.next_attempt_at).getTime()).toBeLessThanOrEqual(Date.now() + BASE_DELAY_MS);
    // Not due yet: the next pass leaves it alone.
    expect(await sender.runOnce()).toBe(0);

    // Temporary failure after DATA (4xx): the delay doubles.
    await makeDue(id);
    reject = { stage: 'data', code: 451, message: '4.3.0 Try again later' };
    before = Date.now();
    expect(await sender.runOnce()).toBe(1);
    row = await outboxRow(id);
    expect(row).toMatchObject({ status: 'queued', attempts: 2, sent_at: null });
    expect(row.last_error).toContain('451 4.3.0 Try again later');
    expect(new Date(row.next_attempt_at).getTime()).toBeGreaterThanOrEqual(
      before + 2 * BASE_DELAY_MS,
    );
    expect(new Date(row.next_attempt_at).getTime()).toBeLessThanOrEqual(
      Date.now() + 2 * BASE_DELAY_MS,
    );
    expect(received).toHaveLength(0);
    for (const secret of secretForms(SMTP_PASSWORD)) expect(row.last_error).not.toContain(secret);
    expect(logs.some((l) => l.includes('will retry'))).toBe(true);

    // The server accepts again: the retry delivers it.
    await makeDue(id);
    reject = null;
    expect(await sender.runOnce()).toBe(1);
    expect(received.map((m) => m.rcptTo)).toEqual([['citizen@example.gov']]);
    expect(await outboxRow(id)).toMatchObject({ status: 'sent', attempts: 3, last_error: null });
  });

  it.each([
    { stage: 'rcpt', code: 550, message: '5.1.1 Mailbox unavailable' },
    { stage: 'rcpt', code: 553, message: '5.1.3 Recipient address not allowed' },
    { stage: 'data', code: 554, message: '5.7.1 Message rejected as spam' },
  ] as const)(
    'marks an email dead at once on a permanent $code at $stage, with the reason and without the password',
    async (rejection) => {
      const id = await queueInfoRequested(`¿Permanente ${rejection.code}?`);
      reject = rejection;
      expect(await realSender().runOnce()).toBe(1);
      const row = await outboxRow(id);
      // One attempt, no retry scheduled: retrying a permanent rejection 8 times only delays telling the admin.
      expect(row).toMatchObject({ status: 'dead', attempts: 1, sent_at: null });
      expect(row.last_error).toContain(PERMANENT_PREFIX);
      expect(row.last_error).toContain(`${rejection.code} ${rejection.message}`);
      for (const secret of secretForms(SMTP_PASSWORD)) expect(row.last_error).not.toContain(secret);
      expect(logs.some((l) => l.includes('rejected permanently'))).toBe(true);
      // Dead rows are never claimed again, even once the server would accept.
      reject = null;
      expect(await realSender().runOnce()).toBe(0);
      expect(received).toHaveLength(0);
    },
  );

  it('records a failed login (wrong password in the URL) as a retryable error without either password', async () => {
    const id = await queueInfoRequested('¿Su número de teléfono?');
    const wrong = 'Wrong-Pw#42@/';
    const url = `smtp://${SMTP_USER}:${encodeURIComponent(wrong)}@127.0.0.1:${port}`;
    expect(await realSender(url).runOnce()).toBe(1);
    const row = await outboxRow(id);
    // 535 is our configuration, not the recipient: it stays queued so fixing the password delivers it.
    expect(row).toMatchObject({ status: 'queued', attempts: 1 });
    expect(row.last_error).toMatch(/535/);
    expect(row.last_error).not.toContain(PERMANENT_PREFIX);
    for (const secret of [...secretForms(wrong), ...secretForms(SMTP_PASSWORD)])
      expect(row.last_error).not.toContain(secret);
    expect(received).toHaveLength(0);
    // Clean up so later passes only see their own rows.
    await t.db.kysely.deleteFrom('email_outbox').where('id', '=', id).execute();
  });

  it('with TLS required, sends no login to a server that offers no STARTTLS and keeps the email queued', async () => {
    // What smtpTransportOptions turns on for a login to a non-loopback host (see smtp-transport.test.ts); the URL
    // parameter forces it here, as the in-process server is on loopback.
    const id = await queueInfoRequested('¿Sin TLS?');
    authAttempts = 0;
    expect(await realSender(`${smtpUrl}?requireTLS=true`).runOnce()).toBe(1);
    expect(authAttempts).toBe(0);
    expect(received).toHaveLength(0);
    const row = await outboxRow(id);
    expect(row).toMatchObject({ status: 'queued', attempts: 1, sent_at: null });
    expect(row.last_error).toMatch(/STARTTLS/);
    for (const secret of secretForms(SMTP_PASSWORD)) expect(row.last_error).not.toContain(secret);
    await t.db.kysely.deleteFrom('email_outbox').where('id', '=', id).execute();
  });

  it('gives up on a stalled server well before the claim lease ends, so no other sender re-claims and resends', async () => {
    // nodemailer's own defaults (10 min of socket silence) outlast the 5 min lease; the transport bounds them.
    const options = (smtpTransport(smtpUrl) as unknown as { options: Record<string, unknown> })
      .options;
    for (const key of ['connectionTimeout', 'greetingTimeout', 'socketTimeout']) {
      expect(options[key]).toBeTypeOf('number');
      expect(options[key] as number).toBeLessThanOrEqual((CLAIM_LEASE_SECONDS * 1000) / 4);
    }
    expect(options.auth).toEqual({ user: SMTP_USER, pass: SMTP_PASSWORD });

    // The same path end to end, with the timeout shortened through the URL (query parameters override).
    const id = await queueInfoRequested('¿Sigue viviendo en la misma dirección?');
    reject = { stage: 'stall' };
    const started = Date.now();
    expect(await realSender(`${smtpUrl}?socketTimeout=500`).runOnce()).toBe(1);
    expect(Date.now() - started).toBeLessThan(10_000);
    const row = await outboxRow(id);
    expect(row).toMatchObject({ status: 'queued', attempts: 1, sent_at: null });
    expect(row.last_error).toMatch(/timeout/i);
    for (const secret of secretForms(SMTP_PASSWORD)) expect(row.last_error).not.toContain(secret);
    for (const release of stalled.splice(0)) release();
    await t.db.kysely.deleteFrom('email_outbox').where('id', '=', id).execute();
  });

  it('stops starting sends near the end of the claim lease and releases the rest, so no email is sent twice', async () => {
    const questions = ['¿Lento uno?', '¿Lento dos?', '¿Lento tres?'];
    const ids: string[] = [];
    for (const q of questions) ids.push(await queueInfoRequested(q));
    // Each message takes 1.2 s; the lease is 1.5 s and a pass stops starting sends 0.5 s before it ends. Without the
    // budget the first pass would still be sending its second email when its lease ran out.
    reject = { stage: 'slow', ms: 1200 };
    const lease = { leaseSeconds: 1.5, leaseMarginMs: 500 };
    const first = realSender(smtpUrl, lease).runOnce();
    // Once the first pass's lease is over, a second instance claims whatever is queued and due.
    await sleep(1700);
    const second = realSender(smtpUrl, lease).runOnce();
    // The first pass claims all three, sends one and releases two; the second claims those, sends one, releases one.
    expect(await Promise.all([first, second])).toEqual([3, 2]);
    expect(received).toHaveLength(2);
    const waiting = (await Promise.all(ids.map(outboxRow))).filter((r) => r.status === 'queued');
    expect(waiting).toHaveLength(1);
    // Released, not failed: the attempt count is unchanged, no error, and it is due at once.
    expect(waiting[0]).toMatchObject({ attempts: 0, last_error: null });
    expect(new Date(waiting[0]!.next_attempt_at).getTime()).toBeLessThanOrEqual(Date.now());
    expect(logs.some((l) => l.includes('released the unsent emails'))).toBe(true);

    reject = null;
    expect(await realSender().runOnce()).toBe(1);
    // Every email went out exactly once, and each row counts exactly one attempt.
    const bodies = received.map((m) => parseMessage(m.raw).text);
    for (const q of questions)
      expect(
        bodies.filter((text) => text.includes(q)),
        q,
      ).toHaveLength(1);
    for (const id of ids)
      expect(await outboxRow(id)).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
  });

  it('refuses a lease margin that leaves no time to send', () => {
    expect(() => realSender(smtpUrl, { leaseSeconds: 1, leaseMarginMs: 1000 })).toThrow(/margin/);
  });

  it('never writes the SMTP secret to the logs, the outbox rows or the admin outbox view', async () => {
    expect(t.config.smtpUrl).toContain(encodeURIComponent(SMTP_PASSWORD)); // the secret really is in HMS_SMTP_URL
    const rows = await t.db.kysely.selectFrom('email_outbox').selectAll().execute();
    expect(rows.length).toBeGreaterThan(0);
    const admin = new Agent(t.app);
    await admin.signIn('admin@example.gov');
    const res = await admin.get('/api/admin/outbox');
    expect(res.statusCode).toBe(200);
    expect((res.json() as { smtpConfigured: boolean }).smtpConfigured).toBe(true);
    expect(logs.length).toBeGreaterThan(0);
    const everything = [JSON.stringify(rows), res.body, ...logs].join('\n');
    for (const secret of secretForms(SMTP_PASSWORD)) expect(everything).not.toContain(secret);
    expect(everything).not.toContain(SMTP_USER + ':');
  });
});
