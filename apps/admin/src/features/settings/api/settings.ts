import { apiClient, settingsKeys, unwrap, type paths } from '@hms/api-client';
import { mutationOptions, queryOptions } from '@tanstack/react-query';

export type AgencySettings =
  paths['/api/admin/settings']['get']['responses'][200]['content']['application/json'];
export type UpdateSettingsBody = NonNullable<
  paths['/api/admin/settings']['put']['requestBody']
>['content']['application/json'];

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
