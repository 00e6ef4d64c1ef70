import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  budgetDefinitions,
  financeBudgetsQuerySchema,
  financeBudgetsSchema,
} from '@hms/contracts/finance-budgets';
import { financeStaff } from '../../platform/route-options.ts';
import { definitionsText, neverCached } from '../../platform/money-read-routes.ts';
import * as service from './service.ts';

const definitions = definitionsText(budgetDefinitions);

/** Program budgets for finance (issue 13 item 3). A read model: nothing is cached, a money figure is always fresh. */
export const budgetsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;
  neverCached(app);

  app.get(
    '/budgets',
    financeStaff({
      operationId: 'getFinanceBudgets',
      summary:
        'Each program’s budget against committed, obligated and paid money, and its run-out date',
      description:
        'Roles: finance, finance_supervisor. Practice programs are never listed; imported history counts. ' +
        definitions,
      querystring: financeBudgetsQuerySchema,
      response: { 200: financeBudgetsSchema },
    }),
    async (request) => service.budgets(db, config.timezone, request.query),
  );
};
