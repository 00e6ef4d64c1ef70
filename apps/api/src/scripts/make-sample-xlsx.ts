// Writes docs/samples/payees.xlsx: the rows of docs/samples/payees.csv, every cell as text, in the first sheet.
// Run from apps/api: node --import tsx src/scripts/make-sample-xlsx.ts
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { xlsxOf } from './sample-xlsx.ts';

const samples = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../docs/samples',
);
const rows: string[][] = parse(readFileSync(path.join(samples, 'payees.csv')), { bom: true });
const target = path.join(samples, 'payees.xlsx');
writeFileSync(target, await xlsxOf(rows, 'Payees'));
process.stdout.write(`Wrote ${target}\n`);
