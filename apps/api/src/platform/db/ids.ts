import { randomBytes } from 'node:crypto';

let lastMs = 0;
let seq = 0;

// Random bytes drawn 4 KiB at a time: one call to the system's generator per 227 ids, not two per id (at an import's
// 100,000 requests and their payments and steps, the per-id calls were the largest single cost of the command).
const POOL_BYTES = 4096;
let pool: Buffer = Buffer.alloc(0);
let poolAt = 0;
function random(n: number): Buffer {
  if (poolAt + n > pool.length) {
    pool = randomBytes(POOL_BYTES);
    poolAt = 0;
  }
  const out = pool.subarray(poolAt, poolAt + n);
  poolAt += n;
  return out;
}

/**
 * UUIDv7 (RFC 9562): 48-bit Unix milliseconds, version 7, 12-bit counter (rand_a), variant, 62 random bits.
 * Time-ordered ids keep B-tree inserts local and let `order by id` mean creation order. The counter keeps ids
 * generated within the same millisecond monotonic in this process.
 */
export function uuidv7(now: number = Date.now()): string {
  if (now <= lastMs) {
    seq += 1;
    if (seq > 0xfff) {
      // Counter exhausted inside one millisecond: borrow the next millisecond rather than repeat an id.
      lastMs += 1;
      seq = 0;
    }
  } else {
    lastMs = now;
    seq = random(2).readUInt16BE(0) & 0x3ff; // random start leaves headroom for the counter
  }
  // A copy: the id's bytes are written in place and the pool must not be.
  const b = Buffer.from(random(16));
  const ms = lastMs;
  b.writeUIntBE(ms, 0, 6);
  b[6] = 0x70 | ((seq >> 8) & 0x0f);
  b[7] = seq & 0xff;
  b[8] = 0x80 | (b[8]! & 0x3f);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The text as a UUID in lower case (as PostgreSQL writes one), or null when it is not a UUID. */
export function uuidOf(text: string): string | null {
  return UUID.test(text) ? text.toLowerCase() : null;
}
