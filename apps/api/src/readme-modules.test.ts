import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The README's map of the API is how a newcomer finds a module; it must name every module folder and no other.
const repoRoot = new URL('../../../', import.meta.url);

function modulesNamedInReadme(): string[] {
  const readme = readFileSync(new URL('README.md', repoRoot), 'utf8');
  const block = /^ {2}modules\/(?<list>[\s\S]*?)^ {2}platform\//m.exec(readme)?.groups?.list;
  if (!block) throw new Error('README.md has no "  modules/ … platform/" block in its layout');
  // Each entry is "name" or "name (what it holds)", separated by "·"; parentheses never hold a "·".
  return block
    .replace(/\([^)]*\)/g, '')
    .split('·')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .sort();
}

describe('README module list', () => {
  it('names exactly the folders under apps/api/src/modules', () => {
    const folders = readdirSync(new URL('apps/api/src/modules/', repoRoot), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect(modulesNamedInReadme()).toEqual(folders);
  });
});
