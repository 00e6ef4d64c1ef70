// pg and kysely are dependencies of the api package; the benches load them from there (bench/ has no copy of its own).
import { createRequire } from 'node:module';
import type * as PgModule from '../../apps/api/node_modules/pg';
import type * as KyselyModule from '../../apps/api/node_modules/kysely';

const requireFromApi = createRequire(new URL('../../apps/api/package.json', import.meta.url));
export const pg = requireFromApi('pg') as typeof PgModule;
export const { sql } = requireFromApi('kysely') as typeof KyselyModule;
