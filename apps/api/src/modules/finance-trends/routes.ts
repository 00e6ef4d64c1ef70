import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  financeTrendsQuerySchema,
  financeTrendsSchema,
  trendDefinitions,
} from '@hms/contracts/finance-trends';
import { financeStaff } from '../../platform/route-options.ts';
import { figuresRoute, neverCached } from '../../platform/money-read-routes.ts';
import * as service from './service.ts';

/** Finance trends (issue 13 item 4). A read model: nothing is cached, a money figure is always fresh. */
export const financeTrendsRoutes: FastifyPluginAsyncZod = async (app) => {
  neverCached(app);

  figuresRoute(app, '/trends', financeStaff, {
    operationId: 'getFinanceTrends',
    summary: 'Approved, paid and returned money day by day or week by week, and returns by reason',
    description:
      'Roles: finance, finance_supervisor. The series are the overview figures of the same names split into ' +
      'buckets, so they add up to the overview for the same period and program; practice programs never count, ' +
      'imported history does.',
    querystring: financeTrendsQuerySchema,
    figures: financeTrendsSchema,
    definitions: trendDefinitions,
    read: service.trends,
  });
};
