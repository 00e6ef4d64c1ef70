import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';

/**
 * Backup and restore of the embedded database (PGlite): its whole data folder as one gzip'd tar, the format PGlite
 * itself dumps and loads, so a restore is the same database byte for byte. PostgreSQL has pg_dump and pg_restore
 * for this (README, "Backups"). The encryption key is NOT in the backup: a stolen backup alone reads no account
 * number, and the operator keeps the key (HMS_ENCRYPTION_KEY or HMS_DATA_DIR/encryption.key) apart.
 */

export class BackupError extends Error {}

/** Writes the open database to `file` (gzip'd tar). Written beside it first, then renamed: never half a file. */
export async function dumpEmbedded(
  pglite: PGlite,
  file: string,
): Promise<{ bytes: number; sha256: string }> {
  const dump = await pglite.dumpDataDir('gzip');
  const bytes = Buffer.from(await dump.arrayBuffer());
  const partial = `${file}.partial`;
  writeFileSync(partial, bytes, { mode: 0o600 });
  renameSync(partial, file);
  return { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/**
 * Loads a backup into `pgliteDir`. A folder that already holds a database is refused unless `force`, and then kept
 * beside it (renamed, not deleted), so a restore can never destroy the only copy of anything.
 */
export async function restoreEmbedded(
  file: string,
  pgliteDir: string,
  opts: { force: boolean },
): Promise<{ keptAs: string | null }> {
  if (!existsSync(file)) throw new BackupError(`${file} does not exist.`);
  const bytes = readFileSync(file);
  // gzip magic: a file that is not a backup is named as such before anything is moved.
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) {
    throw new BackupError(`${file} is not an HMS backup (a gzip'd tar written by "hms backup").`);
  }
  let keptAs: string | null = null;
  if (existsSync(pgliteDir) && readdirSync(pgliteDir).length > 0) {
    if (!opts.force) {
      throw new BackupError(
        `${pgliteDir} already holds a database. Move it away, or pass --force to keep it as ${pgliteDir}.before-restore-<time>.`,
      );
    }
    keptAs = `${pgliteDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(pgliteDir, keptAs);
  }
  mkdirSync(path.dirname(pgliteDir), { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const pglite = new PGlite(pgliteDir, { loadDataDir: new Blob([bytes]) });
  try {
    await pglite.waitReady;
  } catch (err) {
    await pglite.close().catch(() => undefined);
    if (keptAs !== null) renameSync(keptAs, pgliteDir);
    throw new BackupError(`${file} could not be loaded: ${(err as Error).message}`);
  }
  await pglite.close();
  return { keptAs };
}
