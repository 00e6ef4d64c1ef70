import { getQueryOptions, apiClient, unwrap, type ResponseBody } from '@hms/api-client';
import type { RecheckBody } from '@hms/contracts/quality';
import { mutationOptions, type QueryClient } from '@tanstack/react-query';

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

export const queueQueryOptions = () => getQueryOptions(qualityKeys.queue(), '/api/quality/queue');

export const blindSampleQueryOptions = (sampleId: string) =>
  getQueryOptions(qualityKeys.sample(sampleId), '/api/quality/samples/{sampleId}', {
    params: { path: { sampleId } },
  });

export const disagreementsQueryOptions = () =>
  getQueryOptions(qualityKeys.disagreements(), '/api/quality/disagreements');

export const agreementQueryOptions = () =>
  getQueryOptions(qualityKeys.agreement(), '/api/quality/agreement');

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
