import { describe, expect, it } from 'vitest';
import { paramsFromQuery, queryFromParams } from './url-state.ts';

describe('inbox URL state', () => {
  it('round-trips every filter through the URL', () => {
    const q = queryFromParams(
      new URLSearchParams(
        'queue=mine&sort=amount_desc&programId=p1&status=in_review&risk=high&minAmountCents=100&maxAmountCents=900&submittedFrom=2026-01-01&submittedTo=2026-02-01&deadline=overdue&q=Maria&cursor=abc',
      ),
    );
    expect(q).toEqual({
      queue: 'mine',
      sort: 'amount_desc',
      limit: 25,
      programId: 'p1',
      status: 'in_review',
      risk: 'high',
      minAmountCents: 100,
      maxAmountCents: 900,
      submittedFrom: '2026-01-01',
      submittedTo: '2026-02-01',
      deadline: 'overdue',
      q: 'Maria',
      cursor: 'abc',
    });
    expect(queryFromParams(paramsFromQuery(q))).toEqual(q);
  });

  it('falls back to the unassigned queue and ignores malformed values', () => {
    expect(queryFromParams(new URLSearchParams('queue=bogus&sort=x&minAmountCents=12abc'))).toEqual(
      { queue: 'unassigned', sort: 'submitted_asc', limit: 25 },
    );
  });
});
