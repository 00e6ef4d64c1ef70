// Transaction codes (entry detail positions 2-3), as moov-io/ach accepts them. The second digit says
// what the entry does: 1-4 credit side (1 return/NOC, 2 live, 3 prenote, 4 zero-dollar with
// remittance), 6-9 debit side (6 return/NOC, 7 live, 8 prenote, 9 zero-dollar).

export interface TransactionCodeInfo {
  account: 'checking' | 'savings' | 'generalLedger' | 'loan';
  direction: 'credit' | 'debit';
  kind: 'returnOrNoc' | 'live' | 'prenote' | 'zeroDollar';
}

const ACCOUNTS = { 2: 'checking', 3: 'savings', 4: 'generalLedger', 5: 'loan' } as const;
const KINDS = { 1: 'returnOrNoc', 2: 'live', 3: 'prenote', 4: 'zeroDollar' } as const;

function build(): Map<number, TransactionCodeInfo> {
  const map = new Map<number, TransactionCodeInfo>();
  for (const [tens, account] of Object.entries(ACCOUNTS)) {
    for (const [unit, kind] of Object.entries(KINDS)) {
      const u = Number(unit);
      map.set(Number(tens) * 10 + u, { account, direction: 'credit', kind });
      map.set(Number(tens) * 10 + u + 5, { account, direction: 'debit', kind });
    }
  }
  // Loans cannot receive debit prenotes/zero-dollar debits (58, 59) or zero-dollar credits (54).
  map.delete(54);
  map.delete(58);
  map.delete(59);
  return map;
}

export const TRANSACTION_CODES: ReadonlyMap<number, TransactionCodeInfo> = build();

export function isCredit(code: number): boolean {
  return TRANSACTION_CODES.get(code)?.direction === 'credit';
}

export function isDebit(code: number): boolean {
  return TRANSACTION_CODES.get(code)?.direction === 'debit';
}

/** Prenotes and zero-dollar entries must carry an amount of $0. */
export function mustBeZeroAmount(code: number): boolean {
  const kind = TRANSACTION_CODES.get(code)?.kind;
  return kind === 'prenote' || kind === 'zeroDollar';
}
