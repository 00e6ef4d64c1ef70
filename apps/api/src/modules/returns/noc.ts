/**
 * Corrected data of a notification of change (addenda 98, positions 36-64), by change code, as NACHA lays it out:
 * C01 account (1-17); C02 routing (1-9); C03 routing (1-9) + account (13-29); C04 name (1-22); C05 transaction code
 * (1-2); C06 account (1-17) + transaction code (21-22); C07 routing (1-9) + account (10-26) + transaction code (27-28).
 */
export interface Correction {
  routingNumber: string | null;
  accountNumber: string | null;
  accountType: 'checking' | 'savings' | null;
  holderName: string | null;
}

const typeOf = (code: string): 'checking' | 'savings' | null => {
  const n = Number(code.trim());
  if ([22, 23, 24, 27, 28, 29].includes(n)) return 'checking';
  if ([32, 33, 34, 37, 38, 39].includes(n)) return 'savings';
  return null;
};

const part = (s: string, from: number, to: number) => s.slice(from - 1, to).trim() || null;

export const APPLICABLE_CHANGE_CODES = new Set(['C01', 'C02', 'C03', 'C04', 'C05', 'C06', 'C07']);

export function parseCorrection(changeCode: string, data: string): Correction {
  const none: Correction = {
    routingNumber: null,
    accountNumber: null,
    accountType: null,
    holderName: null,
  };
  switch (changeCode) {
    case 'C01':
      return { ...none, accountNumber: part(data, 1, 17) };
    case 'C02':
      return { ...none, routingNumber: part(data, 1, 9) };
    case 'C03':
      return { ...none, routingNumber: part(data, 1, 9), accountNumber: part(data, 13, 29) };
    case 'C04':
      return { ...none, holderName: part(data, 1, 22) };
    case 'C05':
      return { ...none, accountType: typeOf(data.slice(0, 2)) };
    case 'C06':
      return { ...none, accountNumber: part(data, 1, 17), accountType: typeOf(data.slice(20, 22)) };
    case 'C07':
      return {
        ...none,
        routingNumber: part(data, 1, 9),
        accountNumber: part(data, 10, 26),
        accountType: typeOf(data.slice(26, 28)),
      };
    default:
      return none;
  }
}

/** What staff may see: the account number only as its last four digits. */
export function correctionSummary(c: Correction) {
  return {
    routingNumber: c.routingNumber,
    accountLast4: c.accountNumber ? c.accountNumber.slice(-4) : null,
    accountType: c.accountType,
    holderName: c.holderName,
  };
}
