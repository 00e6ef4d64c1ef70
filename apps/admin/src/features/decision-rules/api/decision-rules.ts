import { apiClient, unwrap } from '@hms/api-client';
import type { RuleVersionBody } from '@hms/contracts/decision-rules';
import { mutationOptions } from '@tanstack/react-query';
import type { RuleVersionList } from '../../../shared/decision-rule-versions.ts';

export type RuleVersionRow = RuleVersionList['versions'][number];

const path = (programId: string) => ({ params: { path: { programId } } });
const versionPath = (programId: string, versionId: string) => ({
  params: { path: { programId, versionId } },
});

export function createRuleDraftMutationOptions(programId: string) {
  return mutationOptions({
    mutationFn: (body: RuleVersionBody) =>
      unwrap(
        apiClient.POST('/api/admin/programs/{programId}/decision-rules/versions', {
          ...path(programId),
          body,
        }),
      ),
  });
}

export function saveRuleDraftMutationOptions(programId: string, versionId: string) {
  return mutationOptions({
    mutationFn: (body: RuleVersionBody) =>
      unwrap(
        apiClient.PUT('/api/admin/programs/{programId}/decision-rules/versions/{versionId}', {
          ...versionPath(programId, versionId),
          body,
        }),
      ),
  });
}

/** Saves the draft as shown, then asks for it to go live: the API checks the saved version, not the screen's copy. */
export function publishRuleDraftMutationOptions(programId: string, versionId: string) {
  return mutationOptions({
    mutationFn: async (body: RuleVersionBody) => {
      await unwrap(
        apiClient.PUT('/api/admin/programs/{programId}/decision-rules/versions/{versionId}', {
          ...versionPath(programId, versionId),
          body,
        }),
      );
      return unwrap(
        apiClient.POST(
          '/api/admin/programs/{programId}/decision-rules/versions/{versionId}/publish',
          { ...versionPath(programId, versionId), body: {} },
        ),
      );
    },
  });
}

export function setAutomationMutationOptions(programId: string) {
  return mutationOptions({
    mutationFn: (enabled: boolean) =>
      unwrap(
        apiClient.PUT('/api/admin/programs/{programId}/decision-rules/automation', {
          ...path(programId),
          body: { enabled },
        }),
      ),
  });
}
