import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { paginationQuerySchema } from '@hms/contracts/pagination';
import {
  notificationIdParamsSchema,
  notificationsResponseSchema,
  outboxQuerySchema,
  outboxResponseSchema,
  unreadCountResponseSchema,
} from '@hms/contracts/notifications';
import { problemResponses } from '../../platform/problem-responses.ts';
import { routeGroup } from '../../platform/route-options.ts';
import { currentUser } from '../../platform/auth/plugin.ts';
import { readerLanguage } from '../../platform/language.ts';
import * as service from './service.ts';

const citizen = routeGroup({ tag: 'notifications', roles: ['citizen'], problems: [404] });
const admin = routeGroup({ tag: 'admin', roles: ['admin'], problems: [404] });

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '',
    citizen({
      operationId: 'listNotifications',
      summary: 'My notifications, newest first',
      description:
        'Roles: citizen. Cursor pagination: pass nextCursor back as cursor; limit 1–100 (default 20). Each ' +
        'notification is written in the first of en/es in Accept-Language, else in the profile language.',
      querystring: paginationQuerySchema,
      response: { 200: notificationsResponseSchema },
    }),
    async (request) => {
      const user = currentUser(request);
      return service.list(db, user.id, request.query, readerLanguage(request, user.language));
    },
  );

  app.get(
    '/unread-count',
    citizen({
      operationId: 'getUnreadNotificationCount',
      summary: 'How many of my notifications are unread (for the header badge)',
      description: 'Roles: citizen.',
      response: { 200: unreadCountResponseSchema },
    }),
    async (request) => ({ unread: await service.unread(db, currentUser(request).id) }),
  );

  app.post(
    '/:notificationId/read',
    citizen({
      operationId: 'markNotificationRead',
      summary: 'Mark one notification read',
      description: "Roles: citizen. Another person's notification is 404.",
      params: notificationIdParamsSchema,
      response: { 204: z.null() },
    }),
    async (request, reply) => {
      await service.markRead(db, currentUser(request).id, request.params.notificationId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/read-all',
    citizen({
      operationId: 'markAllNotificationsRead',
      summary: 'Mark all my notifications read',
      description: 'Roles: citizen.',
      response: { 200: z.object({ marked: z.number().int() }) },
    }),
    async (request) => ({ marked: await service.markAllRead(db, currentUser(request).id) }),
  );
};

/** The email outbox as the administrator sees it: every email and its state, and a retry for a dead one. */
export const emailOutboxRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;

  app.get(
    '',
    admin({
      operationId: 'listEmailOutbox',
      summary: 'Emails queued, sent and dead (the email outbox)',
      description:
        'Roles: admin. With no HMS_SMTP_URL every email stays queued here (smtpConfigured false). Filter by ' +
        'status; cursor pagination (limit 1–100, default 50).',
      querystring: outboxQuerySchema,
      response: { 200: outboxResponseSchema },
    }),
    async (request) => service.outbox(db, config.smtpUrl !== undefined, request.query),
  );

  app.post(
    '/:emailId/retry',
    admin({
      operationId: 'retryDeadEmail',
      summary: 'Send a dead email again (queued now, with a fresh round of attempts)',
      description:
        'Roles: admin. Only an email HMS gave up on (dead): 409 email.not_dead otherwise. Audited.',
      params: z.object({ emailId: z.uuid({ error: 'Not an email id.' }) }),
      response: { 204: z.null(), ...problemResponses(409) },
    }),
    async (request, reply) => {
      await service.retryDeadEmail(db, currentUser(request).id, request.params.emailId, request.ip);
      return reply.code(204).send(null);
    },
  );
};
