import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  figureDefinitions,
  financeOverviewQuerySchema,
  financeOverviewSchema,
  financePaymentsPageSchema,
  financePaymentsQuerySchema,
  financeRequestsPageSchema,
  financeRequestsQuerySchema,
} from '@hms/contracts/finance-overview';
import { problemResponses } from '../../platform/problem-responses.ts';
import { requireRoles } from '../../platform/auth/plugin.ts';
import * as service from './service.ts';

const guarded = problemResponses(400, 401, 403);
const definitions = Object.entries(figureDefinitions)
  .map(([figure, text]) => `${figure}: ${text.en}`)
  .join(' ');
const csvOrJson = (page: z.ZodType) =>
  z.union([page, z.string().describe('format=csv: CSV, RFC 4180, UTF-8')]);

/**
 * The finance workspace (issue 13): the overview of a period and the lists behind each of its figures. A read model:
 * it writes nothing, and nothing is cached, so a money figure is as fresh as the database.
 */
export const financeRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;

  app.get(
    '/overview',
    {
      onRequest: requireRoles('finance', 'finance_supervisor'),
      schema: {
        operationId: 'getFinanceOverview',
        tags: ['finance'],
        summary: 'Money requested, approved, waiting, released, paid and returned in a period',
        description:
          'Roles: finance, finance_supervisor. Days are in the agency time zone; practice programs are never ' +
          `counted, imported history is. ${definitions}`,
        querystring: financeOverviewQuerySchema,
        response: { 200: financeOverviewSchema, ...guarded },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return service.overview(db, config.timezone, request.query);
    },
  );

  app.get(
    '/payments',
    {
      onRequest: requireRoles('finance', 'finance_supervisor'),
      schema: {
        operationId: 'listFinancePayments',
        tags: ['finance'],
        summary:
          'Payments of a period, by the date they reached their status; filter, search, sort, CSV',
        description:
          'Roles: finance, finance_supervisor. A payment is in the period when it reached its current status in ' +
          'it; figure= keeps the payments one overview figure counts, so totalCents equals that figure. ' +
          'format=csv streams every matching row with the amount in dollars and cents.',
        querystring: financePaymentsQuerySchema,
        produces: ['application/json', 'text/csv'],
        response: { 200: csvOrJson(financePaymentsPageSchema), ...guarded },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      if (request.query.format === 'csv') {
        const stream = service.paymentsCsv(db, config.timezone, request.query);
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="hms-payments.csv"`)
          .send(stream as unknown as string);
      }
      return service.paymentsPage(db, config.timezone, request.query);
    },
  );

  app.get(
    '/requests',
    {
      onRequest: requireRoles('finance', 'finance_supervisor'),
      schema: {
        operationId: 'listFinanceRequests',
        tags: ['finance'],
        summary: 'The requests behind a request figure of the overview; search, sort, CSV',
        description:
          'Roles: finance, finance_supervisor. figure= requested (default), approved or pastReviewDeadline; ' +
          'totalCents equals that figure of the overview for the same period and program.',
        querystring: financeRequestsQuerySchema,
        produces: ['application/json', 'text/csv'],
        response: { 200: csvOrJson(financeRequestsPageSchema), ...guarded },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      if (request.query.format === 'csv') {
        const stream = service.requestsCsv(db, config.timezone, request.query);
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="hms-requests.csv"`)
          .send(stream as unknown as string);
      }
      return service.requestsPage(db, config.timezone, request.query);
    },
  );
};
