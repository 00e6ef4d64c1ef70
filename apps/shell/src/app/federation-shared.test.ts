import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { federationShared, sharedUsedExports } from '../../../../federation.shared.mjs';
import { repo, shippedFiles, webSourceRoots } from './web-sources.test-helper.ts';

// Guards the tree-shaken shared singletons (see federation.shared.mjs): if any app imports an export that
// the shared block does not list, the federation runtime would load a second, full copy of the package
// (a second router context) at run time. This test turns that silent break into a failing build.
function importedNames(source: string, pkg: string): string[] {
  const escaped = pkg.replace(/[/.]/g, '\\$&');
  const pattern = new RegExp(`import\\s+(type\\s+)?\\{([^}]*)\\}\\s+from\\s+'${escaped}'`, 'g');
  const names: string[] = [];
  for (const match of source.matchAll(pattern)) {
    if (match[1]) continue; // `import type { … }` is erased at build time.
    for (const part of (match[2] ?? '').split(',')) {
      const name = part.trim();
      if (name && !name.startsWith('type ')) names.push(name.split(/\s+as\s+/)[0]!.trim());
    }
  }
  return names;
}

describe('tree-shaken shared singletons', () => {
  const files = webSourceRoots.flatMap((root) => shippedFiles(join(repo, root), /\.tsx?$/));

  it('finds the web sources it checks', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  for (const pkg of Object.keys(sharedUsedExports) as (keyof typeof sharedUsedExports)[]) {
    it(`lists every export of ${pkg} that the apps import`, () => {
      const allowed = new Set<string>(sharedUsedExports[pkg]);
      const missing = files.flatMap((file) =>
        importedNames(readFileSync(file, 'utf8'), pkg)
          .filter((name) => !allowed.has(name))
          .map((name) => `${name} (${file.slice(repo.length + 1)})`),
      );
      expect(missing).toEqual([]);
      expect(federationShared[pkg].treeShaking.usedExports).toBe(sharedUsedExports[pkg]);
    });

    it(`has no namespace or default import of ${pkg} (which needs the full bundle)`, () => {
      const pattern = new RegExp(
        `import\\s+(\\*\\s+as\\s+\\w+|\\w+)\\s*(,|from)\\s*'${pkg.replace(/[/.]/g, '\\$&')}'`,
      );
      expect(files.filter((file) => pattern.test(readFileSync(file, 'utf8')))).toEqual([]);
    });
  }
});
