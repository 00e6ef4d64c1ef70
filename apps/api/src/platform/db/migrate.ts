import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Database } from './schema.ts';
import {
  Migrator,
  type Kysely,
  type Migration,
  type MigrationProvider,
  type MigrationResultSet,
} from 'kysely';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const NAME = /^(\d{4})_[a-z0-9_]+\.(ts|js)$/;

/** Reads migrations/NNNN_name.ts sorted by name. Forward-only: a migration exports `up` and never `down`. */
class FolderMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await readdir(MIGRATIONS_DIR))
      .filter((f) => NAME.test(f) && !f.includes('.test.'))
      .sort();
    const out: Record<string, Migration> = {};
    for (const file of files) {
      const mod = (await import(
        pathToFileURL(path.join(MIGRATIONS_DIR, file)).href
      )) as Partial<Migration>;
      if (typeof mod.up !== 'function')
        throw new Error(`Migration ${file} must export an async function up(db).`);
      out[file.replace(/\.(ts|js)$/, '')] = { up: mod.up };
    }
    return out;
  }
}

/**
 * Applies every pending migration. Kysely runs all pending ones in ONE transaction on PostgreSQL (transactional DDL)
 * behind its lock table, so two instances starting together cannot both migrate, and a failure leaves nothing half-done.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider: new FolderMigrationProvider() });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new Error(
      `Migration ${failed?.migrationName ?? '(unknown)'} failed: ${String(result.error)}`,
      {
        cause: result.error,
      },
    );
  }
  return result;
}
