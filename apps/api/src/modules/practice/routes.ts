import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  clearPracticeBodySchema,
  clearPracticeResponseSchema,
  copyPracticeProgramBodySchema,
  copyPracticeProgramResponseSchema,
  createPracticeRequestsBodySchema,
  createPracticeRequestsResponseSchema,
  practiceOverviewSchema,
  practiceProgramParamsSchema,
  setProgramPracticeBodySchema,
} from '@hms/contracts/practice';
import { problemResponses } from '../../platform/problem-responses.ts';
import { routeGroup } from '../../platform/route-options.ts';
import { currentCaller } from '../../platform/auth/plugin.ts';
import * as service from './service.ts';

const admin = routeGroup({ tag: 'practice', roles: ['admin'] });

/** The practice space (issue 11 item 9): training requests in programs marked practice. Admin only. */
export const practiceRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;

  app.get(
    '',
    admin({
      operationId: 'getPracticeOverview',
      summary: 'Programs, which are practice, and how many practice requests each holds',
      description: 'Roles: admin.',
      response: { 200: practiceOverviewSchema },
    }),
    async () => service.overview(db),
  );

  app.post(
    '/programs',
    admin({
      operationId: 'copyPracticeProgram',
      summary:
        'Make a practice copy of a program (same questions, rules and amounts; marked practice)',
      description:
        'Roles: admin. The copy is hidden from citizens; its slug is practice-<slug> (with -2, -3… when taken).',
      body: copyPracticeProgramBodySchema,
      response: { 201: copyPracticeProgramResponseSchema, ...problemResponses(404) },
    }),
    async (request, reply) =>
      reply
        .code(201)
        .send(await service.copyProgram(db, currentCaller(request), request.body.sourceProgramId)),
  );

  app.put(
    '/programs/:programId',
    admin({
      operationId: 'setProgramPractice',
      summary: 'Mark a program practice, or unmark it',
      description:
        'Roles: admin. Only a program without any request can be marked practice (409 practice.program_has_requests); ' +
        'a practice program is unmarked only once cleared (409 practice.program_has_practice_requests).',
      params: practiceProgramParamsSchema,
      body: setProgramPracticeBodySchema,
      response: { 200: practiceOverviewSchema, ...problemResponses(404, 409) },
    }),
    async (request) =>
      service.setProgramPractice(
        db,
        currentCaller(request),
        request.params.programId,
        request.body.practice,
      ),
  );

  app.post(
    '/requests',
    admin({
      operationId: 'createPracticeRequests',
      summary:
        'Create submitted practice requests with generated applicants, answers, files and accounts',
      description:
        'Roles: admin. One transaction. The program must be marked practice (409 practice.program_not_practice); ' +
        '422 practice.answers_not_generated when no answers meet its form and rules.',
      body: createPracticeRequestsBodySchema,
      response: {
        201: createPracticeRequestsResponseSchema,
        ...problemResponses(404, 409, 422),
      },
    }),
    async (request, reply) =>
      reply
        .code(201)
        .send(await service.createRequests(db, config, currentCaller(request), request.body)),
  );

  app.post(
    '/clear',
    admin({
      operationId: 'clearPractice',
      summary:
        'Delete every practice request (of one practice program, or all) and all that hangs off it',
      description:
        'Roles: admin. One transaction; only requests of programs marked practice and their generated ' +
        'applicants are deleted. The audit log keeps its records.',
      body: clearPracticeBodySchema,
      response: {
        200: clearPracticeResponseSchema,
        ...problemResponses(404, 409),
      },
    }),
    async (request) => service.clear(db, currentCaller(request), request.body),
  );
};
