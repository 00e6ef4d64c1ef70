import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestDb } from '../../testing/test-app.ts';
import { packFloat8, packUuid, readFloat8, readUuidKeys, uuidKey } from './packed-columns.ts';

const t = useTestDb();

const ids = ['0192d17e-c880-7002-8000-000000000002', 'ffffffff-0000-4000-8000-123456789abc'];

describe('packed columns', () => {
  it('carry every value in the rows order, NULL as NaN or an empty key, exactly as the database holds them', async () => {
    const { rows } = await sql<{ numbers: string | null; uuids: string | null }>`
      select ${packFloat8(sql`v.n`)} as numbers, ${packUuid(sql`v.id`)} as uuids
      from (values (1, 0.1::float8, ${ids[0]}::uuid), (2, null, null), (3, -1733011234567890, ${ids[1]}::uuid),
        (4, 9007199254740991, ${ids[0]}::uuid)) v(i, n, id)`.execute(t.db.kysely);
    const numbers = readFloat8(rows[0]!.numbers);
    expect(Array.from(numbers)).toEqual([0.1, NaN, -1733011234567890, 9007199254740991]);
    expect(readUuidKeys(rows[0]!.uuids)).toEqual([
      uuidKey(ids[0]!),
      '',
      uuidKey(ids[1]!),
      uuidKey(ids[0]!),
    ]);
    expect(uuidKey(ids[0]!)).not.toBe(uuidKey(ids[1]!));
  });

  it('read no rows (an aggregate of nothing is NULL) as no values, and refuse a torn column', async () => {
    const { rows } = await sql<{ numbers: string | null; uuids: string | null }>`
      select ${packFloat8(sql`n`)} as numbers, ${packUuid(sql`id`)} as uuids
      from (select 1::float8 as n, null::uuid as id where false) v`.execute(t.db.kysely);
    expect(rows[0]).toEqual({ numbers: null, uuids: null });
    expect(readFloat8(rows[0]!.numbers)).toHaveLength(0);
    expect(readUuidKeys(rows[0]!.uuids)).toEqual([]);
    expect(() => readFloat8(Buffer.alloc(12).toString('base64'))).toThrow(/8-byte values/);
  });
});
