import { getQueryOptions, adminProgramKeys, apiClient, unwrap } from '@hms/api-client';
import type { RequestBody, ResponseBody } from '@hms/api-client';
import type { ProgramDraft } from '@hms/contracts/program-admin';
import type { EligibilityRule } from '@hms/contracts/question-set';
import { mutationOptions, queryOptions } from '@tanstack/react-query';
import type { AdminProgram } from '../../../shared/admin-program.ts';

export type ProgramVersions = ResponseBody<'/api/admin/programs/{programId}/versions'>;
type CreateProgramBody = RequestBody<'/api/admin/programs', 'post'>;

/** One published version in the versions list. */
export type ProgramVersion = ProgramVersions['items'][number];

const path = (programId: string) => ({ params: { path: { programId } } });

export function adminProgramsQueryOptions() {
  return getQueryOptions(adminProgramKeys.list(), '/api/admin/programs');
}

export function programVersionsQueryOptions(programId: string) {
  return getQueryOptions(
    adminProgramKeys.versions(programId),
    '/api/admin/programs/{programId}/versions',
    path(programId),
  );
}

export function versionDiffQueryOptions(programId: string, version: number) {
  return getQueryOptions(
    adminProgramKeys.diff(programId, version),
    '/api/admin/programs/{programId}/versions/{version}/diff',
    { params: { path: { programId, version }, query: {} } },
  );
}

export function eligibilityPreviewQueryOptions(programId: string, rules: EligibilityRule[]) {
  return queryOptions({
    queryKey: adminProgramKeys.preview(programId, rules),
    queryFn: ({ signal }) =>
      unwrap(
        apiClient.POST('/api/admin/programs/{programId}/eligibility-preview', {
          ...path(programId),
          body: { rules },
          signal,
        }),
      ),
  });
}

export function createProgramMutationOptions() {
  return mutationOptions({
    mutationFn: (body: CreateProgramBody) =>
      unwrap(apiClient.POST('/api/admin/programs', { body })),
  });
}

export type ProgramAction =
  | { kind: 'save'; draft: ProgramDraft }
  | { kind: 'requestPublish'; changeSummary: string }
  | { kind: 'approve' }
  | { kind: 'withdraw' }
  | { kind: 'open'; closesAt?: string }
  | { kind: 'close' }
  | { kind: 'archive' }
  | { kind: 'revert'; version: number; changeSummary: string };

/** Every change an administrator makes to one program; each answers with the program as it now is. */
export function programActionMutationOptions(programId: string) {
  return mutationOptions({
    mutationFn: (a: ProgramAction): Promise<AdminProgram> => {
      const p = path(programId);
      const run = () => {
        switch (a.kind) {
          case 'save':
            return apiClient.PUT('/api/admin/programs/{programId}/draft', {
              ...p,
              body: { draft: a.draft },
            });
          case 'requestPublish':
            return apiClient.POST('/api/admin/programs/{programId}/publish-requests', {
              ...p,
              body: { changeSummary: a.changeSummary },
            });
          case 'approve':
            return apiClient.POST('/api/admin/programs/{programId}/publish-requests/approve', {
              ...p,
              body: {},
            });
          case 'withdraw':
            return apiClient.POST('/api/admin/programs/{programId}/publish-requests/withdraw', {
              ...p,
              body: {},
            });
          case 'open':
            return apiClient.POST('/api/admin/programs/{programId}/open', {
              ...p,
              body: a.closesAt ? { closesAt: a.closesAt } : {},
            });
          case 'close':
            return apiClient.POST('/api/admin/programs/{programId}/close', { ...p, body: {} });
          case 'archive':
            return apiClient.POST('/api/admin/programs/{programId}/archive', { ...p, body: {} });
          case 'revert':
            return apiClient.POST('/api/admin/programs/{programId}/revert', {
              ...p,
              body: { version: a.version, changeSummary: a.changeSummary },
            });
        }
      };
      return unwrap(run());
    },
  });
}
