// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { compile } from 'sass';
import { describe, expect, it } from 'vitest';
import { sharedCss } from '../../../../federation.shared.mjs';
import { repo, shippedFiles, webSourceRoots } from './web-sources.test-helper.ts';

// uswds-theme.scss builds only the USWDS components and utility families named in it. A class used in the markup
// but left out of that build fails silently (the element is just unstyled), so every class the apps write must be
// defined by the build or by one of our own stylesheets.
const ui = join(repo, 'packages/ui/src');

/** Every class name written in a className attribute: string literals, template parts, both branches of a ?:. */
function classNamesIn(source: string): string[] {
  const names: string[] = [];
  for (const match of source.matchAll(/\bclass(?:Name)?=/g)) {
    let i = match.index + match[0].length;
    let value: string;
    if (source[i] === '"') {
      value = `"${source.slice(i + 1, source.indexOf('"', i + 1))}"`;
    } else if (source[i] === '{') {
      let depth = 0;
      const start = i;
      for (; i < source.length; i += 1) {
        if (source[i] === '{') depth += 1;
        else if (source[i] === '}' && (depth -= 1) === 0) break;
      }
      value = source.slice(start, i + 1);
    } else continue;
    // A literal compared with (`q.type === 'money' ? …`) is a value, not a class.
    for (const literal of value.matchAll(
      /(?<![!=]==\s*)(?:"([^"]*)"|'([^']*)'|`([^`]*)`)(?!\s*[!=]==)/g,
    )) {
      const text = (literal[1] ?? literal[2] ?? literal[3] ?? '').replace(/\$\{[^}]*\}/g, ' ');
      names.push(...text.split(/\s+/).filter((n) => /^[a-z][a-z0-9_:-]*$/.test(n)));
    }
  }
  return names;
}

// Classes that only name a part of the markup: USWDS's own element hooks that its CSS styles through the parent,
// and ours that the tests and the design use to find a list.
const MARKUP_ONLY = new Set([
  'usa-nav-link',
  'usa-summary-box__body',
  'usa-step-indicator__heading-counter',
  'usa-step-indicator__heading-text',
  'hms-answers',
  'hms-check-answers',
]);

describe('the USWDS build', () => {
  const css = compile(join(ui, 'uswds-theme.scss'), {
    loadPaths: sharedCss.preprocessorOptions.scss.loadPaths,
    style: 'compressed',
    quietDeps: true,
  }).css;
  const ours = shippedFiles(join(repo, 'apps'), /\.css$/)
    .concat(join(ui, 'styles.css'))
    .map((f) => readFileSync(f, 'utf8'));
  const defined = new Set(
    [css, ...ours].flatMap((text) =>
      [...text.matchAll(/\.((?:[a-zA-Z0-9_-]|\\:)+)/g)].map((m) => m[1]!.replace(/\\:/g, ':')),
    ),
  );

  it('loads no web font (system fonts: nothing to download before text paints)', () => {
    expect(css).not.toContain('@font-face');
  });

  it('defines every class the apps use', () => {
    const sources = webSourceRoots
      .flatMap((root) => shippedFiles(join(repo, root), /\.tsx?$/))
      .concat(join(repo, 'apps/shell/index.html'));
    expect(sources.length).toBeGreaterThan(50);
    const missing = sources.flatMap((file) =>
      classNamesIn(readFileSync(file, 'utf8'))
        .filter((name) => !defined.has(name) && !MARKUP_ONLY.has(name))
        .map((name) => `${name} (${relative(repo, file)})`),
    );
    expect([...new Set(missing)]).toEqual([]);
  });
});
