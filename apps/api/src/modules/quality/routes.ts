import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  agreementRatesSchema,
  blindRequestSchema,
  disagreementsQuerySchema,
  disagreementsSchema,
  programIdParamsSchema,
  qualityQueueSchema,
  qualitySharesListSchema,
  qualitySharesSchema,
  recheckBodySchema,
  recheckResultSchema,
  sampleIdParamsSchema,
  updateQualitySharesBodySchema,
} from '@hms/contracts/quality';
import {
  QUALITY_RESULT_ROLES,
  QUALITY_SHARE_ROLES,
  RECHECK_ROLES,
} from '@hms/contracts/quality-rules';
import { currentActor } from '../../platform/auth/plugin.ts';
import { rolesLine, routeGroup } from '../../platform/route-options.ts';
import { reviewContext } from '../review/service.ts';
import * as service from './service.ts';

// Who may call each group is quality-rules' lists, the same ones the screens read.
const rechecker = routeGroup({ tag: 'quality', roles: RECHECK_ROLES, problems: [404, 409] });
const resultReader = routeGroup({ tag: 'quality', roles: QUALITY_RESULT_ROLES });
const shareSetter = routeGroup({ tag: 'quality', roles: QUALITY_SHARE_ROLES, problems: [404] });

/** Quality sampling: the blind re-check queue, the results, and the per-program shares. */
export const qualityRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;

  app.get(
    '/queue',
    rechecker({
      operationId: 'qualityQueue',
      summary: 'Sampled decisions waiting for a blind re-check, oldest first',
      description:
        `${rolesLine(RECHECK_ROLES)} Blind: no outcome, decider, rule or source. Each item says why the caller ` +
        'may not re-check it (refusal: original_decider, own_request), or null when they may.',
      response: { 200: qualityQueueSchema },
    }),
    async (request) => service.queue(db, currentActor(request)),
  );

  app.get(
    '/samples/:sampleId',
    rechecker({
      operationId: 'blindSample',
      summary: 'A sampled request as its decider saw it, without the decision',
      description:
        `${rolesLine(RECHECK_ROLES)} Answers, amount requested, masked bank account, documents and risk signals; ` +
        'never the status, approved amount, decider, rule, timeline, comments or payment.',
      params: sampleIdParamsSchema,
      response: { 200: blindRequestSchema },
    }),
    async (request) =>
      service.blindRequest(
        db,
        request.params.sampleId,
        currentActor(request),
        reviewContext(config),
      ),
  );

  app.post(
    '/samples/:sampleId/recheck',
    rechecker({
      operationId: 'recheckSample',
      summary: 'Record the blind re-decision (approve or reject, and a note); reveals the original',
      description:
        `${rolesLine(RECHECK_ROLES)} Refused to whoever made the original decision or its first approval ` +
        '(403 quality.original_decider) and to the applicant (403 quality.own_request); once per sample (409 ' +
        'quality.already_rechecked). Audited.',
      params: sampleIdParamsSchema,
      body: recheckBodySchema,
      response: { 200: recheckResultSchema },
    }),
    async (request) =>
      service.recheck(db, request.params.sampleId, request.body, currentActor(request)),
  );

  app.get(
    '/disagreements',
    resultReader({
      operationId: 'qualityDisagreements',
      summary:
        'Re-checks that differ from the original decision, with both outcomes and who decided',
      description: `${rolesLine(QUALITY_RESULT_ROLES)} Newest re-check first; programId narrows to one program.`,
      querystring: disagreementsQuerySchema,
      response: { 200: disagreementsSchema },
    }),
    async (request) => service.disagreements(db, request.query.programId),
  );

  app.get(
    '/agreement',
    resultReader({
      operationId: 'qualityAgreement',
      summary:
        'Agreement rate per program, human and automated, and per rule version, with 95 % intervals',
      description:
        `${rolesLine(QUALITY_RESULT_ROLES)} Agreed re-checks out of re-checks, with the Wilson score interval ` +
        '(low, high; null before any re-check).',
      response: { 200: agreementRatesSchema },
    }),
    async () => service.agreementRates(db),
  );

  app.get(
    '/shares',
    shareSetter({
      operationId: 'qualityShares',
      summary: 'The share of human decisions and of automated approvals sampled, per program',
      description: `${rolesLine(QUALITY_SHARE_ROLES)} Basis points (100 = 1 %); 0 where none was set.`,
      response: { 200: qualitySharesListSchema },
    }),
    async () => service.listShares(db),
  );

  app.put(
    '/shares/:programId',
    shareSetter({
      operationId: 'setQualityShares',
      summary: 'Set a program’s sampling shares; applies to the next decision',
      description: `${rolesLine(QUALITY_SHARE_ROLES)} Basis points 0 to 10,000. Audited with before and after.`,
      params: programIdParamsSchema,
      body: updateQualitySharesBodySchema,
      response: { 200: qualitySharesSchema },
    }),
    async (request) =>
      service.setShares(db, request.params.programId, request.body, currentActor(request)),
  );
};
