import { apiClient, scenarioKeys, unwrap } from '@hms/api-client';
import type { RequestBody, ResponseBody } from '@hms/api-client';
import { mutationOptions, queryOptions } from '@tanstack/react-query';

export type SavedScenario = ResponseBody<'/api/simulations/scenarios/{scenarioId}'>;
export type SaveScenarioBody = RequestBody<'/api/simulations/scenarios', 'post'>;
export type ScenarioComparison =
  ResponseBody<'/api/simulations/scenarios/{scenarioId}/compare/{otherId}'>;
export type ScenarioDraftResult = ResponseBody<
  '/api/simulations/scenarios/{scenarioId}/program-draft',
  'post'
>;

const path = (scenarioId: string) => ({ params: { path: { scenarioId } } });

/** The saved scenarios of one program (by slug), or of every program when `program` is null. */
export function scenarioListQueryOptions(program: string | null) {
  return queryOptions({
    queryKey: scenarioKeys.list(program),
    queryFn: ({ signal }) =>
      unwrap(
        apiClient.GET('/api/simulations/scenarios', {
          params: { query: program ? { program } : {} },
          signal,
        }),
      ),
  });
}

export function scenarioQueryOptions(scenarioId: string) {
  return queryOptions({
    queryKey: scenarioKeys.detail(scenarioId),
    queryFn: ({ signal }) =>
      unwrap(
        apiClient.GET('/api/simulations/scenarios/{scenarioId}', { ...path(scenarioId), signal }),
      ),
  });
}

/** Two saved scenarios replayed now; no cache beyond the screen's life (figures are today's). */
export function scenarioComparisonQueryOptions(a: string, b: string) {
  return queryOptions({
    queryKey: scenarioKeys.comparison(a, b),
    queryFn: ({ signal }) =>
      unwrap(
        apiClient.GET('/api/simulations/scenarios/{scenarioId}/compare/{otherId}', {
          params: { path: { scenarioId: a, otherId: b } },
          signal,
        }),
      ),
    staleTime: 0,
  });
}

export function saveScenarioMutationOptions() {
  return mutationOptions({
    mutationFn: (body: SaveScenarioBody) =>
      unwrap(apiClient.POST('/api/simulations/scenarios', { body })),
  });
}

export function deleteScenarioMutationOptions() {
  return mutationOptions({
    mutationFn: (scenarioId: string) =>
      unwrap(apiClient.DELETE('/api/simulations/scenarios/{scenarioId}', path(scenarioId))),
  });
}

export function scenarioDraftMutationOptions(scenarioId: string) {
  return mutationOptions({
    mutationFn: (replaceDrafts: boolean) =>
      unwrap(
        apiClient.POST('/api/simulations/scenarios/{scenarioId}/program-draft', {
          ...path(scenarioId),
          body: { replaceDrafts },
        }),
      ),
  });
}
