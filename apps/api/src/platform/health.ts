import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { healthResponseSchema, readyResponseSchema } from '@hms/contracts/platform';
import { problemResponses } from './problem-responses.ts';
import { pingDb } from './db/connect.ts';
import { sendProblem, serviceUnavailable } from './errors.ts';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        operationId: 'getHealth',
        tags: ['platform'],
        summary: 'Liveness: the process is up',
        description: 'Roles: public (no sign-in). Does not touch the database.',
        response: { 200: healthResponseSchema },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/ready',
    {
      schema: {
        operationId: 'getReady',
        tags: ['platform'],
        summary: 'Readiness: the database answers',
        description:
          'Roles: public (no sign-in). 503 problem when the database does not answer `select 1`.',
        response: { 200: readyResponseSchema, ...problemResponses(503) },
      },
    },
    async (request, reply) => {
      try {
        await pingDb(app.db);
      } catch (err) {
        request.log.warn({ err }, 'readiness check failed');
        return sendProblem(
          request,
          reply,
          serviceUnavailable('server.unavailable', 'The database is not reachable.'),
        );
      }
      return { status: 'ready' as const };
    },
  );
};
