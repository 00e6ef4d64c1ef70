/** Thrown (or recognised) when the database cannot be reached; the HTTP layer turns it into a 503 problem. */
export class DatabaseUnavailableError extends Error {
  constructor(message = 'The database is unavailable.', options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseUnavailableError';
  }
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EPIPE',
]);

/** True for errors that mean "no database right now" rather than "this query is wrong". */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (err instanceof DatabaseUnavailableError) return true;
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { code?: unknown; message?: unknown };
  if (typeof e.code === 'string') {
    if (NETWORK_CODES.has(e.code)) return true;
    // SQLSTATE class 08 = connection exception; 57P01-03 = admin shutdown / crash / cannot connect now.
    if (/^08/.test(e.code) || /^57P0[1-3]$/.test(e.code)) return true;
  }
  if (typeof e.message === 'string') {
    return /Connection terminated|timeout exceeded when trying to connect|Cannot use a pool after calling end|PGlite is closed|driver has already been destroyed|Client has encountered a connection error and is not queryable|Client was closed and is not queryable/i.test(
      e.message,
    );
  }
  return false;
}
