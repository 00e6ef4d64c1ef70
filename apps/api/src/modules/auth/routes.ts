import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  SESSION_COOKIE,
  registerBodySchema,
  registerResponseSchema,
  signInBodySchema,
  updateMeBodySchema,
  userResponseSchema,
} from '@hms/contracts/auth';
import { problemSchema } from '@hms/contracts/problem';
import { currentUser, requireUser, sessionCookieOptions } from '../../platform/auth/plugin.ts';
import * as service from './service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 429: problemSchema };

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config, db } = app;
  const policy = { ttlHours: config.sessionTtlHours, idleMinutes: config.sessionIdleMinutes };
  const meta = (req: {
    ip: string;
    headers: Record<string, unknown>;
    cookies: Record<string, string | undefined>;
  }) => ({
    ip: req.ip || null,
    userAgent: typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'] : null,
    currentToken: req.cookies[SESSION_COOKIE],
  });

  app.post(
    '/api/auth/register',
    {
      schema: {
        operationId: 'register',
        tags: ['auth'],
        summary: 'Create a citizen account and sign in',
        description:
          'Roles: public (no sign-in). Password: 12–128 characters, not a commonly used password, not containing the ' +
          'email. 201 in every accepted case; `user` is null when the email was already registered (sign in instead).',
        body: registerBodySchema,
        response: { 201: registerResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { user, token } = await service.register(db, policy, request.body, meta(request));
      if (token) reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(config));
      return reply.code(201).send({ user, message: service.REGISTER_MESSAGE });
    },
  );

  app.post(
    '/api/auth/sign-in',
    {
      schema: {
        operationId: 'signIn',
        tags: ['auth'],
        summary: 'Sign in with email and password',
        description:
          'Roles: public (no sign-in). Sets the hms_session cookie. 401 "Email or password is incorrect." for any ' +
          'failure; 429 with Retry-After after 5 failures for an account (or 50 from an address) in 15 minutes.',
        body: signInBodySchema,
        response: { 200: userResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { user, token } = await service.signIn(db, policy, request.body, meta(request));
      reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(config));
      return { user };
    },
  );

  app.post(
    '/api/auth/sign-out',
    {
      schema: {
        operationId: 'signOut',
        tags: ['auth'],
        summary: 'Sign out (ends this session)',
        description: 'Roles: public (no sign-in needed; ends the session if there is one).',
        response: { 204: z.null().describe('Signed out'), 403: problemSchema },
      },
    },
    async (request, reply) => {
      await service.signOut(db, request.cookies[SESSION_COOKIE], request.ip || null);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/me',
    {
      onRequest: requireUser,
      schema: {
        operationId: 'getMe',
        tags: ['auth'],
        summary: 'The signed-in user',
        description:
          'Roles: any signed-in user (citizen, approver, senior_approver, finance, finance_supervisor, admin).',
        response: { 200: userResponseSchema, 401: problemSchema },
      },
    },
    async (request) => ({ user: await service.getMe(db, currentUser(request).id) }),
  );

  app.patch(
    '/api/me',
    {
      onRequest: requireUser,
      schema: {
        operationId: 'updateMe',
        tags: ['auth'],
        summary: 'Change your language or display name',
        description:
          'Roles: any signed-in user (citizen, approver, senior_approver, finance, finance_supervisor, admin).',
        body: updateMeBodySchema,
        response: { 200: userResponseSchema, ...errors },
      },
    },
    async (request) => ({
      user: await service.updateMe(db, currentUser(request).id, request.body, request.ip || null),
    }),
  );
};
