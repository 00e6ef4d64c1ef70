import type { ImportKind } from '@hms/contracts/imports';

/**
 * The export's address (GET /api/admin/exports/{kind}): the browser downloads it as a plain link, so the file streams
 * to disk and never sits whole in the page's memory.
 */
export function exportUrl(kind: ImportKind, fullAccountNumbers: boolean): string {
  return `/api/admin/exports/${kind}?fullAccountNumbers=${String(fullAccountNumbers)}`;
}
