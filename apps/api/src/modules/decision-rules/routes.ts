import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  programAutomationBodySchema,
  programAutomationSchema,
  ruleEvaluationListSchema,
  ruleVersionBodySchema,
  ruleVersionListSchema,
  ruleVersionParamsSchema,
  ruleVersionSchema,
} from '@hms/contracts/decision-rules';
import { noFieldsBodySchema, programIdParamsSchema } from '@hms/contracts/program-admin';
import { requestIdParamsSchema } from '@hms/contracts/requests';
import { problemResponses } from '../../platform/problem-responses.ts';
import { routeGroup } from '../../platform/route-options.ts';
import { auditedUser } from '../../platform/auth/plugin.ts';
import * as service from './service.ts';

const ADMIN = 'Roles: admin.';
const admin = routeGroup({ tag: 'decision-rules', roles: ['admin'], problems: [404, 409] });

/** A program's decision rules (issue 14): versions, drafts, publishing, and the automation switch. */
export const decisionRuleRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '',
    admin({
      operationId: 'listDecisionRuleVersions',
      summary: "A program's decision rule versions (newest first) and its automation switch",
      description: `${ADMIN} 404 program.not_found.`,
      params: programIdParamsSchema,
      response: { 200: ruleVersionListSchema },
    }),
    async (request) => service.listVersions(db, request.params.programId),
  );

  app.post(
    '/versions',
    admin({
      operationId: 'createDecisionRuleDraft',
      summary: 'Start a draft of the decision rules (the next version number)',
      description:
        `${ADMIN} One draft per program at a time: 409 decision_rules.draft_exists (params.version) when there is ` +
        'one. Rules are ordered (first match wins); an empty condition list matches every request.',
      params: programIdParamsSchema,
      body: ruleVersionBodySchema,
      response: { 201: ruleVersionSchema },
    }),
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await service.createDraft(
            db,
            auditedUser(request),
            request.params.programId,
            request.body,
          ),
        ),
  );

  app.get(
    '/versions/:versionId',
    admin({
      operationId: 'getDecisionRuleVersion',
      summary: 'One version of the decision rules',
      description: `${ADMIN} 404 decision_rules.version_not_found.`,
      params: ruleVersionParamsSchema,
      response: { 200: ruleVersionSchema },
    }),
    async (request) => service.getVersion(db, request.params.programId, request.params.versionId),
  );

  app.put(
    '/versions/:versionId',
    admin({
      operationId: 'saveDecisionRuleDraft',
      summary: "Replace a draft's rules and test cases",
      description: `${ADMIN} 409 decision_rules.not_draft when the version is live or retired (they never change).`,
      params: ruleVersionParamsSchema,
      body: ruleVersionBodySchema,
      response: { 200: ruleVersionSchema },
    }),
    async (request) =>
      service.saveDraft(
        db,
        auditedUser(request),
        request.params.programId,
        request.params.versionId,
        request.body,
      ),
  );

  app.post(
    '/versions/:versionId/publish',
    admin({
      operationId: 'publishDecisionRules',
      summary: 'Put a draft live (the live version retires); its test cases must all pass',
      description:
        `${ADMIN} 422 decision_rules.no_test_cases without test cases, decision_rules.rule_errors when a rule ` +
        "reads what the program's form cannot give, decision_rules.test_cases_failing naming each failing case " +
        '(errors[].field testCases.N). 409 decision_rules.not_draft. Audited; requests submitted from then on are ' +
        'evaluated by this version.',
      params: ruleVersionParamsSchema,
      body: noFieldsBodySchema,
      response: { 200: ruleVersionSchema, ...problemResponses(422) },
    }),
    async (request) =>
      service.publish(db, auditedUser(request), request.params.programId, request.params.versionId),
  );

  app.put(
    '/automation',
    admin({
      operationId: 'setProgramAutomation',
      summary: "Switch the program's automated approvals on or off (takes effect at once)",
      description:
        `${ADMIN} Off: every request of the program is left to a person (evaluations are still recorded). ` +
        'Audited.',
      params: programIdParamsSchema,
      body: programAutomationBodySchema,
      response: { 200: programAutomationSchema },
    }),
    async (request) =>
      service.setAutomation(
        db,
        auditedUser(request),
        request.params.programId,
        request.body.enabled,
      ),
  );
};

const reviewers = routeGroup({
  tag: 'approvals',
  roles: ['approver', 'senior_approver', 'admin'],
  problems: [404],
});

/** The evaluations of one request against its program's decision rules (the review page and its history). */
export const ruleEvaluationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '',
    reviewers({
      operationId: 'listRuleEvaluations',
      summary:
        'Every evaluation of a request by the decision rules: the version, the rule that fired, the outcome',
      description:
        'Roles: approver, senior_approver, admin. Oldest first; a rule that fired is named by version, position, ' +
        'id and label as they were; inputs are the snapshot the rules read.',
      params: requestIdParamsSchema,
      response: { 200: ruleEvaluationListSchema },
    }),
    async (request) => service.evaluationsOfRequest(db, request.params.requestId),
  );
};
