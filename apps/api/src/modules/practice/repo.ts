import { sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';

// The practice module owns no table: its data lives in the owners' tables (programs, requests, payments, documents…)
// and is written through their services. Its one statement of its own is this lock.
const PRACTICE_LOCK_KEY = 7_303_120;

/**
 * Serialises practice actions (create, clear, mark): a clear never runs while requests are being generated, so it
 * cannot leave half a practice request behind, and two creates never race for the same budget.
 */
export async function serializePractice(trx: Transaction<Database>): Promise<void> {
  await sql`select pg_advisory_xact_lock(${PRACTICE_LOCK_KEY})`.execute(trx);
}
