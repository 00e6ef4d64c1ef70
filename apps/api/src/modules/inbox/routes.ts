import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  approverListResponseSchema,
  assignmentResponseSchema,
  inboxListResponseSchema,
  inboxQuerySchema,
  reassignBodySchema,
} from '@hms/contracts/inbox';
import { requestIdParamsSchema } from '@hms/contracts/requests';
import { approvalStaff, routeGroup } from '../../platform/route-options.ts';
import { currentActor } from '../../platform/auth/plugin.ts';
import * as service from './service.ts';

const senior = routeGroup({ tag: 'approvals', roles: ['senior_approver'], problems: [404, 409] });

/** The approval inbox: list with queues, filters, search, sort and keyset pagination. */
export const inboxRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;

  app.get(
    '',
    approvalStaff({
      operationId: 'listInbox',
      summary: 'The approval inbox: one queue, filtered, searched, sorted, one page at a time',
      description:
        'Roles: approver, senior_approver. Queues: unassigned, mine, awaiting_second_approval, waiting_for_citizen, ' +
        'overdue, all (open requests, or any non-draft status when status is given). q searches a reference prefix ' +
        '(HMS-…) or an applicant-name prefix. Keyset pagination: pass nextCursor back as cursor with the same sort. ' +
        'Each item says what the caller may do with it (allowedActions, from the same rules the API enforces) and ' +
        'when the citizen answered a request for information nobody has acted on yet (infoAnsweredAt).',
      querystring: inboxQuerySchema,
      response: { 200: inboxListResponseSchema },
    }),
    async (request) => service.list(db, request.query, currentActor(request), config.timezone),
  );

  app.get(
    '/approvers',
    senior({
      operationId: 'listApprovers',
      summary: 'Staff who can be assigned requests (for reassignment)',
      description:
        'Roles: senior_approver. Only senior approvers reassign. Each person with their roles, so the screen can ' +
        'offer only those a request may go to (request-rules eligibleAssignees, as the API checks on reassign).',
      response: { 200: approverListResponseSchema },
    }),
    async () => service.approvers(db),
  );
};

/** Who works on a request: claim, release, reassign. */
export const assignmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.post(
    '/claim',
    approvalStaff({
      operationId: 'claimRequest',
      summary: 'Claim a request (exactly one of several concurrent claims wins)',
      description:
        'Roles: approver, senior_approver. A submitted request moves to in_review; one awaiting a second approval can ' +
        'be claimed by a senior approver other than the first approver. 409 names who already has it.',
      params: requestIdParamsSchema,
      response: { 200: assignmentResponseSchema },
    }),
    async (request) => service.claim(db, request.params.requestId, currentActor(request)),
  );

  app.post(
    '/release',
    approvalStaff({
      operationId: 'releaseRequest',
      summary: 'Give a claimed request back to the unassigned queue',
      description: 'Roles: approver, senior_approver. Only the current assignee can release.',
      params: requestIdParamsSchema,
      response: { 200: assignmentResponseSchema },
    }),
    async (request) => service.release(db, request.params.requestId, currentActor(request)),
  );

  app.post(
    '/assignment',
    senior({
      operationId: 'reassignRequest',
      summary: 'Assign a request to another approver',
      description: 'Roles: senior_approver.',
      params: requestIdParamsSchema,
      body: reassignBodySchema,
      response: { 200: assignmentResponseSchema },
    }),
    async (request) =>
      service.reassign(
        db,
        request.params.requestId,
        request.body.assigneeId,
        currentActor(request),
      ),
  );
};
