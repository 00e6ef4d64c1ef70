import { getQueryOptions, apiClient, settingsKeys, unwrap } from '@hms/api-client';
import type { RequestBody, ResponseBody } from '@hms/api-client';
import { mutationOptions } from '@tanstack/react-query';

export type AgencySettings = ResponseBody<'/api/admin/settings'>;
export type UpdateSettingsBody = RequestBody<'/api/admin/settings', 'put'>;

export function settingsQueryOptions() {
  return getQueryOptions(settingsKeys.all, '/api/admin/settings');
}

export function updateSettingsMutationOptions() {
  return mutationOptions({
    mutationFn: (body: UpdateSettingsBody) =>
      unwrap(apiClient.PUT('/api/admin/settings', { body })),
  });
}
