import { isDeepStrictEqual } from 'node:util';
import type { FastifySerializerCompiler } from 'fastify';
import fastJson from 'fast-json-stringify';
import { z } from 'zod';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';

type RouteSchema = Parameters<FastifySerializerCompiler<z.ZodType>>[0];

/**
 * Response serialization compiled from each route's zod response schema (its JSON Schema, the one openapi.json
 * shows, through fast-json-stringify), instead of zod re-validating and re-encoding every response before
 * JSON.stringify: that was the largest piece of HMS's own CPU per request under load (bench/api profile). Only the
 * schema's properties are written, as before: a field a service adds by mistake never reaches the client.
 *
 * fast-json-stringify does not check types as zod did, so outside production each response is also serialized by
 * zod and the two must agree (deep-equal after parsing), else the request fails: every API test is a check that the
 * compiled serializer writes what zod would. A schema JSON Schema cannot express keeps zod's serializer.
 */
export function responseSerializerCompiler(opts: {
  crossCheck: boolean;
}): FastifySerializerCompiler<z.ZodType> {
  return (route: RouteSchema) => {
    const viaZod = zodSerializerCompiler(route as never) as (data: unknown) => string;
    let compiled: (data: unknown) => string;
    try {
      const jsonSchema = z.toJSONSchema(route.schema, {
        io: 'output',
        target: 'draft-7',
        reused: 'inline',
      });
      compiled = fastJson(jsonSchema as never) as (data: unknown) => string;
    } catch {
      return viaZod;
    }
    if (!opts.crossCheck) return compiled;
    return (data: unknown) => {
      const expected = viaZod(data);
      const actual = compiled(data);
      if (actual !== expected && !isDeepStrictEqual(JSON.parse(actual), JSON.parse(expected))) {
        throw new Error(
          `compiled response serializer of ${route.method} ${route.url} (${route.httpStatus}) differs from zod's:\n` +
            `zod:      ${expected.slice(0, 2000)}\ncompiled: ${actual.slice(0, 2000)}`,
        );
      }
      return actual;
    };
  };
}
