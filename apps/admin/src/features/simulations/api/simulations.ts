import { ApiProblem, apiClient, unwrap } from '@hms/api-client';
import type { RequestBody, ResponseBody } from '@hms/api-client';
import { mutationOptions } from '@tanstack/react-query';

export type SimulationBody = RequestBody<'/api/simulations', 'post'>;
export type SimulationResult = ResponseBody<'/api/simulations', 'post'>;
export type SimulationFigures = SimulationResult['baseline'];
export type QualificationChange = SimulationResult['scenario']['newlyQualifying'];

/** Runs a simulation: it writes nothing, so it is a mutation only because its question is a body. */
export function runSimulationMutationOptions() {
  return mutationOptions({
    mutationFn: (body: SimulationBody) => unwrap(apiClient.POST('/api/simulations', { body })),
  });
}

/**
 * The API names a change's field under `body.changes.` (body.changes.maxAmountCents); the form's fields are the
 * changes themselves, so their errors are moved up one level to land on the input that holds them.
 */
export function changesOnFields(error: unknown): unknown {
  if (!(error instanceof ApiProblem)) return error;
  return error.withErrors(
    error.errors.map((e) => ({ ...e, field: e.field.replace(/^body\.changes\./, 'body.') })),
  );
}
