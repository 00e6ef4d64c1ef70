import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  bulkApproveBodySchema,
  bulkApproveResponseSchema,
  decisionBodySchema,
  decisionResponseSchema,
} from '@hms/contracts/decisions';
import { requestIdParamsSchema } from '@hms/contracts/requests';
import { approvalStaff } from '../../platform/route-options.ts';
import { currentActor } from '../../platform/auth/plugin.ts';
import * as service from './service.ts';

/** A decision on one request. */
export const decisionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.post(
    '',
    approvalStaff({
      operationId: 'decideRequest',
      summary: 'Approve, reject, or ask the citizen for information, on the version you reviewed',
      description:
        'Roles: approver, senior_approver. approve: approvedAmountCents (default: requested) at most the requested ' +
        'amount, the program maximum and the remaining budget; above the program threshold the first approval moves ' +
        'the request to awaiting_second_approval and the final approval must come from a different senior_approver. ' +
        'The final approval creates exactly one payment. A stale version gets 409 naming who changed what; a retry of ' +
        'the same decision returns the recorded result (replayed: true).',
      params: requestIdParamsSchema,
      body: decisionBodySchema,
      response: { 200: decisionResponseSchema },
    }),
    async (request) =>
      service.decide(db, request.params.requestId, request.body, currentActor(request)),
  );
};

/** Decisions on several requests at once. */
export const bulkDecisionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.post(
    '/bulk-approve',
    approvalStaff({
      operationId: 'bulkApprove',
      summary: 'Approve several requests; the result says per request what happened',
      description:
        'Roles: approver, senior_approver. Each request is decided in its own transaction with the same rules as a ' +
        'single approval; a refusal of one does not undo the others.',
      body: bulkApproveBodySchema,
      response: { 200: bulkApproveResponseSchema },
    }),
    async (request) => service.bulkApprove(db, request.body, currentActor(request)),
  );
};
