import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { financeSummaryResponseSchema } from '@hms/contracts/finance-summary';
import { inboxCountsResponseSchema } from '@hms/contracts/inbox';
import { problemResponses } from '../../platform/problem-responses.ts';
import { currentUser, requireRoles } from '../../platform/auth/plugin.ts';
import * as service from './service.ts';

/**
 * Read models: answers that read several owners' tables and write nothing. The approvers' queue counts (requests
 * and the trigger-kept inbox_queue_counts) and the finance summary (requests and payments per program). A read that
 * belongs to one owner lives with that owner (the program list in programs, "my requests" in applications).
 */
export const inboxCountsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '',
    {
      onRequest: requireRoles('approver', 'senior_approver'),
      schema: {
        operationId: 'getInboxCounts',
        tags: ['approvals'],
        summary: 'Counts for the approval inbox queues',
        description:
          'Roles: approver, senior_approver. Counts open requests (submitted, in_review, needs_info, ' +
          'awaiting_second_approval); overdue = past due_at and not paused in needs_info.',
        response: { 200: inboxCountsResponseSchema, ...problemResponses(401, 403) },
      },
    },
    async (request) => service.inboxCounts(db, currentUser(request).id),
  );
};

export const financeSummaryRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '',
    {
      onRequest: requireRoles('finance', 'finance_supervisor'),
      schema: {
        operationId: 'getFinanceSummary',
        tags: ['finance'],
        summary: 'Money approved, pending, paid and returned, in total and per program',
        description:
          'Roles: finance, finance_supervisor. approved = approved amount of requests approved, paid or payment_returned; ' +
          'pending = payments pending, prenote_sent, batched or released; paid = settled payments; returned = returned payments.',
        response: { 200: financeSummaryResponseSchema, ...problemResponses(401, 403) },
      },
    },
    async () => service.financeSummary(db),
  );
};
