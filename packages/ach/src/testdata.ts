// Locates the shared NACHA sample files for tests: `shared/` sits beside the repository root, so the
// path is resolved from this file (packages/ach/src) and never from an absolute location.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

export const TESTDATA_DIR = fileURLToPath(
  new URL('../../../../shared/ach-testdata/', import.meta.url),
);

export interface ManifestRow {
  file: string;
  expected: 'valid' | 'invalid' | 'lenient';
  description: string;
}

export function readManifest(): ManifestRow[] {
  const text = readFileSync(TESTDATA_DIR + 'MANIFEST.tsv', 'utf8');
  return text
    .split('\n')
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const [file, expected, description] = l.split('\t');
      if (expected !== 'valid' && expected !== 'invalid' && expected !== 'lenient')
        throw new Error(`bad manifest row: ${l}`);
      return { file: file!, expected, description: description ?? '' };
    });
}

/** latin1 keeps one character per byte, so non-ASCII bytes stay visible to the validator. */
export function readSample(file: string): string {
  const buf = readFileSync(TESTDATA_DIR + file);
  return (file.endsWith('.gz') ? gunzipSync(buf) : buf).toString('latin1');
}

/** Records of a NACHA text without line terminators or a final empty line. */
export function records(text: string): string[] {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
