import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EMAIL_PATTERN, UUID_PATTERN } from './question-answers.ts';

describe('question-answers without zod', () => {
  it('has no run-time import of zod, directly or through question-set.ts', () => {
    const source = readFileSync(new URL('./question-answers.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/from ['"]zod/);
    expect(source).not.toMatch(/^import \{[^}]*\} from '\.\/question-set\.ts'/m);
  });

  it.each([
    '01a214eb-fb46-70bd-aa34-842b06dfc357',
    '01A214EB-FB46-70BD-AA34-842B06DFC357',
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    '01a214eb-fb46-90bd-aa34-842b06dfc357',
    '01a214eb-fb46-70bd-ca34-842b06dfc357',
    '01a214ebfb4670bdaa34842b06dfc357',
    '{01a214eb-fb46-70bd-aa34-842b06dfc357}',
    '',
  ])('agrees with z.uuid() on %j', (value) => {
    expect(UUID_PATTERN.test(value)).toBe(z.uuid().safeParse(value).success);
  });

  it.each([
    'name@example.com',
    'first.last+tag@sub.example.gov',
    "o'brien@example.ie",
    '.lead@example.com',
    'a..b@example.com',
    'trail.@example.com',
    'no-at-sign.example.com',
    'name@localhost',
    'name@-bad.example.com',
    'name@example.c',
    'name@exa_mple.com',
    'ñame@example.com',
  ])('agrees with z.email() on %j', (value) => {
    expect(EMAIL_PATTERN.test(value)).toBe(z.email().safeParse(value).success);
  });
});
