import type { Middleware } from 'openapi-fetch';

export const CSRF_COOKIE = 'hms_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Reads one cookie by name from a `document.cookie` style string. */
export function readCookie(cookieString: string, name: string): string | undefined {
  for (const part of cookieString.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

export interface CsrfOptions {
  /** Where cookies are read from; injectable so tests do not depend on a real document. */
  getCookies: () => string;
  /**
   * Called when the CSRF cookie is missing before an unsafe request: the API sets `hms_csrf` on any GET,
   * so one GET makes the cookie exist (a first visit that goes straight to "Sign in" has none yet).
   */
  primeCsrfCookie: () => Promise<void>;
}

/**
 * Double-submit CSRF defence: the API compares the `x-csrf-token` header with the `hms_csrf` cookie on
 * every state-changing request. Another origin cannot read our cookie, so it cannot forge the header.
 */
export function csrfMiddleware({ getCookies, primeCsrfCookie }: CsrfOptions): Middleware {
  return {
    async onRequest({ request }) {
      if (SAFE_METHODS.has(request.method.toUpperCase())) return undefined;
      let token = readCookie(getCookies(), CSRF_COOKIE);
      if (!token) {
        await primeCsrfCookie();
        token = readCookie(getCookies(), CSRF_COOKIE);
      }
      // Without a token the API will refuse with a 403 problem, which reaches the caller as an ApiProblem.
      if (token) request.headers.set(CSRF_HEADER, token);
      return request;
    },
  };
}
