import { randomBytes } from 'node:crypto';

let lastMs = 0;
let seq = 0;

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
    seq = randomBytes(2).readUInt16BE(0) & 0x3ff; // random start leaves headroom for the counter
  }
  const b = randomBytes(16);
  const ms = lastMs;
  b.writeUIntBE(ms, 0, 6);
  b[6] = 0x70 | ((seq >> 8) & 0x0f);
  b[7] = seq & 0xff;
  b[8] = 0x80 | (b[8]! & 0x3f);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
