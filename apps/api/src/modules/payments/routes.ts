import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { paymentsQuerySchema, paymentsResponseSchema } from '@hms/contracts/payments';
import { routeGroup } from '../../platform/route-options.ts';
import * as service from './service.ts';

const finance = routeGroup({ tag: 'payments', roles: ['finance', 'finance_supervisor'] });

export const paymentsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '',
    finance({
      operationId: 'listPayments',
      summary: 'Payments, filtered by status, program and creation date (agency time zone)',
      description:
        'Roles: finance, finance_supervisor. Ordered by id (creation order); cursor pagination; totals cover every page.',
      querystring: paymentsQuerySchema,
      response: { 200: paymentsResponseSchema },
    }),
    async (request) => service.listPayments(app.db, app.config, request.query),
  );
};
