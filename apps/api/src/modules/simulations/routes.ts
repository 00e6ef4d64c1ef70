import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { programSlugParamsSchema } from '@hms/contracts/programs';
import {
  simulationRequestSchema,
  simulationResultSchema,
  simulationStartSchema,
} from '@hms/contracts/simulations';
import {
  renameScenarioBodySchema,
  saveScenarioBodySchema,
  savedScenarioListSchema,
  savedScenarioSchema,
  scenarioCompareParamsSchema,
  scenarioComparisonSchema,
  scenarioDraftBodySchema,
  scenarioDraftResultSchema,
  scenarioIdParamsSchema,
  scenarioListQuerySchema,
  scenarioReaderRoles,
  scenarioWriterRoles,
} from '@hms/contracts/simulation-scenarios';
import { auditedUser } from '../../platform/auth/plugin.ts';
import { problemResponses } from '../../platform/problem-responses.ts';
import { rolesLine, routeGroup } from '../../platform/route-options.ts';
import { neverCached } from '../../platform/money-read-routes.ts';
import { adminOptions } from '../programs/service.ts';
import * as scenarios from './scenarios.ts';
import * as service from './service.ts';

/**
 * Policy simulation (issue 14 part 3). Running one writes nothing, so finance staff may run them too (read-only:
 * saving a scenario or making it a draft is the administrators'). Its readers are contracts' scenarioReaderRoles.
 */
const simulationReaders = routeGroup({ tag: 'simulations', roles: scenarioReaderRoles });
/** The same readers, about one program or saved scenario that may not exist. */
const readersOfOne = routeGroup({
  tag: 'simulations',
  roles: scenarioReaderRoles,
  problems: [404],
});
const READERS = rolesLine(scenarioReaderRoles);

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
        `${READERS} Writes nothing. The baseline is what happened: its money ` +
        'figures are the finance overview’s for the same program and period. A change left out keeps what ' +
        'happened; changes apply to the requests submitted in the period (docs/simulation.md).',
      body: simulationRequestSchema,
      response: { 200: simulationResultSchema },
    }),
    async (request) => service.simulate(db, config.timezone, request.body),
  );

  app.get(
    '/programs/:slug',
    readersOfOne({
      operationId: 'getSimulationStart',
      summary: 'What a scenario starts from: a program’s live parameters and rules',
      description:
        `${READERS} The live version’s maximum, threshold, budget, review deadline, ` +
        'eligibility rules and questions, and the live decision rules (null when there are none), so a scenario ' +
        'can start from today’s rules. 404 program.not_found for an unknown slug.',
      params: programSlugParamsSchema,
      response: { 200: simulationStartSchema },
    }),
    async (request) => service.startingPoint(db, request.params.slug),
  );
};

/** Saved scenarios: read by whoever may run a simulation, changed by administrators (contracts' mayChangeScenarios). */
const scenarioWriters = routeGroup({
  tag: 'simulations',
  roles: scenarioWriterRoles,
  problems: [404, 409],
});
const WRITERS = rolesLine(scenarioWriterRoles);

export const scenarioRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;
  neverCached(app);

  app.get(
    '',
    readersOfOne({
      operationId: 'listSimulationScenarios',
      summary: 'Saved simulation scenarios (of one program with ?program=), by name',
      description: `${READERS} 404 program.not_found for an unknown program slug.`,
      querystring: scenarioListQuerySchema,
      response: { 200: savedScenarioListSchema },
    }),
    async (request) => scenarios.listScenarios(db, request.query.program ?? null),
  );

  app.post(
    '',
    scenarioWriters({
      operationId: 'saveSimulationScenario',
      summary: 'Save a scenario: a name, a program, a period and the changes to replay',
      description:
        `${WRITERS} The body is POST /api/simulations’ with a name, checked the same way (400 naming the ` +
        'field); 409 simulation.scenario_name_taken when the program has a scenario of that name (letter case ' +
        'ignored). Figures are not stored: opening a scenario runs it again. Audited.',
      body: saveScenarioBodySchema,
      response: { 201: savedScenarioSchema },
    }),
    async (request, reply) =>
      reply.code(201).send(await scenarios.saveScenario(db, auditedUser(request), request.body)),
  );

  app.get(
    '/:scenarioId',
    readersOfOne({
      operationId: 'getSimulationScenario',
      summary: 'One saved scenario (run it with POST /api/simulations for today’s figures)',
      description: `${READERS} 404 simulation.scenario_not_found.`,
      params: scenarioIdParamsSchema,
      response: { 200: savedScenarioSchema },
    }),
    async (request) => scenarios.getScenario(db, request.params.scenarioId),
  );

  app.get(
    '/:scenarioId/compare/:otherId',
    readersOfOne({
      operationId: 'compareSimulationScenarios',
      summary: 'Two saved scenarios replayed now, side by side with the shared baseline',
      description:
        `${READERS} Writes nothing. Both must be of one program and one period: 400 ` +
        'simulation.compare_programs_differ, simulation.compare_periods_differ (params name both periods), ' +
        'simulation.compare_same_scenario; 404 simulation.scenario_not_found.',
      params: scenarioCompareParamsSchema,
      response: { 200: scenarioComparisonSchema },
    }),
    async (request) =>
      scenarios.compareScenarios(
        db,
        config.timezone,
        request.params.scenarioId,
        request.params.otherId,
      ),
  );

  app.patch(
    '/:scenarioId',
    scenarioWriters({
      operationId: 'renameSimulationScenario',
      summary: 'Rename a saved scenario',
      description: `${WRITERS} 409 simulation.scenario_name_taken. Audited.`,
      params: scenarioIdParamsSchema,
      body: renameScenarioBodySchema,
      response: { 200: savedScenarioSchema },
    }),
    async (request) =>
      scenarios.renameScenario(
        db,
        auditedUser(request),
        request.params.scenarioId,
        request.body.name,
      ),
  );

  app.delete(
    '/:scenarioId',
    scenarioWriters({
      operationId: 'deleteSimulationScenario',
      summary: 'Delete a saved scenario',
      description: `${WRITERS} 404 simulation.scenario_not_found. Audited.`,
      params: scenarioIdParamsSchema,
      response: { 204: z.null().describe('Deleted') },
    }),
    async (request, reply) => {
      await scenarios.deleteScenario(db, auditedUser(request), request.params.scenarioId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/:scenarioId/program-draft',
    scenarioWriters({
      operationId: 'draftProgramFromScenario',
      summary: 'Turn a saved scenario into a draft program version for the publishing flow',
      description:
        `${WRITERS} The scenario’s parameters applied to the live version are saved as the program’s draft ` +
        '(programs service), its decision rules as the decision-rules draft; publishing then goes through the ' +
        'checklist and a second administrator. 409 program.draft_has_changes (a draft with unpublished changes ' +
        'or a waiting publish request) and decision_rules.draft_exists unless replaceDrafts is true; 400 when ' +
        'the scenario changes nothing or its changes do not make a valid draft. Audited.',
      params: scenarioIdParamsSchema,
      body: scenarioDraftBodySchema,
      response: { 200: scenarioDraftResultSchema, ...problemResponses(409) },
    }),
    async (request) =>
      scenarios.scenarioToDraft(
        db,
        auditedUser(request),
        request.params.scenarioId,
        request.body.replaceDrafts,
        adminOptions(config),
      ),
  );
};
