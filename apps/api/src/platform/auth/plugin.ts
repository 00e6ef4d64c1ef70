import fp from 'fastify-plugin';
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  onRequestAsyncHookHandler,
} from 'fastify';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE, type Role } from '@hms/contracts/auth';
import { forbidden, sendProblem, unauthorized } from '../errors.ts';
import type { Config } from '../config.ts';
import {
  resolveSession,
  type AuthUser,
  type Caller,
  type SessionPolicy,
  type SessionPolicySql,
} from './sessions.ts';
import { newToken, safeEqual } from './tokens.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The session lifetimes in force now (agency settings, changed without a restart); see authPlugin. */
    sessionPolicy: () => Promise<SessionPolicy>;
    /** The same lifetimes as SQL for the per-request session check (one statement), when the app gives them. */
    sessionPolicySql: SessionPolicySql | null;
  }
  interface FastifyRequest {
    /** Set by requireUser / requireRoles (or optionalUser); null = anonymous. */
    user: AuthUser | null;
  }
  interface FastifyContextConfig {
    /** false exempts a route from the CSRF check (bearer-token machine routes under /api/integration/). */
    csrf?: boolean;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const CSRF_FAILURE = 'Missing or invalid CSRF token. Reload the page and try again.';

/** The session cookie, kept by the browser as long as the session's absolute lifetime (`ttlHours`). */
export function sessionCookieOptions(config: Pick<Config, 'secureCookies'>, ttlHours: number) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    path: '/',
    secure: config.secureCookies,
    maxAge: ttlHours * 3600,
  };
}

export function csrfCookieOptions(config: Pick<Config, 'secureCookies'>) {
  return { httpOnly: false, sameSite: 'strict' as const, path: '/', secure: config.secureCookies };
}

/**
 * A new CSRF token, sent with every new (or ended) session: a token that was known before sign-in (planted by
 * someone who had the browser, or read from an earlier session) stops working the moment the session changes.
 */
export function rotateCsrfCookie(reply: FastifyReply, config: Pick<Config, 'secureCookies'>): void {
  reply.setCookie(CSRF_COOKIE, newToken(), csrfCookieOptions(config));
}

function sameOrigin(request: FastifyRequest, origin: string): boolean {
  try {
    const o = new URL(origin);
    // Parse the Host the same way so default ports compare equal (localhost:80 vs http://localhost).
    // request.host honours X-Forwarded-Host only when trustProxy is on (behind our own TLS proxy).
    return o.host === new URL(`${o.protocol}//${request.host}`).host;
  } catch {
    return false;
  }
}

/**
 * CSRF by double submit: a random non-HttpOnly `hms_csrf` cookie (SameSite=Strict) that the page's script copies into
 * the `x-csrf-token` header. Another site can make the browser send the cookie but cannot read it to set the header.
 * A cross-site Origin header is refused outright as a second line.
 */
export const authPlugin = fp<{
  config: Config;
  /**
   * Where the session lifetimes come from at each request (the app passes the agency settings, which an administrator
   * changes without a restart; platform does not import modules). Default: the configuration's.
   */
  sessionPolicy?: () => Promise<SessionPolicy>;
  /**
   * The same lifetimes as SQL subqueries, read in the statement that checks the session on every request (the app
   * passes the settings module's); without it the check awaits sessionPolicy() alongside its statement.
   */
  sessionPolicySql?: SessionPolicySql;
}>(async (app, { config, sessionPolicy, sessionPolicySql }) => {
  app.decorate(
    'sessionPolicy',
    sessionPolicy ??
      (async () => ({ ttlHours: config.sessionTtlHours, idleMinutes: config.sessionIdleMinutes })),
  );
  app.decorate('sessionPolicySql', sessionPolicySql ?? null);
  app.decorateRequest('user', null);
  registerNoStore(app);

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const cookieToken = request.cookies[CSRF_COOKIE];
    if (!cookieToken) rotateCsrfCookie(reply, config);
    if (!UNSAFE.has(request.method) || !request.url.startsWith('/api/')) return;
    if (request.routeOptions.config.csrf === false) return;
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== 'null' && !sameOrigin(request, origin)) {
      return sendProblem(
        request,
        reply,
        forbidden(
          'auth.cross_site',
          'Cross-site requests are not allowed. Use HMS from its own address.',
        ),
      );
    }
    if (origin === 'null')
      return sendProblem(
        request,
        reply,
        forbidden('auth.cross_site', 'Cross-site requests are not allowed.'),
      );
    const header = request.headers[CSRF_HEADER];
    if (!cookieToken || typeof header !== 'string' || !safeEqual(header, cookieToken)) {
      return sendProblem(request, reply, forbidden('auth.csrf_failed', CSRF_FAILURE));
    }
  });
});

/**
 * Personal answers must never sit in a shared or browser cache (a proxy, the back button on a library computer):
 * every API response to a signed-in caller, to a request that carried a session cookie, or that sets a cookie, is
 * `no-store`. One hook here instead of one header per route, so a new route cannot forget it.
 */
function registerNoStore(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.url.startsWith('/api/')) return payload;
    const personal =
      request.user !== null ||
      request.cookies[SESSION_COOKIE] !== undefined ||
      reply.hasHeader('set-cookie');
    const current = String(reply.getHeader('cache-control') ?? '');
    if (personal && !current.includes('no-store')) {
      reply.header('cache-control', current.includes('private') ? 'private, no-store' : 'no-store');
    }
    return payload;
  });
}

/** The signed-in user of a request, or null; for pages that differ by session without requiring one. */
export async function authenticate(request: FastifyRequest): Promise<AuthUser | null> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return null;
  const { db } = request.server;
  return resolveSession(
    db,
    token,
    request.server.sessionPolicySql ?? request.server.sessionPolicy(),
  );
}

function clearStaleSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  if (request.cookies[SESSION_COOKIE]) reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** onRequest guard (runs before body validation, so a refused caller learns nothing about the body): 401 unless a live session is present; sets request.user. */
export const requireUser: onRequestAsyncHookHandler = async function (request, reply) {
  const user = await authenticate(request);
  if (!user) {
    clearStaleSessionCookie(request, reply);
    return sendProblem(request, reply, unauthorized('auth.not_signed_in'));
  }
  request.user = user;
};

/** onRequest guard: 401 when anonymous, 403 unless the user holds at least one of the roles. */
export function requireRoles(...roles: Role[]): onRequestAsyncHookHandler {
  if (roles.length === 0)
    throw new Error(
      'requireRoles needs at least one role; use requireUser for any signed-in user.',
    );
  return async function (request, reply) {
    const user = await authenticate(request);
    if (!user) {
      clearStaleSessionCookie(request, reply);
      return sendProblem(request, reply, unauthorized('auth.not_signed_in'));
    }
    request.user = user;
    if (!user.roles.some((r) => roles.includes(r))) {
      return sendProblem(
        request,
        reply,
        forbidden('auth.role_required', `This needs one of these roles: ${roles.join(', ')}.`),
      );
    }
  };
}

/** For handlers behind requireUser/requireRoles: the user, typed non-null. */
export function currentUser(request: FastifyRequest): AuthUser {
  if (!request.user)
    throw new Error('currentUser() used on a route without requireUser/requireRoles.');
  return request.user;
}

/** The signed-in person as an audited action names them: their user id and the address they came from. */
export function auditedUser(request: FastifyRequest): { id: string; ip: string | null } {
  return { id: currentUser(request).id, ip: request.ip || null };
}

/** The signed-in person and the address they came from: the caller a citizen's or an administrator's service takes. */
export function currentCaller(request: FastifyRequest): Caller {
  return { user: currentUser(request), ip: request.ip || null };
}

/** The signed-in caller as the approval services take them: who, with which roles, from where (for the audit log). */
export function currentActor(request: FastifyRequest): {
  id: string;
  roles: AuthUser['roles'];
  ip: string;
} {
  const { id, roles } = currentUser(request);
  return { id, roles, ip: request.ip };
}
