// Standard Entry Class codes. PPD, CCD and WEB are what HMS originates; the others are read so that
// returns, NOCs (COR) and bank-produced files can be parsed and checked for structure.

export const ORIGINATED_SEC_CODES = ['PPD', 'CCD', 'WEB'] as const;

export const KNOWN_SEC_CODES: ReadonlySet<string> = new Set([
  'ACK',
  'ADV',
  'ARC',
  'ATX',
  'BOC',
  'CCD',
  'CIE',
  'COR',
  'CTX',
  'DNE',
  'ENR',
  'IAT',
  'MTE',
  'POP',
  'POS',
  'PPD',
  'RCK',
  'SHR',
  'TEL',
  'TRC',
  'TRX',
  'WEB',
  'XCK',
]);

/** Addenda type codes each SEC code may carry besides returns (99) and NOCs (98). */
export function allowedAddendaTypes(sec: string): ReadonlySet<string> {
  switch (sec) {
    case 'IAT':
      return new Set(['10', '11', '12', '13', '14', '15', '16', '17', '18']);
    case 'COR':
      return new Set();
    case 'POS':
    case 'SHR':
    case 'MTE':
      return new Set(['02']);
    default:
      return new Set(['05']);
  }
}

/** How many 05 addenda one entry may have (CTX and ENR carry remittance across many records). */
export function maxAddenda05(sec: string): number {
  return sec === 'CTX' || sec === 'ENR' ? 9999 : 1;
}
