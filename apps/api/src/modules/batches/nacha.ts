import type { AchFile, Batch, EntryDetail } from '@hms/ach/types';
import type { OriginatorConfig } from '../../platform/config.ts';

export interface NachaEntryInput {
  programSlug: string;
  /** The program's own company entry description; null: the originator's (the agency default). */
  entryDescription: string | null;
  secCode: 'PPD' | 'CCD';
  kind: 'payment' | 'prenote';
  accountType: 'checking' | 'savings';
  routingNumber: string;
  accountNumber: string;
  amountCents: number;
  holderName: string;
  reference: string;
  traceNumber: string;
}

/** Credit transaction codes: 22/32 live credit to checking/savings, 23/33 their zero-dollar prenotes. */
export function transactionCode(
  kind: 'payment' | 'prenote',
  accountType: 'checking' | 'savings',
): number {
  return (accountType === 'checking' ? 20 : 30) + (kind === 'payment' ? 2 : 3);
}

/** NACHA alphanumeric fields: upper case ASCII; anything else (accents, symbols) becomes its base letter or a space. */
export function achText(value: string, max: number): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9 &.,'-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max);
}

/** YYYY-MM-DD → YYMMDD */
export const yymmdd = (date: string) => date.slice(2).replace(/-/g, '');

/** One NACHA batch per program (its SEC code and discretionary data), entries in ascending trace order. */
export function buildAchFile(input: {
  originator: OriginatorConfig;
  fileDate: string;
  fileTime: string;
  fileIdModifier: string;
  effectiveDate: string;
  entries: NachaEntryInput[];
}): AchFile {
  const o = input.originator;
  const byProgram = new Map<string, NachaEntryInput[]>();
  for (const e of [...input.entries].sort((a, b) => (a.traceNumber < b.traceNumber ? -1 : 1))) {
    const list = byProgram.get(e.programSlug) ?? [];
    list.push(e);
    byProgram.set(e.programSlug, list);
  }
  const batches: Batch[] = [...byProgram.entries()].map(([slug, entries]) => ({
    header: {
      companyName: o.companyName,
      companyDiscretionaryData: achText(slug, 20),
      companyIdentification: o.companyId,
      standardEntryClassCode: entries[0]!.secCode,
      companyEntryDescription: entries.every((e) => e.kind === 'prenote')
        ? 'PRENOTE'
        : (entries[0]!.entryDescription ?? o.entryDescription),
      effectiveEntryDate: yymmdd(input.effectiveDate),
      originatorStatusCode: '1',
      odfiIdentification: o.odfiRouting.slice(0, 8),
    },
    entries: entries.map((e): EntryDetail => ({
      transactionCode: transactionCode(e.kind, e.accountType),
      rdfiRouting: e.routingNumber,
      dfiAccountNumber: e.accountNumber,
      amount: e.kind === 'prenote' ? 0 : e.amountCents,
      individualIdentificationNumber: achText(e.reference, 15),
      individualName: achText(e.holderName, 22) || 'PAYEE',
      traceNumber: e.traceNumber,
    })),
  }));
  return {
    header: {
      immediateDestination: o.immediateDestination,
      immediateOrigin: o.immediateOrigin,
      fileCreationDate: yymmdd(input.fileDate),
      fileCreationTime: input.fileTime,
      fileIdModifier: input.fileIdModifier,
      immediateDestinationName: o.immediateDestinationName,
      immediateOriginName: o.immediateOriginName,
    },
    batches,
  };
}

export const FILE_ID_MODIFIERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
