import pg from 'pg';

/**
 * Runs one statement on the PostgreSQL server at `url` through a client of its own, closed after: what the tests,
 * drills and benches do to make or drop their own schema or database.
 */
export async function onServer(url: string, statement: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}
