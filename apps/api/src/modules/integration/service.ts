import type { Kysely } from 'kysely';
import type { JournalLine, JournalResponse } from '@hms/contracts/integration';
import type { Database } from '../../platform/db/schema.ts';
import { badRequest } from '../../platform/errors.ts';
import { toCsv } from '../../platform/csv.ts';
import * as readModels from '../read-models/service.ts';

/**
 * The general-ledger postings HMS causes, as balanced debit/credit pairs per program, day and kind:
 *  - payment (a first payment goes out on its effective date): DR 5100 Program benefit expense / CR 1010 Fund balance with Treasury
 *  - return  (the bank sends the money back, on the day the return is imported): DR 1010 / CR 2150 Returned payments payable
 *  - reissue (a replacement payment for a returned one goes out): DR 2150 / CR 1010 — reverses the liability of the return
 *    instead of counting the expense twice.
 */
export const ACCOUNTS = {
  expense: { account: '5100', accountName: 'Program benefit expense' },
  cash: { account: '1010', accountName: 'Fund balance with Treasury' },
  payable: { account: '2150', accountName: 'Returned payments payable' },
} as const;

const POSTINGS: Record<
  JournalLine['entryType'],
  { debit: keyof typeof ACCOUNTS; credit: keyof typeof ACCOUNTS }
> = {
  payment: { debit: 'expense', credit: 'cash' },
  return: { debit: 'cash', credit: 'payable' },
  reissue: { debit: 'payable', credit: 'cash' },
};

export async function journal(
  db: Kysely<Database>,
  timeZone: string,
  q: { from: string; to: string },
): Promise<JournalResponse> {
  if (q.from > q.to)
    throw badRequest('validation.date_range_reversed', 'The date range is reversed.', [
      { field: 'query.to', message: 'to must be on or after from.' },
    ]);
  const rows = await readModels.ledgerPostings(db, timeZone, q);
  const lines: JournalLine[] = [];
  for (const r of rows) {
    const cents = Number(r.cents);
    const post = POSTINGS[r.entry_type];
    const base = {
      date: r.date,
      programId: r.program_id,
      programSlug: r.slug,
      entryType: r.entry_type,
      count: Number(r.n),
    };
    lines.push({ ...base, ...ACCOUNTS[post.debit], debitCents: cents, creditCents: 0 });
    lines.push({ ...base, ...ACCOUNTS[post.credit], debitCents: 0, creditCents: cents });
  }
  const total = (k: 'debitCents' | 'creditCents') => lines.reduce((t, l) => t + l[k], 0);
  return {
    from: q.from,
    to: q.to,
    lines,
    totals: { debitCents: total('debitCents'), creditCents: total('creditCents') },
  };
}

/** Amounts in the CSV are decimal dollars (two places) computed from integer cents, never through floats. */
const dollars = (cents: number) =>
  `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

export function journalCsv(j: JournalResponse): string {
  const head = [
    'date',
    'program',
    'entry_type',
    'account',
    'account_name',
    'debit',
    'credit',
    'count',
  ];
  return toCsv([
    head,
    ...j.lines.map((l) => [
      l.date,
      l.programSlug,
      l.entryType,
      l.account,
      l.accountName,
      dollars(l.debitCents),
      dollars(l.creditCents),
      l.count,
    ]),
  ]);
}
