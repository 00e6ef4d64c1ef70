import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli.ts';
import { TESTDATA_DIR } from './testdata.ts';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('hms-ach CLI', () => {
  it('validate exits 0 with an empty report for a valid file', () => {
    const r = runCli(['validate', TESTDATA_DIR + 'ppd-debit.ach'], REPO_ROOT);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ valid: true, errors: [], warnings: [] });
  });

  it('validate exits 1 and lists errors; --lenient turns tolerated rules into warnings', () => {
    const strict = runCli(['validate', '../shared/ach-testdata/issue1620.ach'], REPO_ROOT);
    expect(strict.code).toBe(1);
    expect(JSON.parse(strict.stdout).errors).toEqual([
      expect.objectContaining({ line: 5, rule: 'file-batch-count' }),
    ]);
    const lenient = runCli(
      ['validate', '../shared/ach-testdata/issue1620.ach', '--lenient'],
      REPO_ROOT,
    );
    expect(lenient.code).toBe(0);
    expect(JSON.parse(lenient.stdout)).toMatchObject({
      valid: true,
      errors: [],
      warnings: [{ rule: 'file-batch-count' }],
    });
  });

  it('parse lists returns with R-code and original trace, and NOCs with C-code and corrected data', () => {
    const returns = JSON.parse(
      runCli(['parse', TESTDATA_DIR + 'return-WEB.ach'], REPO_ROOT).stdout,
    );
    expect(
      returns.returns.map((r: { returnCode: string; originalTraceNumber: string }) => [
        r.returnCode,
        r.originalTraceNumber,
      ]),
    ).toEqual([
      ['R01', '091400600000001'],
      ['R03', '091400600000003'],
    ]);
    const nocs = JSON.parse(runCli(['parse', TESTDATA_DIR + 'cor-read.ach'], REPO_ROOT).stdout);
    expect(nocs.changes).toEqual([
      expect.objectContaining({ changeCode: 'C01', correctedData: '1918171614' }),
    ]);
    expect(nocs.file.batches[0].header.standardEntryClassCode).toBe('COR');
  });

  it('usage errors exit 2 with a message on stderr', () => {
    for (const argv of [
      [],
      ['validate'],
      ['frobnicate', 'x.ach'],
      ['validate', 'a', 'b'],
      ['validate', 'x.ach', '--strict'],
    ]) {
      const r = runCli(argv, REPO_ROOT);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/usage|unknown option/);
      expect(r.stdout).toBe('');
    }
    expect(runCli(['validate', 'no/such/file.ach'], REPO_ROOT)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('cannot read'),
    });
  });

  it('runs as the built bin (node_modules/.bin/hms-ach, what npx runs) from the repo root with exit codes', () => {
    const run = (args: string[]): number => {
      try {
        execFileSync('node_modules/.bin/hms-ach', args, {
          cwd: REPO_ROOT,
          stdio: 'pipe',
        });
        return 0;
      } catch (err) {
        return (err as { status: number }).status;
      }
    };
    expect(run(['validate', '../shared/ach-testdata/ppd-credit.ach'])).toBe(0);
    expect(run(['validate', '../shared/ach-testdata/short-line.ach', '--lenient'])).toBe(1);
    expect(run(['validate'])).toBe(2);
  });
});
