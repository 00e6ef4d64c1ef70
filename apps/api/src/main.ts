import { buildApp } from './app.ts';
import { loadConfigOrExit, staticRootHasShell } from './platform/config.ts';
import { resolveEncryptionKey } from './platform/crypto-key.ts';
import { openConfiguredDb } from './platform/db/open.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { DEMO_PASSWORD, DEMO_USERS } from './platform/db/seed.ts';
import { seedDemo } from './seed.ts';
import { startWebhookWorker } from './modules/webhooks/worker.ts';
import { smtpTransport, startEmailSender } from './modules/notifications/email-sender.ts';
import { startHousekeeping } from './platform/housekeeping.ts';
import { startPrenoteMaturity } from './modules/payments/prenote-maturity.ts';
import { initialiseSettings, sessionPolicy } from './modules/settings/service.ts';
import { keepTotalsInZone } from './modules/finance/service.ts';

const config = loadConfigOrExit();
// Resolved at start so a missing or broken key stops the server now, not at the first bank-account write.
const encryptionKey = resolveEncryptionKey(config);

const db = await openConfiguredDb(config);
await migrateToLatest(db.kysely);
// First start: the environment's HMS_ACH_* and HMS_SESSION_* values become the agency settings (then edited in /admin).
await initialiseSettings(db.kysely, config);
await keepTotalsInZone(db.kysely, config.timezone);
if (config.seedDemo)
  await seedDemo(db.kysely, { timeZone: config.timezone, encryptionKey, config });

const app = await buildApp({ config, db: db.kysely });
// With no SMTP configured, emails stay queued in email_outbox (listed for the admin) until one is.
const emailSender = config.smtpUrl
  ? startEmailSender({ db: db.kysely, transport: smtpTransport(config.smtpUrl), log: app.log })
  : null;

// Webhook delivery from the outbox (jobs table, SKIP LOCKED: safe with several API instances). HMS_WEBHOOK_WORKER=0 turns it off.
const webhookWorker = config.webhookWorker ? startWebhookWorker(db.kysely, config, app.log) : null;

// Every 10 minutes, delete expired sessions and spent sign-in throttle rows (sign-in only clears the user's own), in
// small batches that skip rows another instance holds: safe with several API instances.
const housekeeping = startHousekeeping({
  db: db.kysely,
  policy: () => sessionPolicy(db.kysely),
  log: app.log,
});

// Payments whose prenote wait ended become payable: at start and once a minute (reads never write; see the file).
const prenoteMaturity = startPrenoteMaturity({
  db: db.kysely,
  timeZone: config.timezone,
  log: app.log,
});

let closing = false;
/**
 * A stop drains: the listener closes at once (a new connection is refused; a request on a kept-alive connection gets
 * a 503), requests in flight finish, live streams end, and the workers stop after the pass they are in (each pass
 * is one transaction, so a stop never leaves half of one). In flight is bounded: after HMS_SHUTDOWN_GRACE_SECONDS the
 * remaining connections are cut and the exit code is 1, so an orchestrator can tell a clean stop from a forced one.
 */
async function shutdown(signal: string): Promise<void> {
  if (closing) return;
  closing = true;
  app.log.info({ signal, graceMs: config.shutdownGraceMs }, 'shutting down: draining');
  let forced = false;
  const cut = setTimeout(() => {
    forced = true;
    app.log.warn('shutdown grace period over: cutting the connections still open');
    app.server.closeAllConnections();
  }, config.shutdownGraceMs);
  cut.unref();
  // A kept-alive connection turns idle when its last response is sent; close it then rather than at its timeout.
  const sweep = setInterval(() => app.server.closeIdleConnections(), 200);
  sweep.unref();
  await Promise.all([
    webhookWorker?.stop(),
    housekeeping.stop(),
    prenoteMaturity.stop(),
    emailSender?.stop(),
  ]);
  // Fastify after the workers (it stops accepting, waits for in-flight requests), then the database they used.
  await app.close();
  clearTimeout(cut);
  clearInterval(sweep);
  await db.close();
  app.log.info({ forced }, 'stopped');
  process.exit(forced ? 1 : 0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

try {
  await app.listen({ port: config.port, host: config.host });
} catch (err) {
  const code = (err as { code?: string }).code;
  if (code === 'EADDRINUSE' || code === 'EACCES') {
    process.stderr.write(
      `HMS cannot listen on ${config.host}:${config.port} (${code === 'EADDRINUSE' ? 'the port is in use' : 'permission denied'}). ` +
        'Stop the other process or choose another port, e.g. PORT=8081.\n',
    );
    await db.close();
    process.exit(1);
  }
  throw err;
}
const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
const url = `http://${shownHost}:${config.port}/`;
const lines = [
  '',
  `HMS is running at ${url}`,
  `  database: ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`}`,
  `  web apps: ${staticRootHasShell(config) ? `served from ${config.staticRoot}` : 'not built (API only); run the build to serve them'}`,
  `  API docs: ${url}api/docs`,
];
if (config.seedDemo) {
  lines.push(`  demo sign-ins (password ${DEMO_PASSWORD}):`);
  for (const u of DEMO_USERS) lines.push(`    ${u.email.padEnd(24)} ${u.role}`);
}
process.stdout.write(lines.join('\n') + '\n\n');
