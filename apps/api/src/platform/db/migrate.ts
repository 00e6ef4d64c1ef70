import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Database } from './schema.ts';
import {
  Migrator,
  sql,
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
  // Each team numbers its migrations in its own range (0100 intake, 0200 approvals, 0300 payments), so a new 02xx can
  // arrive after a 03xx has run: apply pending ones in name order even when an earlier-named one ran before.
  // Kysely looks for its bookkeeping tables across all schemas unless told which one: pin it to the schema this
  // connection writes to, or a database holding several HMS schemas (tests, benchmarks) would find another's.
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const migrator = new Migrator({
    db,
    provider: new FolderMigrationProvider(),
    allowUnorderedMigrations: true,
    migrationTableSchema: rows[0]?.schema ?? 'public',
  });
  let result = await migrator.migrateToLatest();
  // Kysely's check for its bookkeeping table reads the catalog of every schema; a schema dropped at that moment by
  // someone else (another test file's, in a database holding several) fails the read with invalid_schema_name before
  // anything ran. Read again: nothing was applied, and our own missing schema still fails after the retries.
  for (let retry = 0; retry < 3 && isOtherSchemaGone(result.error, rows[0]?.schema); retry++) {
    result = await migrator.migrateToLatest();
  }
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

function isOtherSchemaGone(error: unknown, ours: string | undefined): boolean {
  const e = error as { code?: string; message?: string } | undefined;
  return e?.code === '3F000' && !(ours !== undefined && e.message?.includes(`"${ours}"`));
}
