import {
  apiClient,
  getQueryOptions,
  signInThrottleKeys,
  unwrap,
  type ResponseBody,
} from '@hms/api-client';
import { mutationOptions } from '@tanstack/react-query';

export type ThrottledAccount = ResponseBody<'/api/admin/sign-in-throttle'>['items'][number];

/** Accounts with failed sign-ins counted against them (the guessing sources wait; the owner does not). */
export function throttledAccountsQueryOptions() {
  return getQueryOptions(signInThrottleKeys.all, '/api/admin/sign-in-throttle');
}

export function clearThrottleMutationOptions() {
  return mutationOptions({
    mutationFn: (email: string) =>
      unwrap(apiClient.POST('/api/admin/sign-in-throttle/clear', { body: { email } })),
  });
}
