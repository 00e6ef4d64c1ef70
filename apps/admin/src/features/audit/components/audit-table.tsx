import { auditActionLabels } from '@hms/contracts/labels';
import { isAuditAction } from '@hms/contracts/audit';
import { DataTable, formatDateTime, useLanguage, useT } from '@hms/ui';
import type { AuditEntry } from '../api/audit.ts';
import { auditMessages } from '../messages.ts';

const value = (v: unknown): string =>
  v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v);

/** An entry's data as short "key: value" lines; a change list (settings) as "field: before → after". */
export function detailLines(data: Record<string, unknown>): string[] {
  const lines: string[] = [];
  for (const [k, v] of Object.entries(data)) {
    if (k === 'changes' && v && typeof v === 'object') {
      for (const [field, c] of Object.entries(
        v as Record<string, { before: unknown; after: unknown }>,
      ))
        lines.push(`${field}: ${value(c?.before)} → ${value(c?.after)}`);
    } else lines.push(`${k}: ${value(v)}`);
  }
  return lines;
}

/** A cell's text, then (when there is one) a code or address under it in small monospace. */
function SecondLine({
  first,
  code,
  wrap,
}: {
  first: string;
  code?: string | null;
  wrap?: boolean;
}) {
  return (
    <>
      {first}
      {code ? (
        <>
          <br />
          <span className={wrap ? 'font-mono-xs text-wrap' : 'font-mono-xs'}>{code}</span>
        </>
      ) : null}
    </>
  );
}

export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  const tr = useT(auditMessages);
  const { language } = useLanguage();
  return (
    <DataTable
      caption={tr('caption')}
      rows={entries}
      columns={[
        { header: tr('colEntry'), numeric: true, cell: (e) => e.id },
        { header: tr('colWhen'), cell: (e) => formatDateTime(e.at, language) },
        {
          header: tr('colWho'),
          cell: (e) => (
            <SecondLine first={e.actor.name ?? tr(`kind_${e.actor.kind}`)} code={e.actor.email} />
          ),
        },
        {
          header: tr('colWhat'),
          rowHeader: true,
          cell: (e) => (
            <SecondLine
              first={isAuditAction(e.action) ? auditActionLabels[e.action][language] : e.action}
              code={e.action}
            />
          ),
        },
        {
          header: tr('colRecord'),
          cell: (e) => <SecondLine first={e.entityType} code={e.entityId} wrap />,
        },
        {
          header: tr('colDetails'),
          className: 'text-wrap',
          cell: (e) =>
            Object.keys(e.data).length === 0 ? (
              tr('none')
            ) : (
              <ul className="usa-list usa-list--unstyled font-mono-xs">
                {detailLines(e.data).map((l, i) => (
                  <li key={i}>{l}</li>
                ))}
              </ul>
            ),
        },
        {
          header: tr('colFrom'),
          className: 'font-mono-xs',
          cell: (e) => e.ip ?? tr('none'),
        },
      ]}
    />
  );
}
