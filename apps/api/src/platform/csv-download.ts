import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';
import { z } from 'zod';

/** The OpenAPI response of a route that answers a CSV file. */
export const csvFileSchema = z.string().describe('CSV, RFC 4180, UTF-8');

/**
 * Answers CSV text, or a stream of it, as a download named `fileName`. Fastify sends a string or a stream as it is,
 * without the serialiser: the route's string schema describes the body for the OpenAPI document, and the type says so.
 */
export function sendCsvFile(reply: FastifyReply, fileName: string, body: string | Readable) {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .send(body as string);
}
