import { auditActionLabels } from '@hms/contracts/labels';
import { isAuditAction } from '@hms/contracts/audit';
import { ScrollableTable, formatDateTime, useLanguage, useT } from '@hms/ui';
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

export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  const tr = useT(auditMessages);
  const { language } = useLanguage();
  return (
    <ScrollableTable caption={tr('caption')} captionId="audit-caption">
      <thead>
        <tr>
          <th scope="col" className="text-right">
            {tr('colEntry')}
          </th>
          <th scope="col">{tr('colWhen')}</th>
          <th scope="col">{tr('colWho')}</th>
          <th scope="col">{tr('colWhat')}</th>
          <th scope="col">{tr('colRecord')}</th>
          <th scope="col">{tr('colDetails')}</th>
          <th scope="col">{tr('colFrom')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id}>
            <td className="text-right text-tabular">{e.id}</td>
            <td>{formatDateTime(e.at, language)}</td>
            <td>
              {e.actor.name ?? tr(`kind_${e.actor.kind}`)}
              {e.actor.email ? (
                <>
                  <br />
                  <span className="font-mono-xs">{e.actor.email}</span>
                </>
              ) : null}
            </td>
            <th scope="row">
              {isAuditAction(e.action) ? auditActionLabels[e.action][language] : e.action}
              <br />
              <span className="font-mono-xs">{e.action}</span>
            </th>
            <td>
              {e.entityType}
              {e.entityId ? (
                <>
                  <br />
                  <span className="font-mono-xs text-wrap">{e.entityId}</span>
                </>
              ) : null}
            </td>
            <td className="text-wrap">
              {Object.keys(e.data).length === 0 ? (
                tr('none')
              ) : (
                <ul className="usa-list usa-list--unstyled font-mono-xs">
                  {detailLines(e.data).map((l, i) => (
                    <li key={i}>{l}</li>
                  ))}
                </ul>
              )}
            </td>
            <td className="font-mono-xs">{e.ip ?? tr('none')}</td>
          </tr>
        ))}
      </tbody>
    </ScrollableTable>
  );
}
