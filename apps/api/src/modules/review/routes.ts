import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  commentBodySchema,
  commentResponseSchema,
  revealAccountResponseSchema,
  reviewDetailSchema,
} from '@hms/contracts/review';
import { requestIdParamsSchema } from '@hms/contracts/requests';
import { approvalStaff } from '../../platform/route-options.ts';
import { currentUser } from '../../platform/auth/plugin.ts';
import { keyRing } from '../../platform/keyring.ts';
import * as service from './service.ts';

/** One request as the approvers review it, and its full bank account number on demand. */
export const reviewRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;

  app.get(
    '',
    approvalStaff({
      operationId: 'getReview',
      summary: 'Everything needed to decide on one request',
      description:
        'Roles: approver, senior_approver. Answers with the questions of the program version the request was ' +
        'submitted under (questionSet, program.version), documents, bank account (last 4 and verification state), the ' +
        "applicant's other requests, risk signals with explanations, the full timeline (internal steps included), " +
        'internal comments, the audit trail and the payment; each request for information with the answer and the ' +
        'files sent with it (infoExchanges; documents say where each file came from); and the actions the caller ' +
        'may take now (allowedActions, from the same rules the API enforces).',
      params: requestIdParamsSchema,
      response: { 200: reviewDetailSchema },
    }),
    async (request) =>
      service.detail(
        db,
        request.params.requestId,
        currentUser(request),
        service.reviewContext(config),
      ),
  );

  app.post(
    '/bank-account/reveal',
    approvalStaff({
      operationId: 'revealBankAccount',
      summary: 'Show the full bank account number (audited)',
      description: 'Roles: approver, senior_approver. Every view is written to the audit log.',
      params: requestIdParamsSchema,
      response: { 200: revealAccountResponseSchema },
    }),
    async (request) =>
      service.revealAccount(
        db,
        request.params.requestId,
        { id: currentUser(request).id, ip: request.ip },
        keyRing(config).current.key,
      ),
  );
};

/** The approvers' internal comments on a request. */
export const commentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.post(
    '',
    approvalStaff({
      operationId: 'addComment',
      summary: 'Add an internal comment (never shown to the citizen)',
      description: 'Roles: approver, senior_approver.',
      params: requestIdParamsSchema,
      body: commentBodySchema,
      response: { 201: commentResponseSchema },
    }),
    async (request, reply) => {
      const u = currentUser(request);
      const c = await service.addComment(
        db,
        request.params.requestId,
        { id: u.id, name: u.displayName, roles: u.roles, ip: request.ip },
        request.body.body,
      );
      return reply.code(201).send(c);
    },
  );
};
