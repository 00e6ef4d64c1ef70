import { randomUUID } from 'node:crypto';
import {
  LogController,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import type { Config } from './config.ts';
import { uuidOf } from './db/ids.ts';

// Secrets must never reach the logs: cookies, bearer tokens, passwords and bank data, at any depth we log.
const SENSITIVE_KEYS = [
  'password',
  'newPassword',
  'token',
  'accountNumber',
  'account_number',
  'account_number_enc',
  'routingNumber',
  'routing_number',
];
export const redactPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  ...SENSITIVE_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`, `body.${k}`, `req.body.${k}`]),
];

/** Honour an incoming x-request-id only if it is a UUID (anything else could be log injection); else mint one. */
export function genReqId(req: { headers: Record<string, string | string[] | undefined> }): string {
  const incoming = req.headers['x-request-id'];
  return (typeof incoming === 'string' ? uuidOf(incoming) : null) ?? randomUUID();
}

export function loggerOptions(
  config: Pick<Config, 'logLevel'>,
): NonNullable<FastifyServerOptions['logger']> {
  return {
    level: config.logLevel,
    redact: { paths: [...new Set(redactPaths)], censor: '[redacted]' },
  };
}

/**
 * One access-log line per request, when it is answered: method, URL, client address, status and time taken, under the
 * request id (a failed request's line is still Fastify's "request errored", with the error). Fastify's default writes
 * two lines, one as the request arrives and one as it completes, each a synchronous write: under load that was about
 * a tenth of the API's CPU (bench/api profile), for a first line whose fields the second can carry. A request still
 * in flight when the process dies has no line; its id is in the x-request-id its client got.
 */
export class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (error || this.isLogDisabled(request)) return super.requestCompleted(error, request, reply);
    reply.log.info(
      { req: request, res: reply, responseTime: reply.elapsedTime },
      'request completed',
    );
  }
}
