import type { ErrorCode, FieldErrorCode, ProblemParams } from '@hms/contracts/error-codes';

/**
 * A code as the server sent it: one of @hms/contracts/error-codes, or one newer than this build. Not checked against
 * the list here (with its descriptions it is ~2.5 KB gzip of every first page): the screens look a code up in their
 * message catalog and show the generic message for the status (or the field's own message) when it is not there.
 */
type Code<Known extends string> = Known | (string & {});

const isCode = (value: unknown): value is string =>
  typeof value === 'string' && /^[a-z_]+(\.[a-z_]+)+$/.test(value);

/** One field-level error, as the API reports it inside a problem document (RFC 9457 extension `errors`). */
export interface FieldError {
  field: string;
  message: string;
  /** For the common failures, so a form can say it in the reader's language (`fieldErrorText` in @hms/ui). */
  code?: Code<FieldErrorCode> | undefined;
  params?: ProblemParams | undefined;
}

/**
 * An error response from the HMS API, parsed from RFC 9457 problem+json.
 * Thrown by the client middleware so callers (queries, mutations, forms) deal with one error type
 * instead of inspecting `{ data, error }` tuples everywhere.
 */
export class ApiProblem extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly type: string;
  /**
   * The stable machine code (see @hms/contracts/error-codes); screens show their own message for it in the reader's
   * language. Undefined when the response was not an HMS problem (a proxy's error page, a network failure).
   */
  readonly code: Code<ErrorCode> | undefined;
  readonly params: ProblemParams | undefined;
  readonly errors: FieldError[];
  /** Seconds from a `Retry-After` header (sent with 429 and 503), so the UI can say how long to wait. */
  readonly retryAfterSeconds: number | undefined;

  constructor(init: {
    status: number;
    title: string;
    detail?: string | undefined;
    type?: string | undefined;
    code?: Code<ErrorCode> | undefined;
    params?: ProblemParams | undefined;
    errors?: FieldError[] | undefined;
    retryAfterSeconds?: number | undefined;
  }) {
    super(init.detail ? `${init.title}: ${init.detail}` : init.title);
    this.name = 'ApiProblem';
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail;
    this.type = init.type ?? 'about:blank';
    this.code = init.code;
    this.params = init.params;
    this.errors = init.errors ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds;
  }

  /** The message for one field, for mapping server errors back onto form fields. */
  fieldError(field: string): string | undefined {
    return this.errors.find((e) => e.field === field)?.message;
  }

  /**
   * The same problem with other field errors: for a form whose fields are not named as the API names them, so the
   * errors land on the inputs that hold them.
   */
  withErrors(errors: FieldError[]): ApiProblem {
    return new ApiProblem({
      status: this.status,
      title: this.title,
      detail: this.detail,
      type: this.type,
      code: this.code,
      params: this.params,
      errors,
      retryAfterSeconds: this.retryAfterSeconds,
    });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function parseFieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) =>
    isRecord(item) && typeof item.field === 'string' && typeof item.message === 'string'
      ? [
          {
            field: item.field,
            message: item.message,
            ...(isCode(item.code) ? { code: item.code } : {}),
            ...(parseParams(item.params) ? { params: parseParams(item.params) } : {}),
          },
        ]
      : [],
  );
}

/** Only string and number values: params are interpolated into messages, never rendered as markup. */
function parseParams(value: unknown): ProblemParams | undefined {
  if (!isRecord(value)) return undefined;
  const out: ProblemParams = {};
  for (const [k, v] of Object.entries(value))
    if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  return Object.keys(out).length > 0 ? out : undefined;
}

function parseRetryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  // Retry-After may also be an HTTP date.
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

/**
 * Builds an ApiProblem from any non-2xx response. Proxies and crashed servers do not always answer
 * with problem+json, so a body that is not one still yields a problem with the HTTP status text.
 */
export async function problemFromResponse(response: Response): Promise<ApiProblem> {
  let body: unknown;
  try {
    const text = await response.text();
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'));
  if (isRecord(body) && typeof body.title === 'string') {
    return new ApiProblem({
      status: typeof body.status === 'number' ? body.status : response.status,
      title: body.title,
      detail: typeof body.detail === 'string' ? body.detail : undefined,
      type: typeof body.type === 'string' ? body.type : undefined,
      code: isCode(body.code) ? body.code : undefined,
      params: parseParams(body.params),
      errors: parseFieldErrors(body.errors),
      retryAfterSeconds,
    });
  }
  return new ApiProblem({
    status: response.status,
    title: response.statusText || `Request failed with status ${response.status}`,
    retryAfterSeconds,
  });
}

export function isApiProblem(error: unknown): error is ApiProblem {
  return error instanceof ApiProblem;
}
