import { ApiProblem, apiClient, simulationStartKeys, unwrap } from '@hms/api-client';
import type { RequestBody, ResponseBody } from '@hms/api-client';
import { mutationOptions, queryOptions } from '@tanstack/react-query';

export type SimulationBody = RequestBody<'/api/simulations', 'post'>;
export type SimulationResult = ResponseBody<'/api/simulations', 'post'>;
export type SimulationFigures = SimulationResult['baseline'];
export type QualificationChange = SimulationResult['scenario']['newlyQualifying'];
export type SimulationStart = ResponseBody<'/api/simulations/programs/{slug}'>;

/** What a scenario starts from: the program's live parameters and rules (admins and finance staff). */
export function simulationStartQueryOptions(slug: string) {
  return queryOptions({
    queryKey: simulationStartKeys.program(slug),
    queryFn: ({ signal }) =>
      unwrap(
        apiClient.GET('/api/simulations/programs/{slug}', { params: { path: { slug } }, signal }),
      ),
  });
}

/** Runs a simulation: it writes nothing, so it is a mutation only because its question is a body. */
export function runSimulationMutationOptions() {
  return mutationOptions({
    mutationFn: (body: SimulationBody) => unwrap(apiClient.POST('/api/simulations', { body })),
  });
}

export type RuleList = 'eligibilityRules' | 'decisionRules';

/**
 * The API names a change's field under `body.changes.` (body.changes.maxAmountCents); the form's fields are the
 * changes themselves, so their errors are moved up one level to land on the input that holds them.
 */
export function changesOnFields(
  error: unknown,
  ruleMessage: (list: RuleList, n: number, message: string) => string = (_, __, m) => m,
): unknown {
  if (!(error instanceof ApiProblem)) return error;
  return error.withErrors(
    error.errors.map((e) => {
      // A rule's error names its place in the list (body.changes.eligibilityRules.2.questionId): the summary says
      // which rule, as the screen numbers them, since the list has one field for all its rules.
      const rule = /^body\.changes\.(eligibilityRules|decisionRules)\.(\d+)/.exec(e.field);
      return {
        ...e,
        field: e.field.replace(/^body\.changes\./, 'body.'),
        ...(rule
          ? { message: ruleMessage(rule[1] as RuleList, Number(rule[2]) + 1, e.message) }
          : {}),
      };
    }),
  );
}
