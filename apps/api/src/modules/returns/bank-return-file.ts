import { writeFile } from '@hms/ach/write';
import type { Addenda98, Addenda99, EntryDetail } from '@hms/ach/types';

/**
 * A bank's return / NOC file, as the RDFI sends the entries back to our ODFI: addenda 99 (returns) or 98 (NOCs, in a
 * COR batch), trace numbers starting with the RDFI's routing prefix. Production code, not a test fixture: the demo
 * seed's history (seed-history.ts) imports the files it writes through the returns service, and tests do the same.
 * `date` (YYYY-MM-DD) is the file's creation and effective date.
 */
export function returnFileFor(
  o: {
    odfiRouting: string;
    rdfiRouting?: string;
    returns?: Array<{ traceNumber: string; amountCents: number; code: string; savings?: boolean }>;
    nocs?: Array<{ traceNumber: string; code: string; correctedData: string }>;
    date?: string;
  },
  fileIdModifier = 'A',
): string {
  const rdfi = o.rdfiRouting ?? '011000015';
  const yymmdd = (o.date ?? '2026-11-27').slice(2).replace(/-/g, '');
  let n = 0;
  const trace = () => `${rdfi.slice(0, 8)}${String(++n).padStart(7, '0')}`;
  const header = (sec: string, description: string) => ({
    companyName: 'HMS BENEFITS',
    companyIdentification: '1234567890',
    standardEntryClassCode: sec,
    companyEntryDescription: description,
    effectiveEntryDate: yymmdd,
    odfiIdentification: rdfi.slice(0, 8),
  });
  /** An entry the bank sends back for one of ours: to our ODFI, no account, one addenda naming our entry's trace. */
  const entryBack = (
    entry: Pick<EntryDetail, 'transactionCode' | 'amount' | 'individualName'>,
    addenda:
      | Omit<Addenda99, 'originalRdfiIdentification' | 'traceNumber'>
      | Omit<Addenda98, 'originalRdfiIdentification' | 'traceNumber'>,
  ): EntryDetail => {
    const t = trace();
    return {
      ...entry,
      rdfiRouting: o.odfiRouting,
      dfiAccountNumber: '000000000',
      traceNumber: t,
      addenda: [{ ...addenda, originalRdfiIdentification: rdfi.slice(0, 8), traceNumber: t }],
    };
  };
  const batches = [];
  if (o.returns?.length) {
    batches.push({
      header: header('PPD', 'RETURN'),
      entries: o.returns.map((r) =>
        entryBack(
          {
            transactionCode: r.savings ? 31 : 21,
            amount: r.amountCents,
            individualName: 'RETURNED',
          },
          { typeCode: '99', returnCode: r.code, originalTraceNumber: r.traceNumber },
        ),
      ),
    });
  }
  if (o.nocs?.length) {
    batches.push({
      header: header('COR', 'NOC'),
      entries: o.nocs.map((c) =>
        entryBack(
          { transactionCode: 21, amount: 0, individualName: 'CHANGE' },
          {
            typeCode: '98',
            changeCode: c.code,
            originalTraceNumber: c.traceNumber,
            correctedData: c.correctedData,
          },
        ),
      ),
    });
  }
  return writeFile({
    header: {
      immediateDestination: o.odfiRouting,
      immediateOrigin: rdfi,
      fileCreationDate: yymmdd,
      fileCreationTime: '0900',
      fileIdModifier,
      immediateDestinationName: 'HMS ODFI',
      immediateOriginName: 'RDFI BANK',
    },
    batches,
  });
}
