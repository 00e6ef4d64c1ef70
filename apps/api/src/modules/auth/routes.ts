import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  SESSION_COOKIE,
  clearThrottleBodySchema,
  confirmRegistrationBodySchema,
  registerBodySchema,
  throttledAccountsResponseSchema,
  registerResponseSchema,
  signInBodySchema,
  updateMeBodySchema,
  userResponseSchema,
} from '@hms/contracts/auth';
import {
  currentUser,
  requireRoles,
  requireUser,
  rotateCsrfCookie,
  sessionCookieOptions,
} from '../../platform/auth/plugin.ts';
import { problemResponses } from '../../platform/problem-responses.ts';
import { routeGroup } from '../../platform/route-options.ts';
import * as service from './service.ts';
import { sessionPolicy } from '../settings/service.ts';
import type { SessionPolicy } from '../../platform/auth/sessions.ts';

const anyone = routeGroup({ tag: 'auth', problems: [429] });
const signedIn = routeGroup({ tag: 'auth', onRequest: requireUser, problems: [429] });
const admin = routeGroup({ tag: 'admin', roles: ['admin'], problems: [429] });

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config, db } = app;
  const meta = (req: {
    ip: string;
    headers: Record<string, unknown>;
    cookies: Record<string, string | undefined>;
  }) => ({
    ip: req.ip || null,
    userAgent: typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'] : null,
    currentToken: req.cookies[SESSION_COOKIE],
  });
  /**
   * Opens a session with the lifetimes the agency settings give now (an administrator changes them without a
   * restart): the session cookie for that long, and a fresh CSRF cookie beside it.
   */
  const startSession = async <U>(
    reply: FastifyReply,
    open: (policy: SessionPolicy) => Promise<{ user: U; token: string }>,
  ) => {
    const policy = await sessionPolicy(db);
    const { user, token } = await open(policy);
    reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(config, policy.ttlHours));
    rotateCsrfCookie(reply, config);
    return { user };
  };

  app.post(
    '/register',
    anyone({
      operationId: 'register',
      summary: 'Ask for a citizen account; a link to finish it is emailed',
      description:
        'Roles: public (no sign-in). Password: 12–128 characters, not a commonly used password, not containing the ' +
        'email. 202 with the same message, and no cookie, whether or not the email was already registered: a new ' +
        'address gets a confirmation link (POST /api/auth/register/confirm), an existing one an email telling its ' +
        'owner. 429 with Retry-After after many registrations from one address.',
      body: registerBodySchema,
      response: { 202: registerResponseSchema },
    }),
    async (request, reply) => {
      await service.register(db, config.publicUrl, request.body, meta(request));
      return reply.code(202).send({ message: service.REGISTER_MESSAGE });
    },
  );

  app.post(
    '/register/confirm',
    anyone({
      operationId: 'confirmRegistration',
      summary: 'Finish a registration with the emailed link; creates the account and signs in',
      description:
        'Roles: public (no sign-in). The token is the one in the emailed link; it works once, for 24 hours. ' +
        'Sets the hms_session cookie and a new hms_csrf cookie. 400 on an expired or used token.',
      body: confirmRegistrationBodySchema,
      response: { 200: userResponseSchema },
    }),
    async (request, reply) => {
      return startSession(reply, (policy) =>
        service.confirmRegistration(db, policy, request.body.token, meta(request)),
      );
    },
  );

  app.post(
    '/sign-in',
    anyone({
      operationId: 'signIn',
      summary: 'Sign in with email and password',
      description:
        'Roles: public (no sign-in). Sets the hms_session cookie and a new hms_csrf cookie. 401 "Email or password ' +
        'is incorrect." for any failure; 429 with Retry-After while a source that has been failing must wait ' +
        '(waits grow per source and account, per source, and per account for sources failing on it; a source ' +
        "that has not been failing is never held back by other sources' failures).",
      body: signInBodySchema,
      response: { 200: userResponseSchema },
    }),
    async (request, reply) => {
      return startSession(reply, (policy) =>
        service.signIn(db, policy, request.body, meta(request)),
      );
    },
  );

  app.post(
    '/sign-out',
    {
      schema: {
        operationId: 'signOut',
        tags: ['auth'],
        summary: 'Sign out (ends this session)',
        description: 'Roles: public (no sign-in needed; ends the session if there is one).',
        response: { 204: z.null().describe('Signed out'), ...problemResponses(403) },
      },
    },
    async (request, reply) => {
      await service.signOut(db, request.cookies[SESSION_COOKIE], request.ip || null);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      rotateCsrfCookie(reply, config);
      return reply.code(204).send(null);
    },
  );
};

/** The signed-in user's own account. */
export const meRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '',
    {
      onRequest: requireUser,
      schema: {
        operationId: 'getMe',
        tags: ['auth'],
        summary: 'The signed-in user',
        description:
          'Roles: any signed-in user (citizen, approver, senior_approver, finance, finance_supervisor, admin).',
        response: { 200: userResponseSchema, ...problemResponses(401) },
      },
    },
    async (request) => ({ user: service.me(currentUser(request)) }),
  );

  app.patch(
    '',
    signedIn({
      operationId: 'updateMe',
      summary: 'Change your language or display name',
      description:
        'Roles: any signed-in user (citizen, approver, senior_approver, finance, finance_supervisor, admin).',
      body: updateMeBodySchema,
      response: { 200: userResponseSchema },
    }),
    async (request) => ({
      user: await service.updateMe(db, currentUser(request).id, request.body, request.ip || null),
    }),
  );
};

/** The sign-in throttle as the administrator sees it: accounts with failed sign-ins, and clearing them. */
export const signInThrottleRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '',
    {
      onRequest: requireRoles('admin'),
      schema: {
        operationId: 'listThrottledAccounts',
        tags: ['admin'],
        summary: 'Accounts with failed sign-ins counted against them',
        description:
          'Roles: admin. Accounts with several failed sign-ins in the last hour, worst first. Sources that failed on ' +
          'them wait before trying again; the owner from another source is never held back.',
        response: { 200: throttledAccountsResponseSchema, ...problemResponses(401, 403) },
      },
    },
    async () => service.listThrottled(db),
  );

  app.post(
    '/clear',
    admin({
      operationId: 'clearThrottledAccount',
      summary: "Clear an account's failed sign-ins and every source's wait on it",
      description: 'Roles: admin. Audited. 404 when nothing is counted for the email.',
      body: clearThrottleBodySchema,
      response: { 204: z.null(), ...problemResponses(404) },
    }),
    async (request, reply) => {
      await service.clearThrottle(
        db,
        currentUser(request).id,
        request.body.email,
        request.ip || null,
      );
      return reply.code(204).send(null);
    },
  );
};
