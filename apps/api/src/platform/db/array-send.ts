// Columns of a large read in PostgreSQL's binary array format (`array_send(array_agg(x))`, a bytea): a million
// values cross as one buffer per column and are read into a typed array, with no string made and parsed per value
// (the text protocol's cost, several times the query's own at a million rows). Used by read models that hand a
// million rows to code that only adds them up (read-models/replay-history.ts).

const FLOAT8_OID = 701;
const UUID_OID = 2950;

/** The header of a one-dimensional array: where its elements start, how many there are and their type. */
function header(buf: Uint8Array): { view: DataView; count: number; oid: number; offset: number } {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const dims = view.getInt32(0);
  const oid = view.getUint32(8);
  if (dims === 0) return { view, count: 0, oid, offset: 12 };
  if (dims !== 1) throw new Error(`array_send: expected one dimension, got ${dims}`);
  return { view, count: view.getInt32(12), oid, offset: 20 };
}

/**
 * A float8[] as sent by array_send, NULL elements as NaN. An aggregate over no rows is NULL, read as no values.
 */
export function float8Column(buf: Uint8Array | null): Float64Array {
  if (buf === null) return new Float64Array(0);
  const { view, count, oid, offset } = header(buf);
  if (count > 0 && oid !== FLOAT8_OID)
    throw new Error(`array_send: expected float8 elements, got type ${oid}`);
  const out = new Float64Array(count);
  let at = offset;
  for (let i = 0; i < count; i++) {
    const length = view.getInt32(at);
    at += 4;
    if (length < 0) out[i] = NaN;
    else {
      out[i] = view.getFloat64(at);
      at += length;
    }
  }
  return out;
}

/**
 * A uuid[] as sent by array_send, each value as a 16-character key (its bytes as latin1): a key to group and look
 * up by, equal for equal uuids, not the uuid's text. NULL elements are ''. uuidKey gives the key of a uuid's text.
 */
export function uuidKeyColumn(buf: Uint8Array | null): string[] {
  if (buf === null) return [];
  const { view, count, oid, offset } = header(buf);
  if (count > 0 && oid !== UUID_OID)
    throw new Error(`array_send: expected uuid elements, got type ${oid}`);
  const bytes = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  const out = new Array<string>(count);
  let at = offset;
  for (let i = 0; i < count; i++) {
    const length = view.getInt32(at);
    at += 4;
    if (length < 0) out[i] = '';
    else {
      out[i] = bytes.toString('latin1', at, at + length);
      at += length;
    }
  }
  return out;
}

/** The key uuidKeyColumn gives for this uuid's text. */
export function uuidKey(uuid: string): string {
  return Buffer.from(uuid.replace(/-/g, ''), 'hex').toString('latin1');
}
