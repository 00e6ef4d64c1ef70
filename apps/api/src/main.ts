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
import { initialiseSettings, sessionPolicy } from './modules/settings/service.ts';

const config = loadConfigOrExit();
// Resolved at start so a missing or broken key stops the server now, not at the first bank-account write.
const encryptionKey = resolveEncryptionKey(config);

const db = await openConfiguredDb(config);
await migrateToLatest(db.kysely);
// First start: the environment's HMS_ACH_* and HMS_SESSION_* values become the agency settings (then edited in /admin).
await initialiseSettings(db.kysely, config);
if (config.seedDemo) await seedDemo(db.kysely, { timeZone: config.timezone, encryptionKey });

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

let closing = false;
async function shutdown(signal: string): Promise<void> {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down');
  await webhookWorker?.stop();
  await housekeeping.stop();
  // Fastify first (stops accepting, drains in-flight requests), then the database they were using.
  await emailSender?.stop();
  await app.close();
  await db.close();
  process.exit(0);
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
