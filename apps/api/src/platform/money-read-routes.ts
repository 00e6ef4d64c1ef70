import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import type { LocalizedText } from '@hms/contracts/language';

/**
 * What every route of a money read model (the finance workspace) shares: its figures are never cached, a list
 * answers JSON or a streamed CSV download, and the figures' written definitions are repeated in OpenAPI.
 */

/** A money figure is never cached by a browser or a proxy: it is as fresh as the database when asked. */
export function neverCached(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });
}

/** The response of a list that also answers format=csv. */
export const csvOrJson = (page: z.ZodType) =>
  z.union([page, z.string().describe('format=csv: CSV, RFC 4180, UTF-8')]);

/** A list's every matching row as a CSV download; Fastify pipes the stream without the serialiser. */
export function sendCsv(reply: FastifyReply, name: string, stream: Readable) {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="hms-${name}.csv"`)
    .send(stream as unknown as string);
}

/** The figures' definitions as one OpenAPI sentence list ("paid: Payments settled in the period…"). */
export const definitionsText = (definitions: Record<string, LocalizedText>): string =>
  Object.entries(definitions)
    .map(([figure, text]) => `${figure}: ${text.en}`)
    .join(' ');
