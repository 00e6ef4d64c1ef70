import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

/** The field a refusal names first, once the answer is checked to be a 400 (a request the API cannot accept). */
export function refusedField(res: LightMyRequestResponse): string {
  expect(res.statusCode, res.body).toBe(400);
  return (res.json() as { errors: Array<{ field: string }> }).errors[0]!.field;
}
