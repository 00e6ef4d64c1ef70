import { loadConfigOrExit } from './platform/config.ts';
import { openConfiguredDb } from './platform/db/open.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { seedDemo } from './seed.ts';
import { verifyAuditChain } from './platform/audit.ts';
import { resolveEncryptionKey } from './platform/crypto-key.ts';
import { auditVerifyReport } from './platform/audit-verify.ts';
import { rotateKeys } from './modules/key-rotation/rotate.ts';
import { runHousekeeping } from './platform/housekeeping.ts';
import { initialiseSettings, sessionPolicy } from './modules/settings/service.ts';
import { importFromPath } from './modules/imports/cli.ts';
import { exportToPath } from './modules/imports/export-cli.ts';
import { backupCommand } from './platform/db/backup-cli.ts';

const USAGE = `Usage: hms <command>

Commands:
  migrate        apply pending database migrations
  seed           create the demo users (idempotent)
  verify-audit   recompute the audit log hash chain and report the first broken entry
  audit verify   the same, naming the first broken link and what kind of break it is (exit 1 when broken)
  keys rotate    re-encrypt account numbers, NACHA files and secrets under HMS_ENCRYPTION_KEY; the old keys must be
                 in HMS_PREVIOUS_ENCRYPTION_KEYS (comma-separated) or in the embedded key file
  import payees|requests FILE [--dry-run]
                 import payees, or requests of payees imported before, from a CSV file (docs/imports.md); prints one
                 JSON report; exit 0 when no row was rejected, 1 when any was (nothing is then imported), 2 when the
                 file cannot be read
  export payees|requests [--out FILE] [--full-account-numbers]
                 write payees, or requests, in the import format (docs/imports.md) to FILE or stdout; the report
                 (rows, SHA-256) goes to stderr. Account numbers are masked (****1234) unless --full-account-numbers
                 is given; every export is an audit entry, a full-number one under its own action
  housekeeping   delete expired sessions and spent sign-in throttle rows now (the API also does it every 10 minutes)
  backup FILE    embedded database only (stop the API first): write it to FILE; the encryption key is not in it
  restore FILE [--force]
                 embedded database only: load FILE into HMS_DATA_DIR/pg (an existing database is refused, or with
                 --force kept beside it), then check the audit chain, the account numbers and the NACHA files
`;

const command = process.argv[2];
if (command === 'audit' && process.argv[3] !== 'verify') {
  process.stderr.write(`Unknown audit command "${process.argv[3] ?? ''}"; use: hms audit verify\n`);
  process.exit(1);
}
if (command === 'keys' && process.argv[3] !== 'rotate') {
  process.stderr.write(`Unknown keys command "${process.argv[3] ?? ''}"; use: hms keys rotate\n`);
  process.exit(1);
}
if (
  !command ||
  ![
    'migrate',
    'seed',
    'verify-audit',
    'audit',
    'keys',
    'housekeeping',
    'import',
    'export',
    'backup',
    'restore',
  ].includes(command)
) {
  process.stderr.write(command ? `Unknown command "${command}".\n\n${USAGE}` : USAGE);
  process.exit(command ? 1 : 0);
}

const config = loadConfigOrExit();
// Before the database is opened and migrated: a backup is of the database as it is, and a restore replaces it.
if (command === 'backup' || command === 'restore') {
  process.exit(await backupCommand(config, command, process.argv.slice(3)));
}
const db = await openConfiguredDb(config);
let exitCode = 0;
try {
  const migrated = await migrateToLatest(db.kysely);
  const applied =
    migrated.results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? [];
  // As at the API's start: the environment's values become the agency settings once, if none are stored yet.
  await initialiseSettings(db.kysely, config);
  if (command === 'migrate') {
    process.stdout.write(
      applied.length ? `Applied: ${applied.join(', ')}\n` : 'Database is up to date.\n',
    );
  } else if (command === 'seed') {
    const r = await seedDemo(db.kysely, {
      timeZone: config.timezone,
      encryptionKey: resolveEncryptionKey(config),
      config,
    });
    process.stdout.write(
      `Seed done: ${r.usersCreated} demo user(s) created, ${r.programsWritten} program(s) created or updated.\n`,
    );
  } else if (command === 'keys') {
    const r = await rotateKeys(db.kysely, config);
    process.stdout.write(
      `Re-encrypted under key ${r.keyId}: ${r.payeeAccounts} payee account(s), ${r.achFiles} NACHA file(s), ${r.nocs} NOC(s), ${r.webhookSecrets} webhook secret(s).\n`,
    );
  } else if (command === 'import') {
    const r = await importFromPath(db.kysely, config, process.argv.slice(3));
    process.stdout.write(JSON.stringify(r.output, null, 2) + '\n');
    exitCode = r.exitCode;
  } else if (command === 'export') {
    const r = await exportToPath(db.kysely, config, process.argv.slice(3), process.stdout);
    process.stderr.write(JSON.stringify(r.report, null, 2) + '\n');
    exitCode = r.exitCode;
  } else if (command === 'housekeeping') {
    const r = await runHousekeeping(db.kysely, await sessionPolicy(db.kysely));
    process.stdout.write(
      `Housekeeping done: ${r.sessions} expired session(s) and ${r.throttleRows} stale sign-in throttle row(s) deleted.\n`,
    );
  } else if (command === 'audit') {
    const r = await auditVerifyReport(db.kysely);
    (r.ok ? process.stdout : process.stderr).write(r.text + '\n');
    if (!r.ok) exitCode = 1;
  } else {
    const r = await verifyAuditChain(db.kysely);
    if (r.ok) process.stdout.write(`Audit chain intact: ${r.count} entries.\n`);
    else {
      process.stderr.write(`Audit chain BROKEN at entry id ${r.brokenAtId}.\n`);
      exitCode = 2;
    }
  }
} finally {
  await db.close();
}
process.exit(exitCode);
