// A small typed file used by tests: one PPD credit batch and one CCD debit batch with an addenda. Its file header and
// its PPD batch header are also the benchmark's (bench/ach/run.ts), so both write files addressed the same way.
import type { AchFile, BatchHeader, FileHeader } from './types.ts';

export function sampleFileHeader(): FileHeader {
  return {
    immediateDestination: '231380104',
    immediateOrigin: '121042882',
    fileCreationDate: '261125',
    fileCreationTime: '1955',
    fileIdModifier: 'A',
    immediateDestinationName: 'FEDERAL RESERVE BANK',
    immediateOriginName: 'HMS PAYMENTS',
  };
}

/** The sample originator's PPD benefit batch, paid out the day after the file is made. */
export function sampleBenefitBatchHeader(): BatchHeader {
  return {
    companyName: 'HMS BENEFITS',
    companyIdentification: '1234567890',
    standardEntryClassCode: 'PPD',
    companyEntryDescription: 'BENEFIT',
    effectiveEntryDate: '261126',
    odfiIdentification: '12104288',
  };
}

export function sampleFile(): AchFile {
  return {
    header: sampleFileHeader(),
    batches: [
      {
        header: sampleBenefitBatchHeader(),
        entries: [
          {
            transactionCode: 22,
            rdfiRouting: '231380104',
            dfiAccountNumber: '123456789',
            amount: 125_00,
            individualName: 'JANE DOE',
            traceNumber: '121042880000001',
          },
          {
            transactionCode: 32,
            rdfiRouting: '021000021',
            dfiAccountNumber: '987654321',
            amount: 99,
            individualName: 'JOHN ROE',
            traceNumber: '121042880000002',
          },
        ],
      },
      {
        header: {
          companyName: 'HMS FEES',
          companyIdentification: '1234567890',
          standardEntryClassCode: 'CCD',
          companyEntryDescription: 'FEES',
          effectiveEntryDate: '261126',
          odfiIdentification: '12104288',
        },
        entries: [
          {
            transactionCode: 27,
            rdfiRouting: '231380104',
            dfiAccountNumber: '555',
            amount: 1_000_000_00,
            individualName: 'ACME CORP',
            traceNumber: '121042880000003',
            addenda: [{ typeCode: '05', paymentRelatedInformation: 'INVOICE 42' }],
          },
        ],
      },
    ],
  };
}
