import { apiClient, settingsKeys, unwrap } from '@hms/api-client';
import type { RequestBody, ResponseBody } from '@hms/api-client';
import { mutationOptions, queryOptions } from '@tanstack/react-query';

export type AgencySettings = ResponseBody<'/api/admin/settings'>;
export type UpdateSettingsBody = RequestBody<'/api/admin/settings', 'put'>;

export function settingsQueryOptions() {
  return queryOptions({
    queryKey: settingsKeys.all,
    queryFn: ({ signal }) => unwrap(apiClient.GET('/api/admin/settings', { signal })),
  });
}

export function updateSettingsMutationOptions() {
  return mutationOptions({
    mutationFn: (body: UpdateSettingsBody) =>
      unwrap(apiClient.PUT('/api/admin/settings', { body })),
  });
}
