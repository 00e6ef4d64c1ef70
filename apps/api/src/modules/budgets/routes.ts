import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  budgetDefinitions,
  financeBudgetsQuerySchema,
  financeBudgetsSchema,
} from '@hms/contracts/finance-budgets';
import { financeStaff } from '../../platform/route-options.ts';
import { figuresRoute, neverCached } from '../../platform/money-read-routes.ts';
import * as service from './service.ts';

/** Program budgets for finance (issue 13 item 3). A read model: nothing is cached, a money figure is always fresh. */
export const budgetsRoutes: FastifyPluginAsyncZod = async (app) => {
  neverCached(app);

  figuresRoute(app, '/budgets', financeStaff, {
    operationId: 'getFinanceBudgets',
    summary:
      'Each program’s budget against committed, obligated and paid money, and its run-out date',
    description:
      'Roles: finance, finance_supervisor. Practice programs are never listed; imported history counts.',
    querystring: financeBudgetsQuerySchema,
    figures: financeBudgetsSchema,
    definitions: budgetDefinitions,
    read: service.budgets,
  });
};
