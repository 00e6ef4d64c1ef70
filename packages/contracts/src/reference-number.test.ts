import { describe, expect, it } from 'vitest';
import {
  generateReference,
  isValidReference,
  normalizeReference,
  referenceNumberSchema,
} from './reference-number.ts';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CHECK_ALPHABET = `${ALPHABET}*~$=U`;
const SHAPE = /^HMS-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]$/;

/** A deterministic byte source so that test references are reproducible. */
function seededBytes(seed: number) {
  let state = seed >>> 0;
  return (size: number) => {
    const out = new Uint8Array(size);
    for (let i = 0; i < size; i += 1) {
      state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
      out[i] = state >>> 24;
    }
    return out;
  };
}

function compact(reference: string): string {
  return reference.slice(4).replaceAll('-', '');
}

function expand(chars: string): string {
  return `HMS-${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

const SAMPLES = [
  ...Array.from({ length: 20 }, (_, i) => generateReference(seededBytes(i + 1))),
  generateReference(() => new Uint8Array(5)), // all zeros: HMS-0000-0000-0
  generateReference(() => new Uint8Array([255, 255, 255, 255, 255])),
];

describe('generateReference', () => {
  it('produces the HMS-XXXX-XXXX-C shape with no punctuation check symbol', () => {
    for (let i = 0; i < 500; i += 1) {
      const reference = generateReference();
      expect(reference).toMatch(SHAPE);
      expect(isValidReference(reference)).toBe(true);
    }
  });

  it('encodes the 40 random bits in order', () => {
    expect(generateReference(() => new Uint8Array(5))).toBe('HMS-0000-0000-0');
    // 0xFFFFFFFFFF = 2^40 - 1, and 2^36 ≡ 1 (mod 37) by Fermat, so the check is 2^4 - 1 = 15 → "F".
    expect(generateReference(() => new Uint8Array([255, 255, 255, 255, 255]))).toBe(
      'HMS-ZZZZ-ZZZZ-F',
    );
  });

  it('draws again when the check would be a symbol, and gives up on a stuck source', () => {
    // Data "00000001" has check 1; "0000000Z" (31) has check 31; value 32 → check symbol "*".
    const draws = [new Uint8Array([0, 0, 0, 0, 32]), new Uint8Array([0, 0, 0, 0, 1])];
    expect(generateReference(() => draws.shift()!)).toBe('HMS-0000-0001-1');
    expect(() => generateReference(() => new Uint8Array([0, 0, 0, 0, 32]))).toThrow(/unusable/);
  });

  it('differs between calls', () => {
    const seen = new Set(Array.from({ length: 1000 }, () => generateReference()));
    expect(seen.size).toBe(1000);
  });
});

describe('normalizeReference', () => {
  const reference = SAMPLES[0]!;
  const chars = compact(reference);

  it('accepts case, spaces, missing dashes and a missing prefix', () => {
    expect(normalizeReference(reference.toLowerCase())).toBe(reference);
    expect(normalizeReference(` hms ${chars.slice(0, 4)} ${chars.slice(4)} `)).toBe(reference);
    expect(normalizeReference(`HMS${chars}`)).toBe(reference);
    expect(normalizeReference(chars)).toBe(reference);
    expect(normalizeReference(`${chars.slice(0, 3)}-${chars.slice(3)}`)).toBe(reference);
  });

  it('reads O as 0 and I, L as 1', () => {
    expect(normalizeReference('HMS-0000-0001-1')).toBe('HMS-0000-0001-1');
    expect(normalizeReference('hms-oooo-oooi-l')).toBe('HMS-0000-0001-1');
    expect(normalizeReference('HMS-OOOO-OOOL-I')).toBe('HMS-0000-0001-1');
  });

  it('refuses wrong lengths, foreign characters and a wrong prefix', () => {
    expect(normalizeReference('')).toBeNull();
    expect(normalizeReference(`HMS-${chars.slice(0, 8)}`)).toBeNull();
    expect(normalizeReference(`${reference}0`)).toBeNull();
    expect(normalizeReference(`ABC-${reference.slice(4)}`)).toBeNull();
    expect(normalizeReference(`HMS-${chars.slice(0, 3)}!${chars.slice(4)}`)).toBeNull();
    expect(normalizeReference(`HMS-${chars.slice(0, 3)}*${chars.slice(4)}`)).toBeNull(); // symbols only as check
  });

  it('validates the published Crockford check symbols, including punctuation ones', () => {
    // Value 32 ("00000010") has check 32 → "*"; 36 ("00000014") → "U".
    expect(normalizeReference('HMS-0000-0010-*')).toBe('HMS-0000-0010-*');
    expect(normalizeReference('HMS-0000-0014-u')).toBe('HMS-0000-0014-U');
    expect(normalizeReference('HMS-0000-0010-0')).toBeNull();
  });
});

describe('error detection', () => {
  it('catches every single-character substitution of the sample references', () => {
    let tried = 0;
    for (const reference of SAMPLES) {
      const chars = compact(reference);
      for (let position = 0; position < chars.length; position += 1) {
        const alphabet = position < 8 ? ALPHABET : CHECK_ALPHABET;
        for (const replacement of alphabet) {
          if (replacement === chars[position]) continue;
          const mistyped = chars.slice(0, position) + replacement + chars.slice(position + 1);
          expect(isValidReference(expand(mistyped)), `${reference} → ${mistyped}`).toBe(false);
          tried += 1;
        }
      }
    }
    expect(tried).toBe(SAMPLES.length * (8 * 31 + 36));
  });

  it('catches every adjacent transposition of the sample references, the check character included', () => {
    let tried = 0;
    for (const reference of SAMPLES) {
      const chars = compact(reference);
      for (let position = 0; position + 1 < chars.length; position += 1) {
        if (chars[position] === chars[position + 1]) continue;
        const swapped =
          chars.slice(0, position) +
          chars[position + 1] +
          chars[position] +
          chars.slice(position + 2);
        expect(isValidReference(expand(swapped)), `${reference} → ${swapped}`).toBe(false);
        tried += 1;
      }
    }
    expect(tried).toBeGreaterThan(SAMPLES.length * 6);
  });

  it('catches every adjacent transposition over the whole alphabet in every position', () => {
    // Stronger than the samples: all ordered pairs of distinct digits, in each of the 7 data positions,
    // and every data/check pair at the end.
    for (const a of ALPHABET) {
      for (const b of ALPHABET) {
        if (a === b) continue;
        for (let position = 0; position < 7; position += 1) {
          const data = `${'0'.repeat(position)}${a}${b}${'0'.repeat(6 - position)}`;
          const valid = normalizeReference(data + checkOf(data));
          expect(valid).not.toBeNull();
          const swappedData = `${'0'.repeat(position)}${b}${a}${'0'.repeat(6 - position)}`;
          expect(isValidReference(swappedData + checkOf(data))).toBe(false);
        }
      }
    }
  });
});

function checkOf(data: string): string {
  // Find the check by trying every symbol: keeps the test independent of the implementation's arithmetic.
  const found = [...CHECK_ALPHABET].filter((symbol) => isValidReference(data + symbol));
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('isValidReference / referenceNumberSchema', () => {
  it('agrees with normalizeReference', () => {
    expect(isValidReference(SAMPLES[1]!)).toBe(true);
    expect(isValidReference('HMS-7K3Q-9FMX-Q')).toBe(isValidReference('7K3Q9FMXQ'));
  });

  it('outputs the canonical form or a plain-English error', () => {
    expect(referenceNumberSchema.parse(SAMPLES[2]!.toLowerCase())).toBe(SAMPLES[2]);
    const result = referenceNumberSchema.safeParse('HMS-1234');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Enter a reference number like HMS-7K3Q-9FMX-4');
  });
});
