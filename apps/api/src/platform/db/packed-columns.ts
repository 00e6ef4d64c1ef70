import { endianness } from 'node:os';
import { sql, type RawBuilder } from 'kysely';

// Columns of a large read packed by PostgreSQL: one aggregate per column turns every row's value into its binary
// form (float8send, uuid_send: 8 and 16 bytes, big-endian) and joins them, sent as one base64 text. A million values
// cross as one ~11 MB string per column and land in a typed array: no string made and parsed per value (the row
// protocol's cost, several times the query's own at a million rows), a third of the bytes of a bytea's hex. Used by
// read models that hand a million rows to code that only adds them up (read-models/replay-history.ts).
//
// The values reach an aggregate in the order of the rows that feed it: the caller orders them (a sub-query's ORDER
// BY, read by one process) and checks what it relies on.

const NULL_UUID = '00000000-0000-0000-0000-000000000000';

/**
 * SQL: the float8 values of `value` over the rows, packed (NULL as NaN), in the rows' order or by `orderBy`. NULL when
 * there are no rows.
 */
export const packFloat8 = (value: RawBuilder<unknown>, orderBy?: RawBuilder<unknown>) =>
  sql<string | null>`encode(string_agg(float8send(coalesce((${value})::float8, 'NaN')), ''::bytea${
    orderBy ? sql` order by ${orderBy}` : sql``
  }), 'base64')`;

/** SQL: the uuids of `value` over the rows, packed (NULL as the nil uuid). NULL when there are no rows. */
export const packUuid = (value: RawBuilder<unknown>) =>
  sql<
    string | null
  >`encode(string_agg(uuid_send(coalesce(${value}, ${NULL_UUID}::uuid)), ''::bytea), 'base64')`;

const bytesOf = (packed: string | null, width: number) => {
  const bytes = Buffer.from(packed ?? '', 'base64');
  if (bytes.length % width !== 0)
    throw new Error(
      `packed column: ${bytes.length} bytes is not a whole number of ${width}-byte values`,
    );
  return bytes;
};

/** A packFloat8 column as numbers (NaN where the value was NULL). */
export function readFloat8(packed: string | null): Float64Array {
  const bytes = bytesOf(packed, 8);
  // PostgreSQL sends big-endian; a typed array reads the machine's order.
  if (endianness() === 'LE') bytes.swap64();
  const out = new Float64Array(bytes.length / 8);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

/**
 * A packUuid column as keys: each uuid's 16 bytes as a 16-character latin1 string, equal for equal uuids (a key to
 * group and look up by, not the uuid's text), '' where the value was NULL. uuidKey gives the key of a uuid's text.
 */
export function readUuidKeys(packed: string | null): string[] {
  const bytes = bytesOf(packed, 16);
  const out = new Array<string>(bytes.length / 16);
  const nil = uuidKey(NULL_UUID);
  for (let i = 0; i < out.length; i++) {
    const key = bytes.toString('latin1', i * 16, i * 16 + 16);
    out[i] = key === nil ? '' : key;
  }
  return out;
}

/** The key readUuidKeys gives for this uuid's text. */
export function uuidKey(uuid: string): string {
  return Buffer.from(uuid.replace(/-/g, ''), 'hex').toString('latin1');
}
