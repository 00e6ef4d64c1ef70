import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  programDetailSchema,
  programSlugParamsSchema,
  programsResponseSchema,
} from '@hms/contracts/programs';
import { problemResponses } from '../../platform/problem-responses.ts';
import * as service from './service.ts';

export const programRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '',
    {
      schema: {
        operationId: 'listPrograms',
        tags: ['programs'],
        summary: 'Programs, with whether each is open for applications now',
        description: 'Roles: public (no sign-in).',
        response: { 200: programsResponseSchema },
      },
    },
    async () => service.programCatalog(db),
  );

  app.get(
    '/:slug',
    {
      schema: {
        operationId: 'getProgram',
        tags: ['programs'],
        summary: 'One program with its questions and whether it accepts applications now',
        description:
          'Roles: public (no sign-in). acceptingApplications is false when the program is outside its dates or its ' +
          'budget is used up; closedReason says which.',
        params: programSlugParamsSchema,
        response: { 200: programDetailSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => service.programDetail(db, { slug: request.params.slug }),
  );
};
