import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { financeTodaySchema } from '@hms/contracts/finance-today';
import { currentUser } from '../../platform/auth/plugin.ts';
import { financeStaff } from '../../platform/route-options.ts';
import { neverCached } from '../../platform/money-read-routes.ts';
import * as service from './service.ts';

/**
 * The finance landing page (issue 13, item 1): the work waiting now. A read model that is never cached (`no-store`):
 * a figure is as fresh as the database when it is asked.
 */
export const financeTodayRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;
  neverCached(app);

  app.get(
    '',
    financeStaff({
      operationId: 'getFinanceToday',
      summary:
        'What needs doing today: cut-offs, payments to batch, batches to release, holds, returns, webhooks',
      description:
        'Roles: finance, finance_supervisor. Cut-offs are instants, read in the agency time zone from the same-day ' +
        'cut-off setting and the Federal Reserve business days; waitingForRelease.releasableByYou counts the batches ' +
        'the caller may release (dual control). Practice programs are never counted. Each figure names the finance ' +
        'page (link) that lists what it counts.',
      response: { 200: financeTodaySchema },
    }),
    async (request) => service.today(db, config, currentUser(request)),
  );
};
