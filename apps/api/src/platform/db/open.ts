import path from 'node:path';
import type { Config } from '../config.ts';
import { openDb, type Db } from './connect.ts';

/** Opens the configured database: PostgreSQL when DATABASE_URL is set, else PGlite in HMS_DATA_DIR/pg. */
export function openConfiguredDb(config: Config): Promise<Db> {
  return openDb({
    databaseUrl: config.databaseUrl,
    pgliteDir: config.databaseUrl ? undefined : path.join(config.dataDir, 'pg'),
  });
}
