import { getQueryOptions, auditKeys, type QueryParams, type ResponseBody } from '@hms/api-client';

export type AuditQuery = QueryParams<'/api/admin/audit'>;
export type AuditPage = ResponseBody<'/api/admin/audit'>;
export type AuditEntry = AuditPage['items'][number];
export type AuditVerification = ResponseBody<'/api/admin/audit/verification'>;

/** One page of the audit log matching the filters (newest first). */
export function auditQueryOptions(q: AuditQuery) {
  return getQueryOptions(auditKeys.list(q), '/api/admin/audit', { params: { query: q } });
}

/** The hash chain checked now (the same check as `pnpm hms audit verify`). */
export function auditVerificationQueryOptions() {
  return getQueryOptions(auditKeys.verification(), '/api/admin/audit/verification');
}

/** The CSV export of exactly these filters: a plain link (GET with the session cookie), so the browser downloads it. */
export function auditExportHref(filters: Omit<AuditQuery, 'cursor' | 'limit'>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) p.set(k, String(v));
  const qs = p.toString();
  return `/api/admin/audit/export.csv${qs ? `?${qs}` : ''}`;
}
