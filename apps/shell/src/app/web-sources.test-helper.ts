import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root, for tests that read the web apps' sources. */
export const repo = resolve(__dirname, '../../../..');

/** Where the code that ships to browsers lives (every federated app and the shared web packages). */
export const webSourceRoots = [
  'apps/shell/src',
  'apps/intake/src',
  'apps/approvals/src',
  'apps/finance/src',
  'apps/admin/src',
  'packages/ui/src',
  'packages/intake-form/src',
  'packages/api-client/src',
];

/**
 * Files under `dir` whose name matches `pattern`, leaving out tests, their helpers (*.test-helper.ts[x]) and type
 * declarations: none of them is part of a build that reaches a browser.
 */
export function shippedFiles(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory())
      return name === 'node_modules' || name === 'dist' ? [] : shippedFiles(path, pattern);
    return pattern.test(name) && !/\.test(-helper)?\.tsx?$/.test(name) && !name.endsWith('.d.ts')
      ? [path]
      : [];
  });
}
