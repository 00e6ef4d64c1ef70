import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBatch } from './modules/batches/service.ts';
import { insertApprovedPayment } from './modules/payments/fixtures.ts';
import { seedDemo } from './seed.ts';
import { parseConfig, type Config } from './platform/config.ts';
import { BackupError, dumpEmbedded, restoreEmbedded } from './platform/db/backup.ts';
import { notifySourceOf, openDb, type Db } from './platform/db/connect.ts';
import type { Database } from './platform/db/schema.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { openConfiguredDb } from './platform/db/open.ts';
import { checkRestored, type RestoreCheck } from './platform/db/restore-check.ts';
import { onServer } from './testing/server-sql.ts';
import { demoCitizenId, programIdBySlug, userIdByEmail } from './testing/test-app.ts';

/**
 * Backup and restore of the embedded database (issue 15 item 8), on a database on disk made through the real
 * services: demo data, a payee account sealed under the key and a NACHA file built by the batches service. The
 * backup is restored into an empty folder and must read back whole: audit chain, account numbers, files.
 */
const KEY = Buffer.alloc(32, 3).toString('base64');
const OTHER_KEY = Buffer.alloc(32, 4).toString('base64');
const work = mkdtempSync(path.join(tmpdir(), 'hms-backup-'));
const configFor = (dir: string, key = KEY): Config =>
  parseConfig({
    HMS_DATA_DIR: path.join(work, dir),
    HMS_ENCRYPTION_KEY: key,
    HMS_LOG_LEVEL: 'silent',
    HMS_STATIC_ROOT: path.join(tmpdir(), 'hms-no-static-root'),
  });
const file = path.join(work, 'hms.backup.tar.gz');
const opened: Db[] = [];
async function openAt(config: Config) {
  const db = await openConfiguredDb(config);
  opened.push(db);
  return db;
}

/** Demo data, a payee account sealed under the key and a NACHA file built by the batches service. */
async function makeHistory(kysely: Kysely<Database>, config: Config) {
  await seedDemo(kysely, { timeZone: config.timezone, encryptionKey: config.encryptionKey! });
  const payment = await insertApprovedPayment(kysely, config, {
    applicantId: await demoCitizenId(kysely),
    programId: await programIdBySlug(kysely, 'home-energy-rebate'),
    amountCents: 123_45,
    accountNumber: '000123456789',
  });
  await buildBatch(
    kysely,
    config,
    {
      id: await userIdByEmail(kysely, 'finance@example.gov'),
      email: 'finance@example.gov',
      displayName: 'Finance',
      language: 'en',
      roles: ['finance'],
      sessionId: 'backup-test',
    },
    { paymentIds: [payment.paymentId] },
    null,
  );
}

let before: RestoreCheck;

beforeAll(async () => {
  const config = configFor('original');
  const db = await openAt(config);
  await migrateToLatest(db.kysely);
  await makeHistory(db.kysely, config);
  before = await checkRestored(db.kysely, config);
  const source = notifySourceOf(db.kysely);
  if (source?.kind !== 'pglite') throw new Error('expected the embedded database');
  await dumpEmbedded(source.pglite, file);
  await db.close();
}, 300_000);

afterAll(async () => {
  for (const db of opened) await db.close();
});

describe('hms backup / hms restore (embedded database)', () => {
  it('the original holds what the check reads: an intact chain, sealed accounts and a built file', () => {
    expect(before.ok).toBe(true);
    expect(before.audit.entries).toBeGreaterThan(0);
    expect(before.accounts.total).toBeGreaterThan(0);
    expect(before.files).toEqual({ total: 1, intact: 1 });
  });

  it('restores into an empty folder with everything readable, the same as before', async () => {
    const config = configFor('restored');
    expect(await restoreEmbedded(file, path.join(config.dataDir, 'pg'), { force: false })).toEqual({
      keptAs: null,
    });
    const db = await openAt(config);
    expect(await checkRestored(db.kysely, config)).toEqual(before);
    const account = await db.kysely
      .selectFrom('payee_accounts')
      .select('account_last4')
      .where('account_last4', '=', '6789')
      .executeTakeFirst();
    expect(account).toBeDefined();
    await db.close();
  }, 300_000);

  it('says so when the key is not the one the data was sealed with', async () => {
    const config = configFor('restored', OTHER_KEY);
    const db = await openAt(config);
    const check = await checkRestored(db.kysely, config);
    expect(check.ok).toBe(false);
    expect(check.audit.ok).toBe(true);
    expect(check.accounts.readable).toBe(0);
    expect(check.files.intact).toBe(0);
    await db.close();
  }, 300_000);

  it('never overwrites a database: refused without --force, kept beside it with', async () => {
    const dir = path.join(configFor('restored').dataDir, 'pg');
    await expect(restoreEmbedded(file, dir, { force: false })).rejects.toThrow(BackupError);
    const { keptAs } = await restoreEmbedded(file, dir, { force: true });
    expect(keptAs).not.toBeNull();
    expect(existsSync(keptAs!)).toBe(true);
  }, 300_000);

  it('names a file that is not a backup, and moves nothing', async () => {
    const notBackup = path.join(work, 'notes.txt');
    writeFileSync(notBackup, 'hello');
    const dir = path.join(work, 'untouched', 'pg');
    await expect(restoreEmbedded(notBackup, dir, { force: true })).rejects.toThrow(
      /is not an HMS backup/,
    );
    expect(existsSync(dir)).toBe(false);
  });
});

/**
 * The documented PostgreSQL route (README, "Backups"): pg_dump of the database, pg_restore into an empty one, and the
 * same check. Runs where the tests have a PostgreSQL server (CI always does).
 */
describe.runIf(process.env.TEST_DATABASE_URL)('pg_dump / pg_restore (PostgreSQL)', () => {
  it('restores into an empty database with everything readable, the same as before', async () => {
    const url = process.env.TEST_DATABASE_URL!;
    const suffix = randomBytes(6).toString('hex');
    const schema = `t_${suffix}`;
    const target = new URL(url);
    target.pathname = `/hms_restore_${suffix}`;
    const admin = (statement: string) => onServer(url, statement);
    const config = configFor('postgres');
    await admin(`create schema ${schema}`);
    try {
      const db = await openDb({ databaseUrl: url, searchPath: schema });
      opened.push(db);
      await migrateToLatest(db.kysely);
      await makeHistory(db.kysely, config);
      const original = await checkRestored(db.kysely, config);
      expect(original.ok).toBe(true);
      expect(original.files.total).toBe(1);
      await db.close();

      const dump = path.join(work, 'hms.dump');
      execFileSync('pg_dump', ['-Fc', '-n', schema, '-d', url, '-f', dump], { stdio: 'pipe' });
      await admin(`create database hms_restore_${suffix}`);
      execFileSync('pg_restore', ['--no-owner', '-d', target.toString(), dump], { stdio: 'pipe' });
      const restored = await openDb({ databaseUrl: target.toString(), searchPath: schema });
      opened.push(restored);
      expect(await checkRestored(restored.kysely, config)).toEqual(original);
      await restored.close();
    } finally {
      await admin(`drop schema if exists ${schema} cascade`);
      await admin(`drop database if exists hms_restore_${suffix}`);
    }
  }, 300_000);
});
