import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { paymentsQuerySchema, paymentsResponseSchema } from '@hms/contracts/payments';
import { problemResponses } from '../../platform/problem-responses.ts';
import { requireRoles } from '../../platform/auth/plugin.ts';
import * as service from './service.ts';

const guarded = problemResponses(400, 401, 403);

export const paymentsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '',
    {
      onRequest: requireRoles('finance', 'finance_supervisor'),
      schema: {
        operationId: 'listPayments',
        tags: ['payments'],
        summary: 'Payments, filtered by status, program and creation date (agency time zone)',
        description:
          'Roles: finance, finance_supervisor. Ordered by id (creation order); cursor pagination; totals cover every page.',
        querystring: paymentsQuerySchema,
        response: { 200: paymentsResponseSchema, ...guarded },
      },
    },
    async (request) => service.listPayments(app.db, app.config, request.query),
  );
};
