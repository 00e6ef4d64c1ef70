import { containsLike } from './db/like.ts';

/**
 * A money list's search term read as what it could be: a reference, an amount in dollars, a trace number, or part
 * of a name. The finance lists and the reconciliation lists read it alike, so the same words find the same rows.
 */
export function readSearchTerm(q: string) {
  const amount = /^\$?\s*(\d{1,9})(?:\.(\d{1,2}))?$/.exec(q.replace(/,/g, ''));
  return {
    reference: q.toUpperCase(),
    cents: amount ? Number(amount[1]) * 100 + Number((amount[2] ?? '0').padEnd(2, '0')) : null,
    trace: /^\d{15}$/.test(q) ? q : null,
    like: containsLike(q),
  };
}
