import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
} from 'fastify-type-provider-zod';
import { PROBLEM_CONTENT_TYPE, type Problem, type ProblemFieldError } from '@hms/contracts/problem';
import { isDatabaseUnavailable } from './db/errors.ts';

const TYPE_BASE = 'https://hms.example.gov/problems/';

/** An error that carries its own RFC 9457 representation. Throw it from services and routes. */
export class HttpProblem extends Error {
  constructor(
    public readonly status: number,
    public readonly title: string,
    public readonly detail: string,
    public readonly slug: string,
    public readonly errors?: ProblemFieldError[],
    public readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'HttpProblem';
  }
}

export const badRequest = (detail: string, errors?: ProblemFieldError[]) =>
  new HttpProblem(400, 'Your request has errors', detail, 'validation', errors);
export const unauthorized = (detail = 'Sign in to continue.') =>
  new HttpProblem(401, 'Not signed in', detail, 'unauthorized');
export const forbidden = (detail = 'Your account does not have permission to do this.') =>
  new HttpProblem(403, 'Not allowed', detail, 'forbidden');
export const notFound = (detail: string) => new HttpProblem(404, 'Not found', detail, 'not-found');
export const conflict = (detail: string) => new HttpProblem(409, 'Conflict', detail, 'conflict');
export const tooManyRequests = (detail: string, retryAfterSeconds: number) =>
  new HttpProblem(429, 'Too many attempts', detail, 'too-many-requests', undefined, {
    'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))),
  });
export const serviceUnavailable = (
  detail = 'The service is temporarily unavailable. Try again in a few minutes.',
) => new HttpProblem(503, 'Service unavailable', detail, 'unavailable');

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  p: HttpProblem,
): FastifyReply {
  const body: Problem = {
    type: TYPE_BASE + p.slug,
    title: p.title,
    status: p.status,
    detail: p.detail,
    instance: request.url.split('?')[0] ?? request.url,
    requestId: String(request.id),
    ...(p.errors && p.errors.length > 0 ? { errors: p.errors } : {}),
  };
  for (const [k, v] of Object.entries(p.headers)) reply.header(k, v);
  // Serialized here so response schemas of the route (2xx shapes) never apply to the problem body.
  return reply.code(p.status).type(PROBLEM_CONTENT_TYPE).serializer(JSON.stringify).send(body);
}

function fieldPath(where: string, path: string): string {
  // Zod paths arrive as "/email" or ".email" depending on the validator; show them as body.email.
  const clean = path.replace(/^[./]+/, '').replace(/\//g, '.');
  return clean ? `${where}.${clean}` : where;
}

function toProblem(err: unknown): HttpProblem | null {
  if (err instanceof HttpProblem) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const context = (err as { validationContext?: string }).validationContext ?? 'body';
    // Fastify says "querystring"; clients think of it as the query.
    const where = context === 'querystring' ? 'query' : context;
    const errors = err.validation.map((v) => ({
      field: fieldPath(where, v.instancePath),
      message: v.message ?? 'Invalid value.',
    }));
    return badRequest(
      'Some fields need fixing. See errors for each field and how to fix it.',
      errors,
    );
  }
  const fe = err as Partial<FastifyError>;
  if (
    fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    (fe.statusCode === 400 && err instanceof SyntaxError)
  ) {
    return badRequest(
      'The request body is not valid JSON. Send a JSON object with Content-Type: application/json.',
    );
  }
  if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return badRequest(
      'The request body is empty. Send a JSON object, or omit the Content-Type header.',
    );
  }
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return new HttpProblem(
      415,
      'Unsupported media type',
      'Send the body as application/json.',
      'unsupported-media-type',
    );
  }
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return new HttpProblem(413, 'Request too large', 'The request body is too large.', 'too-large');
  }
  if (isDatabaseUnavailable(err)) return serviceUnavailable();
  if (
    typeof fe.statusCode === 'number' &&
    fe.statusCode >= 400 &&
    fe.statusCode < 500 &&
    !isResponseSerializationError(err)
  ) {
    return new HttpProblem(
      fe.statusCode,
      'Bad request',
      fe.message ?? 'The request could not be processed.',
      'bad-request',
    );
  }
  return null;
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err, request, reply) => {
    const problem = toProblem(err);
    if (problem) {
      if (problem.status >= 500)
        request.log.error({ err }, 'request failed: dependency unavailable');
      return sendProblem(request, reply, problem);
    }
    // Unknown failure: log everything, tell the caller nothing but the id to quote to support.
    request.log.error({ err }, 'unhandled error');
    return sendProblem(
      request,
      reply,
      new HttpProblem(
        500,
        'Something went wrong',
        `An unexpected error occurred. If it keeps happening, contact support and quote request id ${String(request.id)}.`,
        'internal',
      ),
    );
  });
}

/** 404 for everything when no static build is served (static.ts installs its own handler with the SPA fallback). */
export function registerApiNotFound(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      request,
      reply,
      notFound(
        `No API route matches ${request.method} ${request.url.split('?')[0]}. Check the path against /api/docs.`,
      ),
    ),
  );
}
