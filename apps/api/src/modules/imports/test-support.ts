import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import { expect } from 'vitest';
import type { ImportKind, ImportReport } from '@hms/contracts/imports';
import type { Database } from '../../platform/db/schema.ts';

/** The documented sample files (docs/samples): the payees and requests an agency would import first. */
export const SAMPLES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../../docs/samples',
);

/** Every table's row count and the audit chain's head: "changes nothing" in the test's eyes. */
export async function snapshotOf(db: Kysely<Database>) {
  const { rows: tables } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(
    db,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const { rows } = await sql<{ n: string }>`select count(*) as n from ${sql.table(name)}`.execute(
      db,
    );
    counts[name] = Number(rows[0]!.n);
  }
  const head = await db
    .selectFrom('audit_log')
    .select('hash')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return { counts, head: head?.hash ?? null };
}

/** The record an imported row left (by its kind and the id in the agency's file): the HMS row it became, its run and file. */
export function importedRecord(db: Kysely<Database>, kind: ImportKind, externalId: string) {
  return db
    .selectFrom('imported_records')
    .selectAll()
    .where('kind', '=', kind)
    .where('external_id', '=', externalId)
    .executeTakeFirstOrThrow();
}

const byText = (a: string, b: string) => a.localeCompare(b);

/** The report's errors as `line:field:code`, sorted: what a test compares. */
export const codesByRow = (r: ImportReport) =>
  r.errors.map((e) => `${e.row}:${e.field}:${e.code}`).sort(byText);

/** The report's errors are these `line:field:code`, in any order. */
export function expectCodesByRow(report: ImportReport, expected: readonly string[]): void {
  expect(codesByRow(report)).toEqual([...expected].sort(byText));
}

/** The report counts every row once (created, updated, unchanged or rejected) and each error says what is wrong. */
export function expectEveryRowAccounted(report: ImportReport): void {
  expect(report.rows).toBe(report.created + report.updated + report.unchanged + report.rejected);
  for (const e of report.errors) expect(e.message).toMatch(/\w/);
}
