import { writeFile } from '@hms/ach/write';
import type { EntryDetail } from '@hms/ach/types';

/**
 * A bank's return / NOC file for tests and the demo: the RDFI sends the entries back to our ODFI with addenda 99
 * (returns) or 98 (NOCs, in a COR batch), trace numbers starting with the RDFI's routing prefix.
 */
export function returnFileFor(
  o: {
    odfiRouting: string;
    rdfiRouting?: string;
    returns?: Array<{ traceNumber: string; amountCents: number; code: string; savings?: boolean }>;
    nocs?: Array<{ traceNumber: string; code: string; correctedData: string }>;
  },
  fileIdModifier = 'A',
): string {
  const rdfi = o.rdfiRouting ?? '011000015';
  let n = 0;
  const trace = () => `${rdfi.slice(0, 8)}${String(++n).padStart(7, '0')}`;
  const header = (sec: string, description: string) => ({
    companyName: 'HMS BENEFITS',
    companyIdentification: '1234567890',
    standardEntryClassCode: sec,
    companyEntryDescription: description,
    effectiveEntryDate: '261127',
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
      fileCreationDate: '261127',
      fileCreationTime: '0900',
      fileIdModifier,
      immediateDestinationName: 'HMS ODFI',
      immediateOriginName: 'RDFI BANK',
    },
    batches,
  });
}
