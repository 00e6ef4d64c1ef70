import type { RowCheck } from './row-errors.ts';

/** What an earlier import made of an external id, or (hms) a record HMS made itself, as an export names it. */
export interface Known {
  external_id: string;
  entity_id: string;
  row_hash: string;
  hms?: boolean;
}

/**
 * What each external id of a batch stands for: the record an earlier import kept, or else, for an id an export
 * gave to something HMS made itself, the record `hmsRecords` makes of it.
 */
export async function knownRecords(
  records: readonly Known[],
  externalIds: readonly string[],
  hmsRecords: (externalIds: readonly string[]) => Promise<Known[]>,
): Promise<Map<string, Known>> {
  const recordOf = new Map<string, Known>(records.map((r) => [r.external_id, r]));
  for (const r of await hmsRecords(externalIds.filter((id) => !recordOf.has(id))))
    recordOf.set(r.external_id, r);
  return recordOf;
}

/**
 * A row naming a `noun` HMS made itself must come back as it was exported (an import changes only what imports
 * made): otherwise the row is refused on its external_id. True when it was.
 */
export function refuseChangedHmsRecord(
  check: RowCheck,
  record: Known | undefined,
  hash: string,
  noun: string,
): boolean {
  if (!record?.hms || record.row_hash === hash) return false;
  check.fail(
    'external_id',
    'import.hms_record_changed',
    `external_id "${check.value('external_id')}" is a ${noun} made in HMS, and an import does not change those. Change the ${noun} in HMS, or put the row back as it was exported.`,
  );
  return true;
}
