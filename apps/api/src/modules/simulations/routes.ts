import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { programSlugParamsSchema } from '@hms/contracts/programs';
import {
  simulationRequestSchema,
  simulationResultSchema,
  simulationStartSchema,
} from '@hms/contracts/simulations';
import { routeGroup } from '../../platform/route-options.ts';
import { neverCached } from '../../platform/money-read-routes.ts';
import * as service from './service.ts';

/**
 * Policy simulation (issue 14 part 3). Running one writes nothing, so finance staff may run them too (read-only:
 * saving a scenario or making it a draft is the administrators').
 */
const simulationReaders = routeGroup({
  tag: 'simulations',
  roles: ['admin', 'finance', 'finance_supervisor'],
});
/** The same readers, about one program that may not exist. */
const programReaders = routeGroup({
  tag: 'simulations',
  roles: ['admin', 'finance', 'finance_supervisor'],
  problems: [404],
});

export const simulationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;
  neverCached(app);

  app.post(
    '',
    simulationReaders({
      operationId: 'runSimulation',
      summary:
        'Replay a period of a program’s requests under changed parameters, beside what happened',
      description:
        'Roles: admin, finance, finance_supervisor. Writes nothing. The baseline is what happened: its money ' +
        'figures are the finance overview’s for the same program and period. A change left out keeps what ' +
        'happened; changes apply to the requests submitted in the period (docs/simulation.md).',
      body: simulationRequestSchema,
      response: { 200: simulationResultSchema },
    }),
    async (request) => service.simulate(db, config.timezone, request.body),
  );

  app.get(
    '/programs/:slug',
    programReaders({
      operationId: 'getSimulationStart',
      summary: 'What a scenario starts from: a program’s live parameters and rules',
      description:
        'Roles: admin, finance, finance_supervisor. The live version’s maximum, threshold, budget, review deadline, ' +
        'eligibility rules and questions, and the live decision rules (null when there are none), so a scenario ' +
        'can start from today’s rules. 404 program.not_found for an unknown slug.',
      params: programSlugParamsSchema,
      response: { 200: simulationStartSchema },
    }),
    async (request) => service.startingPoint(db, request.params.slug),
  );
};
