import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { simulationRequestSchema, simulationResultSchema } from '@hms/contracts/simulations';
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
};
