import type { Kysely } from 'kysely';
import type { Database } from './db/schema.ts';
import { auditHash, GENESIS_HASH, storedContent, verifyAuditChain } from './audit.ts';

/** A sentence naming the first broken link of the audit chain and what kind of break it is. */
export async function describeAuditBreak(
  db: Kysely<Database>,
  brokenAtId: number,
): Promise<string> {
  const row = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('id', '=', brokenAtId)
    .executeTakeFirst();
  if (!row) return `Audit chain broken at entry ${brokenAtId} (the entry is missing).`;
  const prev = await db
    .selectFrom('audit_log')
    .select(['id', 'hash'])
    .where('id', '<', brokenAtId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const expectedPrev = prev?.hash ?? GENESIS_HASH;
  const content = storedContent(row);
  const what = `entry ${row.id} (${content.at}, ${row.action} on ${row.entity_type} ${row.entity_id ?? '-'})`;
  if (row.prev_hash !== expectedPrev)
    return `First broken link: ${what}: its prev_hash does not match the hash of ${prev ? `entry ${prev.id}` : 'the genesis'}; an entry before it was removed, inserted or rewritten.`;
  const recomputed = auditHash(row.prev_hash, content);
  return `First broken link: ${what}: its content no longer matches its hash (stored ${row.hash.slice(0, 16)}…, recomputed ${recomputed.slice(0, 16)}…); the entry was edited after it was written.`;
}

/** The chain recomputed now, with the sentence the CLI prints (the admin audit screen shows the same). */
export async function auditVerifyResult(db: Kysely<Database>): Promise<{
  ok: boolean;
  count: number | null;
  brokenAtId: number | null;
  text: string;
}> {
  const r = await verifyAuditChain(db);
  if (r.ok)
    return {
      ok: true,
      count: r.count,
      brokenAtId: null,
      text: `Audit chain intact: ${r.count} entries verified.`,
    };
  return {
    ok: false,
    count: null,
    brokenAtId: r.brokenAtId,
    text: await describeAuditBreak(db, r.brokenAtId),
  };
}

export async function auditVerifyReport(
  db: Kysely<Database>,
): Promise<{ ok: boolean; text: string }> {
  const { ok, text } = await auditVerifyResult(db);
  return { ok, text };
}
