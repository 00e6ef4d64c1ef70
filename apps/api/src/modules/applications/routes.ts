import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  IDEMPOTENCY_KEY_HEADER,
  bankDetailsBodySchema,
  eligibilityResponseSchema,
  idempotencyKeySchema,
  infoResponseBodySchema,
  programDraftResponseSchema,
  languageQuerySchema,
  requestDetailSchema,
  type RequestDetail,
  saveAnswersBodySchema,
  submitBodySchema,
  submitResponseSchema,
  withdrawBodySchema,
} from '@hms/contracts/applications';
import { myRequestsResponseSchema, requestIdParamsSchema } from '@hms/contracts/requests';
import { paginationQuerySchema } from '@hms/contracts/pagination';
import { programDetailSchema, programSlugParamsSchema } from '@hms/contracts/programs';
import { payeeUpdateResponseSchema, payeeUpdateWireSchema } from '@hms/contracts/payee-update';
import { problemResponses } from '../../platform/problem-responses.ts';
import { routeGroup } from '../../platform/route-options.ts';
import { currentCaller, currentUser } from '../../platform/auth/plugin.ts';
import type { Caller } from '../../platform/auth/sessions.ts';
import * as service from './service.ts';
import { evaluateAtSubmission } from '../decision-rules/service.ts';

const citizen = routeGroup({ tag: 'requests', roles: ['citizen'], problems: [404, 409] });
/** The list of the caller's own requests, which names no one request. */
const ownRequests = routeGroup({ tag: 'requests', roles: ['citizen'] });

/** A citizen's change to one of their own requests: what its route says for itself, and the service that makes it. */
interface RequestChange<B extends z.ZodType> {
  operationId: string;
  summary: string;
  description: string;
  body: B;
  change(
    db: FastifyInstance['db'],
    config: FastifyInstance['config'],
    caller: Caller,
    requestId: string,
    body: z.output<B>,
  ): Promise<RequestDetail>;
}

/** `method` `url`: a change to one of the caller's requests, answered with the request as it now is. */
function changeRoute<B extends z.ZodType>(
  app: FastifyInstance,
  method: 'put' | 'post',
  url: string,
  { body, change, ...operation }: RequestChange<B>,
): void {
  const { db, config } = app;
  app[method](
    url,
    citizen({
      ...operation,
      params: requestIdParamsSchema,
      body,
      response: { 200: requestDetailSchema },
    }),
    // Validated against `params` and `body` before the handler runs.
    async (request: FastifyRequest) =>
      change(
        db,
        config,
        currentCaller(request),
        (request.params as z.output<typeof requestIdParamsSchema>).requestId,
        request.body as z.output<B>,
      ),
  );
}

/** A citizen's draft for a program: start (or resume) it, and find it. */
export const draftRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;

  app.post(
    '/drafts',
    citizen({
      operationId: 'startDraft',
      summary: 'Start an application to a program, or resume the open draft for it',
      description:
        'Roles: citizen. 201 with a new draft; 200 with the existing draft when there is one for this program. ' +
        '409 when the program does not accept applications (closed, not open yet, budget used up).',
      params: programSlugParamsSchema,
      response: { 200: requestDetailSchema, 201: requestDetailSchema },
    }),
    async (request, reply) => {
      const { created, detail } = await service.startDraft(
        db,
        config,
        currentCaller(request),
        request.params.slug,
      );
      return reply.code(created ? 201 : 200).send(detail);
    },
  );

  app.get(
    '/draft',
    citizen({
      operationId: 'getMyProgramDraft',
      summary: 'My open draft for a program, if I have one',
      description:
        'Roles: citizen. draft is null when the caller has no draft for this program; "Start application" then ' +
        'creates one, otherwise it returns this one.',
      params: programSlugParamsSchema,
      response: { 200: programDraftResponseSchema },
    }),
    async (request) => service.draftForProgram(db, currentCaller(request), request.params.slug),
  );
};

/** A citizen's own requests: the list, and each request from draft to withdrawal. */
export const applicationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;

  app.get(
    '/mine',
    ownRequests({
      operationId: 'listMyRequests',
      summary: "The caller's own requests, drafts included, newest first",
      description:
        'Roles: citizen. Cursor pagination: pass nextCursor back as cursor; limit 1–100 (default 20).',
      querystring: paginationQuerySchema,
      response: { 200: myRequestsResponseSchema },
    }),
    async (request) =>
      service.myRequests(db, config, currentCaller(request).user.id, request.query),
  );

  app.delete(
    '/:requestId',
    citizen({
      operationId: 'deleteMyDraft',
      summary: 'Delete one of my drafts',
      description:
        "Roles: citizen. Only the caller's own drafts: 204 with the draft, its files and the bank account it named " +
        "(when nothing else uses it) gone; another person's request is 404; a submitted request is 409 (withdraw " +
        'it instead).',
      params: requestIdParamsSchema,
      response: { 204: z.null() },
    }),
    async (request, reply) => {
      await service.deleteDraft(db, currentCaller(request), request.params.requestId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/:requestId',
    citizen({
      operationId: 'getMyRequest',
      summary:
        'One of my requests (draft or submitted): answers, bank account (last 4), documents, timeline',
      description:
        "Roles: citizen. Another person's request is 404. The timeline holds only the steps shown to the applicant.",
      params: requestIdParamsSchema,
      response: { 200: requestDetailSchema },
    }),
    async (request) =>
      service.requestDetail(db, config, currentCaller(request), request.params.requestId),
  );

  app.get(
    '/:requestId/program',
    citizen({
      operationId: 'getMyRequestProgram',
      summary: 'The program one of my requests applies to, with its questions',
      description:
        'Roles: citizen. The same body as GET /api/programs/{slug}, found by the request, so the application form can ' +
        'ask for both at once. A draft gets the current version; a submitted request gets the version it was ' +
        "submitted under (version, questionSet, amountQuestionId, payeeType). Another person's request is 404.",
      params: requestIdParamsSchema,
      response: { 200: programDetailSchema },
    }),
    async (request) => service.requestProgram(db, currentCaller(request), request.params.requestId),
  );

  changeRoute(app, 'put', '/:requestId/answers', {
    operationId: 'saveDraftStep',
    summary: "Save one step's answers to a draft",
    description:
      'Roles: citizen. Validated with the same schema as the form (buildAnswersSchema with the step); field ' +
      'errors are body.answers.<questionId>. version is the draft version read last: a draft changed since ' +
      '(another device or tab) gets 409 and is left as it was.',
    body: saveAnswersBodySchema,
    change: service.saveStep,
  });

  app.get(
    '/:requestId/eligibility',
    citizen({
      operationId: 'checkEligibility',
      summary: "Check a draft's answers against the program's eligibility rules",
      description:
        'Roles: citizen. reasons explain in plain language each rule not met; incomplete lists answers still ' +
        'missing. language defaults to the account language.',
      params: requestIdParamsSchema,
      querystring: languageQuerySchema,
      response: { 200: eligibilityResponseSchema },
    }),
    async (request) =>
      service.eligibility(
        db,
        config,
        currentCaller(request),
        request.params.requestId,
        request.query.language ?? currentUser(request).language,
      ),
  );

  changeRoute(app, 'put', '/:requestId/bank-account', {
    operationId: 'saveBankAccount',
    summary: 'Give the bank account the payment goes to (draft)',
    description:
      'Roles: citizen. Routing number with a valid ABA check digit, account number 4–17 digits typed twice, ' +
      'ACH authorization given. The number is encrypted at rest; only its last 4 digits are ever returned.',
    body: bankDetailsBodySchema,
    change: service.saveBankDetails,
  });

  app.post(
    '/:requestId/submit',
    citizen({
      operationId: 'submitRequest',
      summary: 'Submit a draft (idempotent with the Idempotency-Key header)',
      description:
        'Roles: citizen. The same Idempotency-Key returns the same request (200) however often it is sent; the ' +
        'first submission is 201. All answers are re-validated; 409 when the program closed or lacks budget, ' +
        "422 when the answers do not meet the eligibility rules; the draft is kept in every refusal. The program's " +
        'live decision rules evaluate the request at once: a rule may approve it (status approved, its payment ' +
        "created) when the program's automation is on, the amount is at most the approval threshold and the " +
        'applicant is not staff; otherwise it waits for a person (status submitted).',
      params: requestIdParamsSchema,
      headers: z.object({ [IDEMPOTENCY_KEY_HEADER]: idempotencyKeySchema }),
      body: submitBodySchema,
      response: {
        200: submitResponseSchema,
        201: submitResponseSchema,
        ...problemResponses(422),
      },
    }),
    async (request, reply) => {
      const { replayed, result } = await service.submit(
        db,
        config,
        currentCaller(request),
        request.params.requestId,
        request.headers[IDEMPOTENCY_KEY_HEADER],
        request.body,
        // The program's decision rules evaluate it in the submission's transaction (and may approve it).
        (trx, submitted) => evaluateAtSubmission(trx, submitted),
      );
      return reply.code(replayed ? 200 : 201).send(result);
    },
  );

  changeRoute(app, 'post', '/:requestId/info-response', {
    operationId: 'answerInfoRequest',
    summary: 'Answer a request for more information (text and files)',
    description:
      'Roles: citizen. Only while the request needs information. If the reviewer still holds it, it goes back to ' +
      'in_review with them (marked answered); if nobody does, back to submitted, unassigned. The review deadline ' +
      'resumes.',
    body: infoResponseBodySchema,
    change: service.answerInfoRequest,
  });

  changeRoute(app, 'post', '/:requestId/withdraw', {
    operationId: 'withdrawRequest',
    summary: 'Withdraw a request before a decision',
    description: 'Roles: citizen. Allowed from submitted, in_review and needs_info; otherwise 409.',
    body: withdrawBodySchema,
    change: service.withdraw,
  });

  app.post(
    '/:requestId/payee-account',
    citizen({
      operationId: 'replacePayeeAccount',
      summary: 'Give a new bank account after a returned payment (creates the replacement payment)',
      description:
        'Roles: citizen. Own request only, and only while it is payment_returned; the request goes back to approved. ' +
        'The account is checked exactly as on the bank step: account number typed twice, ACH authorization given.',
      params: requestIdParamsSchema,
      body: payeeUpdateWireSchema,
      response: {
        201: payeeUpdateResponseSchema,
      },
    }),
    async (request, reply) => {
      const user = currentUser(request);
      const account = service.parseBankAccount(request.body, user.language);
      const result = await service.replacePayeeAccount(
        db,
        config,
        currentCaller(request),
        request.params.requestId,
        account,
      );
      return reply.code(201).send(result);
    },
  );
};
