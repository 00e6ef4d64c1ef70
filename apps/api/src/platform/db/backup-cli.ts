import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import { BackupError, dumpEmbedded, restoreEmbedded } from './backup.ts';
import { notifySourceOf } from './connect.ts';
import { openConfiguredDb } from './open.ts';
import { checkRestored } from './restore-check.ts';

const POSTGRES_ROUTE =
  'With DATABASE_URL set, HMS runs on PostgreSQL: back it up with pg_dump -Fc and restore with pg_restore ' +
  '(README, "Backups"). hms backup and hms restore are for the embedded database.';

/**
 * `hms backup FILE` and `hms restore FILE [--force]` for the embedded database. Stop the API first: PGlite is one
 * process's database. Exit 0 done, 1 restored but a check failed, 2 nothing done (usage, PostgreSQL, unreadable file).
 */
export async function backupCommand(
  config: Config,
  command: 'backup' | 'restore',
  args: string[],
): Promise<number> {
  const files = args.filter((a) => !a.startsWith('--'));
  const flags = args.filter((a) => a.startsWith('--'));
  const allowed = command === 'restore' ? ['--force'] : [];
  const unknown = flags.filter((f) => !allowed.includes(f));
  if (files.length !== 1 || unknown.length > 0) {
    process.stderr.write(
      `${unknown.length > 0 ? `Unknown option ${unknown.join(', ')}. ` : ''}Usage: hms ${command} FILE${command === 'restore' ? ' [--force]' : ''}\n`,
    );
    return 2;
  }
  if (config.databaseUrl) {
    process.stderr.write(`${POSTGRES_ROUTE}\n`);
    return 2;
  }
  // `pnpm hms` runs in apps/api; the path the person typed is relative to where they typed it.
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), files[0]!);
  const pgliteDir = path.join(config.dataDir, 'pg');
  try {
    if (command === 'backup') {
      if (!existsSync(pgliteDir)) {
        throw new BackupError(
          `There is no embedded database in ${pgliteDir} (HMS_DATA_DIR=${config.dataDir}): nothing to back up.`,
        );
      }
      const db = await openConfiguredDb(config);
      try {
        const source = notifySourceOf(db.kysely);
        if (source?.kind !== 'pglite') throw new BackupError('The embedded database did not open.');
        const r = await dumpEmbedded(source.pglite, file);
        process.stdout.write(
          `Backup written: ${file} (${r.bytes} bytes, SHA-256 ${r.sha256}).\n` +
            `It holds no encryption key: keep ${config.encryptionKey ? 'HMS_ENCRYPTION_KEY' : path.join(config.dataDir, 'encryption.key')} backed up apart from it.\n`,
        );
      } finally {
        await db.close();
      }
      return 0;
    }
    const { keptAs } = await restoreEmbedded(file, pgliteDir, { force: flags.includes('--force') });
    const db = await openConfiguredDb(config);
    try {
      const check = await checkRestored(db.kysely, config);
      process.stdout.write(
        [
          `Restored ${file} into ${pgliteDir}.${keptAs ? ` The database that was there is kept as ${keptAs}.` : ''}`,
          `  audit chain: ${check.audit.ok ? `intact (${check.audit.entries} entries)` : `BROKEN at entry ${check.audit.brokenAtId}`}`,
          `  account numbers readable with the configured key: ${check.accounts.readable} of ${check.accounts.total}`,
          `  NACHA files intact (decrypted, SHA-256 as built): ${check.files.intact} of ${check.files.total}`,
          '',
        ].join('\n'),
      );
      if (!check.ok) {
        process.stderr.write(
          'The restore check failed. An unreadable account number or file means the key is not the one these ' +
            'were sealed with: set HMS_ENCRYPTION_KEY (or restore encryption.key) and run hms restore again.\n',
        );
      }
      return check.ok ? 0 : 1;
    } finally {
      await db.close();
    }
  } catch (err) {
    if (err instanceof BackupError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
}
