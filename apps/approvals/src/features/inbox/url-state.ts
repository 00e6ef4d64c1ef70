import { inboxQueues, inboxSorts } from '@hms/contracts/inbox';
import type { InboxQuery, InboxQueue, InboxSort } from '@hms/contracts/inbox';

const FILTER_KEYS = [
  'programId',
  'status',
  'risk',
  'minAmountCents',
  'maxAmountCents',
  'submittedFrom',
  'submittedTo',
  'deadline',
  'q',
] as const;

/** The inbox view lives in the URL (bookmarkable, shareable): read it back, ignoring anything malformed. */
export function queryFromParams(params: URLSearchParams): InboxQuery {
  const queue = params.get('queue');
  const sort = params.get('sort');
  const q: InboxQuery = {
    queue: (inboxQueues as readonly string[]).includes(queue ?? '')
      ? (queue as InboxQueue)
      : 'unassigned',
    sort: (inboxSorts as readonly string[]).includes(sort ?? '')
      ? (sort as InboxSort)
      : 'submitted_asc',
    limit: 25,
  };
  for (const key of FILTER_KEYS) {
    const v = params.get(key);
    if (v === null || v === '') continue;
    if (key === 'minAmountCents' || key === 'maxAmountCents') {
      if (/^\d+$/.test(v)) q[key] = Number(v);
    } else {
      (q as Record<string, unknown>)[key] = v;
    }
  }
  const cursor = params.get('cursor');
  if (cursor) q.cursor = cursor;
  return q;
}

export function paramsFromQuery(q: InboxQuery): URLSearchParams {
  const p = new URLSearchParams();
  p.set('queue', q.queue ?? 'unassigned');
  if (q.sort && q.sort !== 'submitted_asc') p.set('sort', q.sort);
  for (const key of FILTER_KEYS) {
    const v = q[key];
    if (v !== undefined && v !== '') p.set(key, String(v));
  }
  if (q.cursor) p.set('cursor', q.cursor);
  return p;
}
