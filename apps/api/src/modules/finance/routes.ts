import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  figureDefinitions,
  financeOverviewQuerySchema,
  financeOverviewSchema,
  financePaymentsPageSchema,
  financePaymentsQuerySchema,
  financeRequestsPageSchema,
  financeRequestsQuerySchema,
} from '@hms/contracts/finance-overview';
import { financeStaff } from '../../platform/route-options.ts';
import { csvListRoute, figuresRoute, neverCached } from '../../platform/money-read-routes.ts';
import * as service from './service.ts';

/**
 * The finance workspace (issue 13): the overview of a period and the lists behind each of its figures. A read model:
 * it writes nothing, and nothing is cached (`no-store`), so a money figure is as fresh as the database.
 */
export const financeRoutes: FastifyPluginAsyncZod = async (app) => {
  neverCached(app);

  figuresRoute(app, '/overview', financeStaff, {
    operationId: 'getFinanceOverview',
    summary: 'Money requested, approved, waiting, released, paid and returned in a period',
    description:
      'Roles: finance, finance_supervisor. Days are in the agency time zone; practice programs are never ' +
      'counted, imported history is.',
    querystring: financeOverviewQuerySchema,
    figures: financeOverviewSchema,
    definitions: figureDefinitions,
    read: service.overview,
  });

  csvListRoute(app, '/payments', financeStaff, {
    operationId: 'listFinancePayments',
    summary:
      'Payments of a period, by the date they reached their status; filter, search, sort, CSV',
    description:
      'Roles: finance, finance_supervisor. A payment is in the period when it reached its current status in ' +
      'it; figure= keeps the payments one overview figure counts, so totalCents equals that figure. ' +
      'format=csv streams every matching row with the amount in dollars and cents.',
    querystring: financePaymentsQuerySchema,
    page: financePaymentsPageSchema,
    csvName: 'payments',
    list: service.paymentsPage,
    csv: service.paymentsCsv,
  });

  csvListRoute(app, '/requests', financeStaff, {
    operationId: 'listFinanceRequests',
    summary: 'The requests behind a request figure of the overview; search, sort, CSV',
    description:
      'Roles: finance, finance_supervisor. figure= requested (default), approved or pastReviewDeadline; ' +
      'totalCents equals that figure of the overview for the same period and program.',
    querystring: financeRequestsQuerySchema,
    page: financeRequestsPageSchema,
    csvName: 'requests',
    list: service.requestsPage,
    csv: service.requestsCsv,
  });
};
