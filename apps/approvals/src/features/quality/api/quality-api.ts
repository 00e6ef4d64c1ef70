import { apiClient, unwrap, type ResponseBody } from '@hms/api-client';
import type { RecheckBody } from '@hms/contracts/quality';
import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';

export type QualityQueue = ResponseBody<'/api/quality/queue'>;
export type BlindRequest = ResponseBody<'/api/quality/samples/{sampleId}'>;
export type Disagreements = ResponseBody<'/api/quality/disagreements'>;
export type AgreementRates = ResponseBody<'/api/quality/agreement'>;
export type RecheckResult = ResponseBody<'/api/quality/samples/{sampleId}/recheck', 'post'>;

export const qualityKeys = {
  all: ['quality'] as const,
  queue: () => [...qualityKeys.all, 'queue'] as const,
  sample: (id: string) => [...qualityKeys.all, 'sample', id] as const,
  disagreements: () => [...qualityKeys.all, 'disagreements'] as const,
  agreement: () => [...qualityKeys.all, 'agreement'] as const,
};

export const queueQueryOptions = () =>
  queryOptions({
    queryKey: qualityKeys.queue(),
    queryFn: ({ signal }) => unwrap(apiClient.GET('/api/quality/queue', { signal })),
  });

export const blindSampleQueryOptions = (sampleId: string) =>
  queryOptions({
    queryKey: qualityKeys.sample(sampleId),
    queryFn: ({ signal }) =>
      unwrap(
        apiClient.GET('/api/quality/samples/{sampleId}', {
          params: { path: { sampleId } },
          signal,
        }),
      ),
  });

export const disagreementsQueryOptions = () =>
  queryOptions({
    queryKey: qualityKeys.disagreements(),
    queryFn: ({ signal }) => unwrap(apiClient.GET('/api/quality/disagreements', { signal })),
  });

export const agreementQueryOptions = () =>
  queryOptions({
    queryKey: qualityKeys.agreement(),
    queryFn: ({ signal }) => unwrap(apiClient.GET('/api/quality/agreement', { signal })),
  });

export const recheckMutationOptions = (client: QueryClient, sampleId: string) =>
  mutationOptions({
    mutationFn: (body: RecheckBody) =>
      unwrap(
        apiClient.POST('/api/quality/samples/{sampleId}/recheck', {
          params: { path: { sampleId } },
          body,
        }),
      ),
    onSettled: () => client.invalidateQueries({ queryKey: qualityKeys.all }),
  });
