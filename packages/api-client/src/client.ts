import createClient, { type Middleware } from 'openapi-fetch';
import { csrfMiddleware } from './csrf.ts';
import { problemFromResponse } from './problem.ts';
import type { paths } from './schema';

export interface ApiClientOptions {
  /**
   * Defaults to the page's own origin: the API, the shell and the remotes are served from one origin.
   * (An absolute URL rather than '' because `Request` outside a browser, e.g. in tests, rejects relative ones.)
   */
  baseUrl?: string;
  /** Injectable for tests; defaults to the global fetch at call time (so test spies installed later apply). */
  fetch?: typeof globalThis.fetch;
  getCookies?: () => string;
}

/** Turns every non-2xx response into a thrown ApiProblem, so callers never see half-parsed error tuples. */
export const problemMiddleware: Middleware = {
  async onResponse({ response }) {
    if (!response.ok) throw await problemFromResponse(response);
    return undefined;
  },
};

/**
 * Tells the API which language the page is showing (the shell keeps `<html lang>` in step with the language switch),
 * so what the API renders for the reader (notifications) follows the switch at once rather than the saved profile.
 */
export const languageMiddleware: Middleware = {
  onRequest({ request }) {
    const lang = typeof document === 'undefined' ? '' : document.documentElement.lang;
    if (lang === 'en' || lang === 'es') request.headers.set('accept-language', lang);
    return request;
  },
};

export function createApiClient(options: ApiClientOptions = {}) {
  const baseUrl = options.baseUrl ?? globalThis.location?.origin ?? '';
  const doFetch = (input: Request) => (options.fetch ?? globalThis.fetch)(input);
  const getCookies =
    options.getCookies ?? (() => (typeof document === 'undefined' ? '' : document.cookie));
  const client = createClient<paths>({ baseUrl, credentials: 'same-origin', fetch: doFetch });
  client.use(
    csrfMiddleware({
      getCookies,
      primeCsrfCookie: async () => {
        // Any GET sets the cookie; /api/me is cheap and answers 401 when signed out, which is fine here.
        await doFetch(new Request(`${baseUrl}/api/me`, { credentials: 'same-origin' }));
      },
    }),
    languageMiddleware,
    problemMiddleware,
  );
  return client;
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** The one client every app uses (shared as a singleton through Module Federation). */
export const apiClient: ApiClient = createApiClient();

/**
 * Returns the parsed body of a successful call. Errors were already thrown by `problemMiddleware`;
 * this only narrows openapi-fetch's `{ data?, error? }` union for the caller.
 */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, response } = await call;
  if (data === undefined && response.status !== 204) {
    throw new Error(`Empty response from ${response.url || 'the API'} (status ${response.status})`);
  }
  return data as T;
}
