/**
 * Request reference numbers people read, type and say on the phone, e.g. `HMS-7K3Q-9FMX-4`.
 *
 * Eight Crockford base32 characters (40 random bits) and one check character. Crockford's alphabet leaves
 * out I, L, O and U, so the look-alikes people type (O for 0, I or L for 1) can be read back safely.
 *
 * Check character: Crockford's mod-37 check symbol (https://www.crockford.com/base32.html). The eight
 * characters are read as a base-32 number v; the check is v mod 37, written with the 32 base32 digits plus
 * `* ~ $ = U` for 32–36. Because 37 is prime and larger than every digit value:
 * - a changed data character changes v by (d' − d)·32^i, never a multiple of 37: caught;
 * - swapping two neighbouring data characters changes v by (d − d')·32^i·31, never a multiple of 37: caught;
 * - a changed check character no longer equals v mod 37: caught;
 * - swapping the last data character x and the check c leaves a valid pair only if 2(c − x) ≡ 0 (mod 37),
 *   that is c = x, which is no swap at all: caught.
 * The tests check every such error on sample references exhaustively.
 *
 * Issued references only use check values 0–31 (generation draws again in the 5 cases out of 37 where the
 * check would be a symbol), so a reference never contains punctuation; validation still follows the
 * published algorithm.
 */
import { z } from 'zod';

export const REFERENCE_PREFIX = 'HMS';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CHECK_ALPHABET = `${ALPHABET}*~$=U`;
const DATA_LENGTH = 8;
// Generation retries when the check would be a symbol (p = 5/37 per draw); a source that keeps failing this
// often is broken, and saying so beats looping forever.
const MAX_DRAWS = 64;

export type RandomBytes = (size: number) => Uint8Array;

const cryptoRandomBytes: RandomBytes = (size) =>
  globalThis.crypto.getRandomValues(new Uint8Array(size));

function checkSymbol(data: string): string {
  let remainder = 0;
  // Horner's rule mod 37 keeps every intermediate below 37·32, so no big integers are needed.
  for (const char of data) remainder = (remainder * 32 + ALPHABET.indexOf(char)) % 37;
  return CHECK_ALPHABET[remainder]!;
}

function format(data: string, check: string): string {
  return `${REFERENCE_PREFIX}-${data.slice(0, 4)}-${data.slice(4)}-${check}`;
}

/** A new random reference number such as `HMS-7K3Q-9FMX-4`. `randomBytes` is injectable for tests. */
export function generateReference(randomBytes: RandomBytes = cryptoRandomBytes): string {
  for (let draw = 0; draw < MAX_DRAWS; draw += 1) {
    const bytes = randomBytes(5);
    if (bytes.length < 5) throw new RangeError('randomBytes returned fewer bytes than asked for');
    let bits = 0n;
    for (const byte of bytes.subarray(0, 5)) bits = (bits << 8n) | BigInt(byte);
    let data = '';
    for (let i = DATA_LENGTH - 1; i >= 0; i -= 1)
      data += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
    const check = checkSymbol(data);
    if (ALPHABET.includes(check)) return format(data, check);
  }
  throw new Error('The random source kept producing unusable reference numbers');
}

/**
 * The canonical form (`HMS-XXXX-XXXX-C`) of a reference typed by a person, or null when it is not a valid
 * reference. Accepts any letter case, spaces, missing or extra dashes, a missing `HMS` prefix, and the
 * look-alikes O (read as 0) and I or L (read as 1).
 */
export function normalizeReference(input: string): string | null {
  let compact = input.toUpperCase().replace(/[\s\-\u2010-\u2015_.]/g, '');
  if (
    compact.length === REFERENCE_PREFIX.length + DATA_LENGTH + 1 &&
    compact.startsWith(REFERENCE_PREFIX)
  ) {
    compact = compact.slice(REFERENCE_PREFIX.length);
  }
  if (compact.length !== DATA_LENGTH + 1) return null;
  // Crockford decoding: O is 0, I and L are 1, in any position (none of them is a check symbol either).
  compact = compact.replace(/O/g, '0').replace(/[IL]/g, '1');
  const data = compact.slice(0, DATA_LENGTH);
  const check = compact.slice(DATA_LENGTH);
  if (![...data].every((char) => ALPHABET.includes(char))) return null;
  if (checkSymbol(data) !== check) return null;
  return format(data, check);
}

/** True when `input` is a valid reference number in any form `normalizeReference` accepts. */
export function isValidReference(input: string): boolean {
  return normalizeReference(input) !== null;
}

/** A reference number from a URL or a form; outputs the canonical form. */
export const referenceNumberSchema = z.string().transform((value, ctx) => {
  const normalized = normalizeReference(value);
  if (normalized === null) {
    ctx.addIssue({ code: 'custom', message: 'Enter a reference number like HMS-7K3Q-9FMX-4' });
    return z.NEVER;
  }
  return normalized;
});
