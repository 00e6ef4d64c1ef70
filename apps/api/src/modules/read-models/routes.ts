import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  financeSummaryResponseSchema,
  inboxCountsResponseSchema,
  myRequestsResponseSchema,
  paginationQuerySchema,
  programsResponseSchema,
} from '@hms/contracts/landing';
import { problemResponses } from '../../platform/problem-responses.ts';
import { currentUser, requireRoles } from '../../platform/auth/plugin.ts';
import * as service from './service.ts';
import * as programs from '../programs/service.ts';

const guarded = problemResponses(400, 401, 403);

/** The first screen of each remote: small read models (my requests, inbox counts, finance summary) computed from
 * requests and payments; the program list is the programs module's catalog. */
export const readModelRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '/programs',
    {
      schema: {
        operationId: 'listPrograms',
        tags: ['programs'],
        summary: 'Programs, with whether each is open for applications now',
        description: 'Roles: public (no sign-in).',
        response: { 200: programsResponseSchema },
      },
    },
    async () => programs.programCatalog(db),
  );

  app.get(
    '/requests/mine',
    {
      onRequest: requireRoles('citizen'),
      schema: {
        operationId: 'listMyRequests',
        tags: ['requests'],
        summary: "The caller's own requests, drafts included, newest first",
        description:
          'Roles: citizen. Cursor pagination: pass nextCursor back as cursor; limit 1–100 (default 20).',
        querystring: paginationQuerySchema,
        response: { 200: myRequestsResponseSchema, ...guarded },
      },
    },
    async (request) => service.myRequests(db, currentUser(request).id, request.query),
  );

  app.get(
    '/inbox/counts',
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

  app.get(
    '/finance/summary',
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
