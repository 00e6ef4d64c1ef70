import { writeFile } from '@hms/ach/write';
import type { EntryDetail } from '@hms/ach/types';

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
  const batches = [];
  if (o.returns?.length) {
    batches.push({
      header: header('PPD', 'RETURN'),
      entries: o.returns.map((r): EntryDetail => {
        const t = trace();
        return {
          transactionCode: r.savings ? 31 : 21,
          rdfiRouting: o.odfiRouting,
          dfiAccountNumber: '000000000',
          amount: r.amountCents,
          individualName: 'RETURNED',
          traceNumber: t,
          addenda: [
            {
              typeCode: '99',
              returnCode: r.code,
              originalTraceNumber: r.traceNumber,
              originalRdfiIdentification: rdfi.slice(0, 8),
              traceNumber: t,
            },
          ],
        };
      }),
    });
  }
  if (o.nocs?.length) {
    batches.push({
      header: header('COR', 'NOC'),
      entries: o.nocs.map((c): EntryDetail => {
        const t = trace();
        return {
          transactionCode: 21,
          rdfiRouting: o.odfiRouting,
          dfiAccountNumber: '000000000',
          amount: 0,
          individualName: 'CHANGE',
          traceNumber: t,
          addenda: [
            {
              typeCode: '98',
              changeCode: c.code,
              originalTraceNumber: c.traceNumber,
              originalRdfiIdentification: rdfi.slice(0, 8),
              correctedData: c.correctedData,
              traceNumber: t,
            },
          ],
        };
      }),
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
