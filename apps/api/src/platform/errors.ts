import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
} from 'fastify-type-provider-zod';
import type { ErrorCode, FieldErrorCode, ProblemParams } from '@hms/contracts/error-codes';
import { PROBLEM_CONTENT_TYPE, type Problem, type ProblemFieldError } from '@hms/contracts/problem';
import { isDatabaseUnavailable } from './db/errors.ts';

const TYPE_BASE = 'https://hms.example.gov/problems/';

interface ProblemExtras {
  errors?: ProblemFieldError[] | undefined;
  headers?: Record<string, string>;
  /** Safe values the screens' message for the code may show (a reference, a count, cents); never personal data. */
  params?: ProblemParams | undefined;
}

/**
 * An error that carries its own RFC 9457 representation. Throw it from services and routes. `code` is one of the
 * documented codes in @hms/contracts/error-codes (the screens show their own message for it in the reader's
 * language); `title` and `detail` are the English text for API clients and logs.
 */
export class HttpProblem extends Error {
  public readonly errors: ProblemFieldError[] | undefined;
  public readonly headers: Record<string, string>;
  public readonly params: ProblemParams | undefined;

  constructor(
    public readonly code: ErrorCode,
    public readonly status: number,
    public readonly title: string,
    public readonly detail: string,
    extras: ProblemExtras = {},
  ) {
    super(detail);
    this.name = 'HttpProblem';
    this.errors = extras.errors;
    this.headers = extras.headers ?? {};
    this.params = extras.params;
  }
}

export const badRequest = (
  code: ErrorCode,
  detail: string,
  errors?: ProblemFieldError[],
  params?: ProblemParams,
) => new HttpProblem(code, 400, 'Your request has errors', detail, { errors, params });
export const unauthorized = (
  code: ErrorCode = 'auth.not_signed_in',
  detail = 'Sign in to continue.',
) => new HttpProblem(code, 401, 'Not signed in', detail);
export const forbidden = (
  code: ErrorCode,
  detail = 'Your account does not have permission to do this.',
  params?: ProblemParams,
) => new HttpProblem(code, 403, 'Not allowed', detail, { params });
export const notFound = (code: ErrorCode, detail: string, params?: ProblemParams) =>
  new HttpProblem(code, 404, 'Not found', detail, { params });
export const conflict = (code: ErrorCode, detail: string, params?: ProblemParams) =>
  new HttpProblem(code, 409, 'Conflict', detail, { params });
export const tooManyRequests = (
  code: ErrorCode,
  detail: string,
  retryAfterSeconds: number,
  params?: ProblemParams,
) =>
  new HttpProblem(code, 429, 'Too many attempts', detail, {
    params,
    headers: { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) },
  });
export const serviceUnavailable = (
  code: ErrorCode = 'server.unavailable',
  detail = 'The service is temporarily unavailable. Try again in a few minutes.',
) =>
  // A short Retry-After: the usual cause is a database restart, which ends in seconds; clients back off from it.
  new HttpProblem(code, 503, 'Service unavailable', detail, { headers: { 'retry-after': '5' } });

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  p: HttpProblem,
): FastifyReply {
  const body: Problem = {
    type: TYPE_BASE + p.code,
    code: p.code,
    title: p.title,
    status: p.status,
    detail: p.detail,
    instance: request.url.split('?')[0] ?? request.url,
    requestId: String(request.id),
    ...(p.params && Object.keys(p.params).length > 0 ? { params: p.params } : {}),
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

/**
 * The field code for the common zod failures, so forms can say them in the reader's language. Other issues
 * (custom refinements with their own precise message) carry no code and are shown by their message.
 */
function fieldCodeOf(
  keyword: string,
  params: Record<string, unknown> | undefined,
  missing: boolean,
): { code: FieldErrorCode; params?: ProblemParams } | Record<string, never> {
  const origin = params?.origin;
  const bound = (key: 'minimum' | 'maximum') => {
    const v = params?.[key];
    return typeof v === 'number' || typeof v === 'bigint' ? { [key]: Number(v) } : {};
  };
  switch (keyword) {
    case 'too_small':
      if (origin === 'string')
        return params?.minimum === 1
          ? { code: 'field.required' }
          : { code: 'field.too_short', params: bound('minimum') };
      if (origin === 'array' || origin === 'set')
        return { code: 'field.too_few', params: bound('minimum') };
      if (origin === 'number' || origin === 'bigint' || origin === 'int')
        return { code: 'field.too_small', params: bound('minimum') };
      return {};
    case 'too_big':
      if (origin === 'string') return { code: 'field.too_long', params: bound('maximum') };
      if (origin === 'array' || origin === 'set')
        return { code: 'field.too_many', params: bound('maximum') };
      if (origin === 'number' || origin === 'bigint' || origin === 'int')
        return { code: 'field.too_large', params: bound('maximum') };
      return {};
    case 'invalid_type':
      return missing ? { code: 'field.required' } : { code: 'field.invalid' };
    case 'invalid_format':
      return { code: 'field.invalid_format' };
    case 'invalid_value':
      return { code: 'field.invalid_choice' };
    default:
      return {};
  }
}

/** The value at a zod path ("/a/0/b") in what was sent, to tell a field left out from one of the wrong type. */
function valueAt(root: unknown, instancePath: string): unknown {
  let node = root;
  for (const key of instancePath.split('/').filter(Boolean)) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function toProblem(err: unknown, input?: Record<string, unknown>): HttpProblem | null {
  if (err instanceof HttpProblem) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const context = (err as { validationContext?: string }).validationContext ?? 'body';
    // Fastify says "querystring"; clients think of it as the query.
    const where = context === 'querystring' ? 'query' : context;
    const errors = err.validation.map((v) => ({
      field: fieldPath(where, v.instancePath),
      message: v.message ?? 'Invalid value.',
      ...fieldCodeOf(v.keyword, v.params, valueAt(input?.[context], v.instancePath) === undefined),
    }));
    return badRequest(
      'validation.failed',
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
      'http.invalid_json',
      'The request body is not valid JSON. Send a JSON object with Content-Type: application/json.',
    );
  }
  if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return badRequest(
      'http.empty_body',
      'The request body is empty. Send a JSON object, or omit the Content-Type header.',
    );
  }
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return new HttpProblem(
      'http.unsupported_media_type',
      415,
      'Unsupported media type',
      'Send the body as application/json.',
    );
  }
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return new HttpProblem(
      'http.body_too_large',
      413,
      'Request too large',
      'The request body is too large.',
    );
  }
  if (isDatabaseUnavailable(err)) return serviceUnavailable();
  if (
    typeof fe.statusCode === 'number' &&
    fe.statusCode >= 400 &&
    fe.statusCode < 500 &&
    !isResponseSerializationError(err)
  ) {
    return new HttpProblem(
      'http.bad_request',
      fe.statusCode,
      'Bad request',
      fe.message ?? 'The request could not be processed.',
    );
  }
  return null;
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err, request, reply) => {
    const problem = toProblem(err, {
      body: request.body,
      querystring: request.query,
      params: request.params,
      headers: request.headers,
    });
    if (problem) {
      // One short line per refused request: during a database outage every request lands here, and a stack each
      // (about 1,300 in the 20 s outage drill) would bury the one line that says why.
      if (problem.status >= 500)
        request.log.warn(
          { errCode: (err as { code?: unknown }).code, errMessage: (err as Error).message },
          'request failed: dependency unavailable',
        );
      return sendProblem(request, reply, problem);
    }
    // Unknown failure: log everything, tell the caller nothing but the id to quote to support.
    request.log.error({ err }, 'unhandled error');
    return sendProblem(
      request,
      reply,
      new HttpProblem(
        'server.internal',
        500,
        'Something went wrong',
        `An unexpected error occurred. If it keeps happening, contact support and quote request id ${String(request.id)}.`,
        { params: { requestId: String(request.id) } },
      ),
    );
  });
}

/**
 * The router's own refusals, before any route or hook runs (Fastify's `frameworkErrors`): a path that is not valid URL
 * encoding (400) or a path segment over the router's length limit (414). Problem documents like every other answer.
 */
export function frameworkErrorProblem(
  err: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  return sendProblem(
    request,
    reply,
    new HttpProblem(
      'http.bad_request',
      err.statusCode ?? 400,
      'Bad request',
      err.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? 'A part of the address is too long.'
        : 'The address is not valid: check its encoding.',
    ),
  );
}

/** 404 for everything when no static build is served (static.ts installs its own handler with the SPA fallback). */
export function registerApiNotFound(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      request,
      reply,
      notFound(
        'http.route_not_found',
        `No API route matches ${request.method} ${request.url.split('?')[0]}. Check the path against /api/docs.`,
      ),
    ),
  );
}
