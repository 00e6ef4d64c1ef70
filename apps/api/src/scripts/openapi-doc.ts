import path from 'node:path';
import { buildApp } from '../app.ts';
import { parseConfig, REPO_ROOT } from '../platform/config.ts';
import { openDb } from '../platform/db/connect.ts';
import { openApiJson } from '../platform/openapi.ts';

export const OPENAPI_FILE = path.join(REPO_ROOT, 'packages', 'api-client', 'openapi.json');

/**
 * The document depends only on the route schemas: build the app on a throwaway in-memory database with a fixed
 * config (no static root) so the output is the same on every machine.
 */
export async function generateOpenApiJson(): Promise<string> {
  const config = parseConfig({
    HMS_STATIC_ROOT: path.join(REPO_ROOT, 'does-not-exist'),
    HMS_LOG_LEVEL: 'silent',
  });
  const db = await openDb({});
  try {
    const app = await buildApp({ config, db: db.kysely, logger: false });
    await app.ready();
    const json = openApiJson(app);
    await app.close();
    return json;
  } finally {
    await db.close();
  }
}
