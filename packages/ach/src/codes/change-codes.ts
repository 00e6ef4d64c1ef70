// Notification of change codes accepted in addenda 98 records, as in moov-io/ach: C01-C09, C13, C14
// (C10-C12 were retired by NACHA) and the refused-NOC codes C61-C69.

const DESCRIPTIONS: Record<string, string> = {
  C01: 'Incorrect DFI account number',
  C02: 'Incorrect routing number',
  C03: 'Incorrect routing number and DFI account number',
  C04: 'Incorrect individual name / receiving company name',
  C05: 'Incorrect transaction code',
  C06: 'Incorrect DFI account number and transaction code',
  C07: 'Incorrect routing number, DFI account number and transaction code',
  C08: 'Incorrect receiving DFI identification (IAT only)',
  C09: 'Incorrect individual identification number',
  C13: 'Addenda format error',
  C14: 'Incorrect SEC code for outbound international payment',
  C61: 'Misrouted notification of change',
  C62: 'Incorrect trace number',
  C63: 'Incorrect company identification number',
  C64: 'Incorrect individual identification number / identification number',
  C65: 'Incorrectly formatted corrected data',
  C66: 'Incorrect discretionary data',
  C67: 'Routing number not from original entry detail record',
  C68: 'DFI account number not from original entry detail record',
  C69: 'Incorrect transaction code',
};

export const CHANGE_CODES: ReadonlyMap<string, string> = new Map(Object.entries(DESCRIPTIONS));

export function isKnownChangeCode(code: string): boolean {
  return CHANGE_CODES.has(code);
}
