import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  reconciliationBatchesPageSchema,
  reconciliationBatchesQuerySchema,
  reconciliationExceptionRowSchema,
  reconciliationExceptionsPageSchema,
  reconciliationExceptionsQuerySchema,
  reconciliationReturnsPageSchema,
  reconciliationReturnsQuerySchema,
  resolveExceptionBodySchema,
} from '@hms/contracts/finance-reconciliation';
import { currentUser } from '../../platform/auth/plugin.ts';
import { problemResponses } from '../../platform/problem-responses.ts';
import { routeGroup } from '../../platform/route-options.ts';
import { csvListRoute, neverCached } from '../../platform/money-read-routes.ts';
import * as service from './service.ts';

const finance = routeGroup({ tag: 'reconciliation', roles: ['finance', 'finance_supervisor'] });
const supervisor = routeGroup({ tag: 'reconciliation', roles: ['finance_supervisor'] });

/**
 * Reconciliation (issue 13, item 5): released batches, expected against settled and returned; the returns; and every
 * item not reconciled as an exception, worked to zero. Nothing is cached (`no-store`): a money figure is as fresh as
 * the database.
 */
export const reconciliationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;
  neverCached(app);

  csvListRoute(app, '/batches', finance, {
    operationId: 'listReconciliationBatches',
    summary: 'Released batches: what each file carried against what was settled and returned',
    description:
      'Roles: finance, finance_supervisor. expected = the money entries and total credit of the NACHA file; ' +
      'difference = expected − settled − returned; a batch is reconciled when nothing is outstanding and the file ' +
      'agrees with its entries (or a supervisor resolved the disagreement). from/to filter on the release day ' +
      '(agency time zone). format=csv streams every matching row.',
    querystring: reconciliationBatchesQuerySchema,
    page: reconciliationBatchesPageSchema,
    csvName: 'reconciliation-batches',
    list: service.batchesPage,
    csv: service.batchesCsv,
  });

  csvListRoute(app, '/returns', finance, {
    operationId: 'listReconciliationReturns',
    summary: 'Every entry the bank returned, with its code and any replacement payment',
    description:
      'Roles: finance, finance_supervisor. from/to filter on the day the return was imported (agency time zone); ' +
      'format=csv streams every matching row.',
    querystring: reconciliationReturnsQuerySchema,
    page: reconciliationReturnsPageSchema,
    csvName: 'reconciliation-returns',
    list: service.returnsPage,
    csv: service.returnsCsv,
  });

  csvListRoute(app, '/exceptions', finance, {
    operationId: 'listReconciliationExceptions',
    summary:
      'Every item not reconciled, with its age in business days, its reason and what clears it',
    description:
      'Roles: finance, finance_supervisor. Reasons: settlement_late (released, not settled after the effective ' +
      'date), return_not_reissued (returned, no replacement payment), noc_not_applied (a correction not decided), ' +
      'file_total_mismatch (the file disagrees with its entries). from/to filter on the day the item became an ' +
      'exception; state=resolved lists those a supervisor resolved by hand. format=csv streams every matching row.',
    querystring: reconciliationExceptionsQuerySchema,
    page: reconciliationExceptionsPageSchema,
    csvName: 'reconciliation-exceptions',
    list: service.exceptionsPage,
    csv: service.exceptionsCsv,
  });

  app.post(
    '/exceptions/resolve',
    supervisor({
      operationId: 'resolveReconciliationException',
      summary:
        'Resolve by hand an exception nothing else clears (written off, or confirmed with the bank)',
      description:
        'Roles: finance_supervisor. Only return_not_reissued and file_total_mismatch exceptions; the note is kept ' +
        'with the resolution and in the audit log.',
      body: resolveExceptionBodySchema,
      response: { 200: reconciliationExceptionRowSchema, ...problemResponses(404, 409) },
    }),
    async (request) =>
      service.resolveException(db, config.timezone, currentUser(request), request.body, request.ip),
  );
};
