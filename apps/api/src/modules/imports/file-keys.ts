import { sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { RowCheck } from './row-errors.ts';

/** What must be unique within one file: external ids, payees' emails, bank accounts (by fingerprint). */
export type FileKeyKind = 'external_id' | 'email' | 'account';

export interface FileKeyUse {
  kind: FileKeyKind;
  key: string;
  line: number;
  /** Kept with the first use and handed back with it (the payee's external id for an account). */
  extra?: string | null;
}

export interface FirstUse {
  line: number;
  extra: string | null;
}

const id = (kind: FileKeyKind, key: string) => `${kind}\u0000${key}`;

/** For each key of one batch, the line of the file that used it first: an earlier batch's, or this batch's own. */
export class FirstUses {
  constructor(private readonly first: Map<string, FirstUse>) {}

  /** The first use of a key the batch asked about; a line whose own use is the first is not a repeat. */
  of(kind: FileKeyKind, key: string): FirstUse | undefined {
    return this.first.get(id(kind, key));
  }
}

/**
 * The keys one file has used so far, each with the first line that used it. They are kept in a temporary table of
 * the import's transaction rather than in memory, so a file of any length imports in the same memory; the table
 * goes with the transaction (dropped at commit, undone with everything else by a dry run's rollback). Each batch is
 * one statement: it records the batch's new keys and reads back those an earlier batch already used.
 */
export class FileKeys {
  private created = false;

  /** Records the batch's uses (given in line order) and answers, for each key, where the file first used it. */
  async firsts(trx: Transaction<Database>, uses: readonly FileKeyUse[]): Promise<FirstUses> {
    const first = new Map<string, FirstUse>();
    const fresh: Array<Required<FileKeyUse>> = [];
    for (const u of uses) {
      const k = id(u.kind, u.key);
      if (first.has(k)) continue;
      first.set(k, { line: u.line, extra: u.extra ?? null });
      fresh.push({ ...u, extra: u.extra ?? null });
    }
    if (fresh.length === 0) return new FirstUses(first);
    if (!this.created) {
      // A hash index: keys are compared for equality only, and it takes a cell of any length (a b-tree refuses
      // entries over about 2.7 kB, and an invalid row's external_id can be that long).
      await sql`create temporary table import_file_keys
        (kind text not null, key text not null, line integer not null, extra text) on commit drop`.execute(
        trx,
      );
      await sql`create index on import_file_keys using hash (key)`.execute(trx);
      this.created = true;
    }
    // One parameter (JSON) whatever the batch size. Each key is looked up on its own (lateral, limit 1) so it is an
    // index probe: a join would let the planner, blind on a temporary table, scan the whole table once per batch,
    // which makes a large file quadratic. What comes back is the keys earlier batches used, with their first line.
    const { rows } = await sql<{
      kind: FileKeyKind;
      key: string;
      line: number;
      extra: string | null;
    }>`
      with batch as (
        select * from json_to_recordset(${JSON.stringify(fresh)}::json)
          as b(kind text, key text, line integer, extra text)
      ), known as materialized (
        select b.kind, b.key, b.line, b.extra, k.line as first_line, k.extra as first_extra
        from batch b left join lateral (
          select k.line, k.extra from import_file_keys k where k.key = b.key and k.kind = b.kind limit 1
        ) k on true
      ), added as (
        insert into import_file_keys (kind, key, line, extra)
        select kind, key, line, extra from known where first_line is null
      )
      select kind, key, first_line as line, first_extra as extra from known where first_line is not null`.execute(
      trx,
    );
    for (const r of rows) first.set(id(r.kind, r.key), { line: r.line, extra: r.extra });
    return new FirstUses(first);
  }
}

/** The row's external_id as a key to record (any row that has one, valid or not, so each repeat is said once). */
export function externalIdUse(check: RowCheck): FileKeyUse[] {
  const key = check.value('external_id');
  return key ? [{ kind: 'external_id', key, line: check.line }] : [];
}

/** A repeated external_id is reported on its line, naming the line it repeats. */
export function checkRepeatedExternalId(check: RowCheck, firsts: FirstUses, noun: string): void {
  const externalId = check.value('external_id');
  if (!externalId) return;
  const first = firsts.of('external_id', externalId);
  if (first && first.line !== check.line)
    check.fail(
      'external_id',
      'import.external_id_duplicate',
      `external_id "${externalId}" is already on line ${first.line}. Give each ${noun} its own external_id.`,
    );
}
