import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { responseSerializerCompiler } from './serializer.ts';

const route = (schema: z.ZodType) =>
  ({ schema, method: 'GET', url: '/api/x', httpStatus: '200' }) as never;

const schema = z.object({
  id: z.string(),
  amountCents: z.number().int(),
  status: z.enum(['pending', 'paid']),
  note: z.string().nullable(),
  reviewer: z.object({ id: z.string(), name: z.string() }).optional(),
  tags: z.array(z.string()),
  counts: z.record(z.string(), z.number()),
  answers: z.unknown(),
});

describe('compiled response serializer', () => {
  for (const crossCheck of [false, true]) {
    it(`writes what zod writes, and only the schema's fields (cross-check ${crossCheck ? 'on' : 'off'})`, () => {
      const serialize = responseSerializerCompiler({ crossCheck })(route(schema));
      // What the schema has, written as given; beside it what the schema does not have, which must not be written.
      const fields = {
        id: 'r1',
        amountCents: 12_345,
        status: 'paid',
        note: null,
        tags: ['a', 'b"c'],
        counts: { x: 1, y: 2 },
        answers: { nested: [1, { deep: 'yes' }] },
      };
      const data = {
        ...fields,
        passwordHash: 'must not leak',
        reviewer: { id: 'u1', name: 'Avery', email: 'must not leak either' },
      };
      const out = serialize(data);
      expect(out).not.toContain('must not leak');
      expect(JSON.parse(out)).toEqual({ ...fields, reviewer: { id: 'u1', name: 'Avery' } });
    });
  }

  it('outside production, a response zod refuses still fails (the cross-check runs zod first)', () => {
    const serialize = responseSerializerCompiler({ crossCheck: true })(route(schema));
    expect(() =>
      serialize({ id: 'r1', amountCents: 1.5, status: 'paid', note: null, tags: [], counts: {} }),
    ).toThrow();
  });
});
