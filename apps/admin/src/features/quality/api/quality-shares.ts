import {
  getQueryOptions,
  apiClient,
  unwrap,
  type RequestBody,
  type ResponseBody,
} from '@hms/api-client';
import { mutationOptions, type QueryClient } from '@tanstack/react-query';

export type QualitySharesList = ResponseBody<'/api/quality/shares'>;
export type QualityShares = QualitySharesList['items'][number];
export type UpdateQualityShares = RequestBody<'/api/quality/shares/{programId}', 'put'>;

export type AgreementRates = ResponseBody<'/api/quality/agreement'>;
export type AgreementStat = AgreementRates['programs'][number]['all'];

export const qualitySharesKeys = { all: ['admin', 'quality-shares'] as const };
export const agreementKeys = { all: ['admin', 'quality-agreement'] as const };

export const agreementQueryOptions = () =>
  getQueryOptions(agreementKeys.all, '/api/quality/agreement');

export const qualitySharesQueryOptions = () =>
  getQueryOptions(qualitySharesKeys.all, '/api/quality/shares');

export const setQualitySharesMutationOptions = (client: QueryClient, programId: string) =>
  mutationOptions({
    mutationFn: (body: UpdateQualityShares) =>
      unwrap(
        apiClient.PUT('/api/quality/shares/{programId}', { params: { path: { programId } }, body }),
      ),
    onSettled: () => client.invalidateQueries({ queryKey: qualitySharesKeys.all }),
  });
