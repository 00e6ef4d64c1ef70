import type { Kysely } from 'kysely';
import type { AuditFilters, AuditPage, AuditVerification } from '@hms/contracts/audit';
import { auditActionLabels } from '@hms/contracts/labels';
import { isAuditAction } from '@hms/contracts/audit';
import { auditUserChange } from '../../platform/audit.ts';
import { allAuditEntries, searchAudit } from '../../platform/audit-search.ts';
import { auditVerifyResult } from '../../platform/audit-verify.ts';
import type { AuthUser } from '../../platform/auth/sessions.ts';
import { toCsv } from '../../platform/csv.ts';
import type { Database } from '../../platform/db/schema.ts';

/**
 * The audit log for administrators (issue 11, item 7): a read model over platform/audit.ts's table. It writes only
 * through appendAudit (an export is itself recorded).
 */
export function search(
  db: Kysely<Database>,
  timeZone: string,
  q: AuditFilters & { cursor?: string | undefined; limit: number },
): Promise<AuditPage> {
  const { cursor, limit, ...filters } = q;
  return searchAudit(db, filters, { cursor, limit }, timeZone);
}

const CSV_HEADER = [
  'entry',
  'at_utc',
  'actor_kind',
  'actor_id',
  'actor_name',
  'actor_email',
  'action',
  'action_label',
  'entity_type',
  'entity_id',
  'ip',
  'data',
];

/** Only the filters that were given, for the file name and the export's own audit entry. */
function givenFilters(f: AuditFilters): Partial<AuditFilters> {
  return Object.fromEntries(
    Object.entries(f).filter(([, v]) => v !== undefined && v !== ''),
  ) as Partial<AuditFilters>;
}

/**
 * Every entry matching the filters (the same ones as the search, without paging), newest first, as CSV. The export
 * is audited with its filters and row count.
 */
export async function exportCsv(
  db: Kysely<Database>,
  timeZone: string,
  user: AuthUser,
  filters: AuditFilters,
  ip: string | null,
): Promise<{ csv: string; rows: number }> {
  const lines: (string | number | null)[][] = [CSV_HEADER];
  for await (const e of allAuditEntries(db, filters, timeZone)) {
    lines.push([
      e.id,
      e.at,
      e.actor.kind,
      e.actor.id,
      e.actor.name,
      e.actor.email,
      e.action,
      isAuditAction(e.action) ? auditActionLabels[e.action].en : e.action,
      e.entityType,
      e.entityId,
      e.ip,
      JSON.stringify(e.data),
    ]);
  }
  const rows = lines.length - 1;
  await db.transaction().execute((trx) =>
    auditUserChange(trx, { id: user.id, ip }, 'audit_log.exported', 'audit_log', null, {
      filters: givenFilters(filters),
      rows,
    }),
  );
  return { csv: toCsv(lines), rows };
}

/** The chain recomputed now: the same check and sentence as `pnpm hms audit verify`. */
export async function verification(db: Kysely<Database>): Promise<AuditVerification> {
  return { ...(await auditVerifyResult(db)), checkedAt: new Date().toISOString() };
}
