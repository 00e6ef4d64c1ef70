import { createHash } from 'node:crypto';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { AuditAction } from '@hms/contracts/audit';
import type { AuditLogTable, Database } from './db/schema.ts';

export interface AuditEntry {
  actorId: string | null;
  actorKind: 'user' | 'system' | 'token' | 'anonymous';
  /** One of the known actions, each with a plain-language label for the staff screens. */
  action: AuditAction;
  entityType: string;
  entityId: string | null;
  data?: Record<string, unknown>;
  ip?: string | null;
  /**
   * When it happened, when that is not now: the demo seed replays months of history through the services, each
   * step at its own past instant (seed-history.ts). Real work leaves it out.
   */
  at?: Date | undefined;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level, so the same row always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
    .join(',')}}`;
}

export function auditHash(prevHash: string, row: Record<string, unknown>): string {
  return createHash('sha256')
    .update(prevHash + canonicalJson(row))
    .digest('hex');
}

// Any constant: serialises appenders so two transactions never chain onto the same prev_hash.
const AUDIT_LOCK_KEY = 7_301_001;

/**
 * Appends one entry inside the caller's transaction, so the audit row commits or rolls back with the change it
 * records. hash = sha256(prev_hash + canonical JSON of the row's content).
 */
export async function appendAudit(trx: Transaction<Database>, entry: AuditEntry): Promise<void> {
  await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx);
  const prev = await trx
    .selectFrom('audit_log')
    .select('hash')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const prevHash = prev?.hash ?? GENESIS_HASH;
  // Millisecond precision so the value read back from timestamptz (microseconds) is the same one hashed.
  const at = new Date(Math.floor((entry.at ?? new Date()).getTime()));
  const content = {
    at: at.toISOString(),
    actorId: entry.actorId,
    actorKind: entry.actorKind,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    data: entry.data ?? {},
    ip: entry.ip ?? null,
  };
  await trx
    .insertInto('audit_log')
    .values({
      at,
      actor_id: entry.actorId,
      actor_kind: entry.actorKind,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      data: JSON.stringify(content.data),
      ip: content.ip,
      prev_hash: prevHash,
      hash: auditHash(prevHash, content),
    })
    .execute();
}

/** Who did it, for the entry of a signed-in person's action: their user id and the address they came from. */
export interface AuditUser {
  id: string;
  ip?: string | null | undefined;
}

/** The caller of a service (a signed-in person and their address) as the audit log names them. */
export const auditUserOf = (caller: { user: { id: string }; ip: string | null }): AuditUser => ({
  id: caller.user.id,
  ip: caller.ip,
});

/** A signed-in person's action on one entity (or on none), in the audit log; `data` says what changed. */
export function auditUserChange(
  trx: Transaction<Database>,
  user: AuditUser,
  action: AuditAction,
  entityType: string,
  entityId: string | null,
  data: Record<string, unknown> = {},
): Promise<void> {
  return appendAudit(trx, {
    actorId: user.id,
    actorKind: 'user',
    action,
    entityType,
    entityId,
    data,
    ip: user.ip ?? null,
  });
}

/** What a stored entry's hash covers, read back from its row: the content appendAudit hashed when it wrote it. */
export function storedContent(r: Selectable<AuditLogTable>) {
  return {
    at: new Date(r.at).toISOString(),
    actorId: r.actor_id,
    actorKind: r.actor_kind,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    data: r.data,
    ip: r.ip,
  };
}

/** Recomputes the chain; returns the id of the first broken row, or null when the chain is intact. */
export async function verifyAuditChain(
  db: Kysely<Database>,
): Promise<{ ok: true; count: number } | { ok: false; brokenAtId: number }> {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('id').execute();
  let prevHash = GENESIS_HASH;
  for (const r of rows) {
    if (r.prev_hash !== prevHash || auditHash(prevHash, storedContent(r)) !== r.hash)
      return { ok: false, brokenAtId: r.id };
    prevHash = r.hash;
  }
  return { ok: true, count: rows.length };
}
