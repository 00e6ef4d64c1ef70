// Return reason codes accepted in addenda 99 records, as in moov-io/ach's return code dictionary:
// R01-R53 (RDFI and ODFI returns), R61-R62 and R67-R70 (dishonored returns), R71-R77 (contested
// dishonored returns), R80-R85 (international returns).

export type ReturnKind = 'return' | 'dishonored' | 'contested';

const DESCRIPTIONS: Record<string, string> = {
  R01: 'Insufficient funds',
  R02: 'Account closed',
  R03: 'No account / unable to locate account',
  R04: 'Invalid account number',
  R05: 'Unauthorized debit to consumer account using corporate SEC code',
  R06: 'Returned per ODFI request',
  R07: 'Authorization revoked by customer',
  R08: 'Payment stopped',
  R09: 'Uncollected funds',
  R10: 'Customer advises not authorized',
  R11: 'Customer advises entry not in accordance with the terms of the authorization',
  R12: 'Branch sold to another DFI',
  R13: 'Invalid ACH routing number',
  R14: 'Representative payee deceased',
  R15: 'Beneficiary or account holder deceased',
  R16: 'Account frozen',
  R17: 'File record edit criteria',
  R18: 'Improper effective entry date',
  R19: 'Amount field error',
  R20: 'Non-transaction account',
  R21: 'Invalid company identification',
  R22: 'Invalid individual ID number',
  R23: 'Credit entry refused by receiver',
  R24: 'Duplicate entry',
  R25: 'Addenda error',
  R26: 'Mandatory field error',
  R27: 'Trace number error',
  R28: 'Routing number check digit error',
  R29: 'Corporate customer advises not authorized',
  R30: 'RDFI not participant in check truncation program',
  R31: 'Permissible return entry (CCD and CTX only)',
  R32: 'RDFI non-settlement',
  R33: 'Return of XCK entry',
  R34: 'Limited participation DFI',
  R35: 'Return of improper debit entry',
  R36: 'Return of improper credit entry',
  R37: 'Source document presented for payment',
  R38: 'Stop payment on source document',
  R39: 'Improper source document',
  R40: 'Return of ENR entry by federal government agency',
  R41: 'Invalid transaction code',
  R42: 'Routing number/check digit error',
  R43: 'Invalid DFI account number',
  R44: 'Invalid individual ID number',
  R45: 'Invalid individual name/company name',
  R46: 'Invalid representative payee indicator',
  R47: 'Duplicate enrollment',
  R50: 'State law affecting RCK acceptance',
  R51: 'Item related to RCK entry is ineligible',
  R52: 'Stop payment on item related to RCK entry',
  R53: 'Item and RCK entry presented for payment',
  R61: 'Misrouted return',
  R62: 'Return of erroneous or reversing debit',
  R67: 'Duplicate return',
  R68: 'Untimely return',
  R69: 'Field error(s)',
  R70: 'Permissible return entry not accepted / return not requested by ODFI',
  R71: 'Misrouted dishonored return',
  R72: 'Untimely dishonored return',
  R73: 'Timely original return',
  R74: 'Corrected return',
  R75: 'Return not a duplicate',
  R76: 'No errors found',
  R77: 'Non-acceptance of R62 dishonored return',
  R80: 'IAT entry coding error',
  R81: 'Non-participant in IAT program',
  R82: 'Invalid foreign receiving DFI identification',
  R83: 'Foreign receiving DFI unable to settle',
  R84: 'Entry not processed by gateway',
  R85: 'Incorrectly coded outbound international payment',
};

export const RETURN_CODES: ReadonlyMap<string, string> = new Map(Object.entries(DESCRIPTIONS));

export function isKnownReturnCode(code: string): boolean {
  return RETURN_CODES.has(code);
}

export function returnKind(code: string): ReturnKind {
  const n = Number(code.slice(1));
  if (n >= 71 && n <= 77) return 'contested';
  if (n === 61 || n === 62 || (n >= 67 && n <= 70)) return 'dishonored';
  return 'return';
}
