import { getQueryOptions, apiClient, staffKeys, unwrap } from '@hms/api-client';
import type { QueryParams, RequestBody, ResponseBody } from '@hms/api-client';
import { mutationOptions } from '@tanstack/react-query';

export type StaffQuery = QueryParams<'/api/staff'>;
export type StaffPage = ResponseBody<'/api/staff'>;
export type StaffSummary = StaffPage['items'][number];
export type StaffStatus = StaffSummary['status'];
export type StaffDetail = ResponseBody<'/api/staff/{userId}'>;
export type StaffRole = StaffDetail['roles'][number];
export type InviteBody = RequestBody<'/api/staff/invitations', 'post'>;

/** One page of staff accounts (newest first), searched and filtered on the server. */
export function staffListQueryOptions(q: StaffQuery) {
  return getQueryOptions(staffKeys.list(q), '/api/staff', { params: { query: q } });
}

export function staffDetailQueryOptions(userId: string) {
  return getQueryOptions(staffKeys.detail(userId), '/api/staff/{userId}', {
    params: { path: { userId } },
  });
}

export function inviteMutationOptions() {
  return mutationOptions({
    mutationFn: (body: InviteBody) => unwrap(apiClient.POST('/api/staff/invitations', { body })),
  });
}

export function changeRolesMutationOptions(userId: string) {
  return mutationOptions({
    mutationFn: (roles: StaffRole[]) =>
      unwrap(
        apiClient.PUT('/api/staff/{userId}/roles', {
          params: { path: { userId } },
          body: { roles },
        }),
      ),
  });
}

export type PersonAction = 'deactivate' | 'reactivate' | 'resend' | 'revoke' | 'clear-lock';

/** The person page's one-click actions; each answers with the person as they now are (clear-lock: nothing). */
export function personActionMutationOptions(userId: string) {
  return mutationOptions({
    mutationFn: async (action: PersonAction): Promise<StaffDetail | null> => {
      const path = { params: { path: { userId } } };
      switch (action) {
        case 'deactivate':
          return (await unwrap(apiClient.POST('/api/staff/{userId}/deactivate', path))).person;
        case 'reactivate':
          return unwrap(apiClient.POST('/api/staff/{userId}/reactivate', path));
        case 'resend':
          return unwrap(apiClient.POST('/api/staff/{userId}/invitation/resend', path));
        case 'revoke':
          return unwrap(apiClient.POST('/api/staff/{userId}/invitation/revoke', path));
        case 'clear-lock':
          await unwrap(apiClient.POST('/api/staff/{userId}/sign-in-lock/clear', path));
          return null;
      }
    },
  });
}
