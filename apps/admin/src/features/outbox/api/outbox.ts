import { getQueryOptions, apiClient, outboxKeys, unwrap } from '@hms/api-client';
import type { QueryParams, ResponseBody } from '@hms/api-client';
import { mutationOptions } from '@tanstack/react-query';

export type OutboxQuery = QueryParams<'/api/admin/outbox'>;
export type OutboxPage = ResponseBody<'/api/admin/outbox'>;
export type OutboxEmail = OutboxPage['items'][number];
export type OutboxStatus = OutboxEmail['status'];

/** One page of the email outbox (newest first); `cursor` is the previous page's nextCursor. */
export function outboxQueryOptions(q: OutboxQuery) {
  return getQueryOptions(outboxKeys.list(q), '/api/admin/outbox', { params: { query: q } });
}

/** Sends a dead email again (admin; audited): queued now with a fresh round of attempts. */
export function retryEmailMutationOptions() {
  return mutationOptions({
    mutationFn: (emailId: string) =>
      unwrap(
        apiClient.POST('/api/admin/outbox/{emailId}/retry', { params: { path: { emailId } } }),
      ),
  });
}
